/**
 * One schema field as a Sveltia CMS field: the widget that fits what the field holds, with the
 * schema's own rules (required, lengths, patterns, ranges, choices, list sizes) so the editor
 * refuses what the build would refuse, before saving.
 */
import type { Site } from "../content/model.ts";
import { type FieldHint, type FieldHints, labelFromName } from "./field-hints.ts";
import { type FieldShape, unsupported } from "./schema-shape.ts";

/** The photo formats the build reads (CONTENT.md): not GIF or SVG, which the CMS would offer. */
const PHOTO_TYPES = "image/jpeg,image/png,image/webp,image/avif,image/tiff";

/** ISO 8601 durations such as PT1M12S, as luxon reads them (the build's own check). */
const DURATION_PATTERN =
  "^P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$";

/**
 * A Sveltia CMS field, as plain data for config.yml. (The package's own types are not visible to
 * TypeScript 7 through its `export type *`; tests/cms check the options against the contract.)
 */
export type CmsField = Readonly<Record<string, unknown>>;

/** The CMS fields for a group of schema fields (a collection, or a group inside one). */
export function cmsFields(
  fields: Readonly<Record<string, FieldShape>>,
  hints: FieldHints,
  site: Site,
  prefix = "",
): CmsField[] {
  return Object.entries(fields).map(([name, shape]) =>
    cmsField(name, shape, prefix ? `${prefix}.${name}` : name, hints, site),
  );
}

function cmsField(
  name: string,
  shape: FieldShape,
  path: string,
  hints: FieldHints,
  site: Site,
): CmsField {
  const hint: FieldHint = hints[path] ?? {};
  const common = {
    name,
    label: hint.label ?? labelFromName(name),
    ...(hint.one ? { label_singular: hint.one } : {}),
    required: shape.required,
    ...(hint.hint ? { hint: hint.hint } : {}),
  };
  return { ...common, ...widget(shape, path, hint, hints, site) };
}

function widget(
  shape: FieldShape,
  path: string,
  hint: FieldHint,
  hints: FieldHints,
  site: Site,
): Record<string, unknown> {
  if (hint.choices) return { widget: "select", options: hint.choices(site) };
  if (hint.relation) {
    return {
      widget: "relation",
      collection: hint.relation.collection,
      value_field: "{{slug}}",
      display_fields: [hint.relation.display],
      search_fields: [hint.relation.display],
      ...(shape.kind === "list" ? { multiple: true } : {}),
    };
  }
  switch (shape.kind) {
    case "text":
      if (hint.widget === "image")
        return { widget: "image", choose_url: false, accept: PHOTO_TYPES };
      return {
        widget: hint.widget === "text" ? "text" : "string",
        // A required field is already non-empty: a minimum of 1 would only repeat it.
        ...(shape.minLength && shape.minLength > 1 ? { minlength: shape.minLength } : {}),
        ...(shape.maxLength !== undefined ? { maxlength: shape.maxLength } : {}),
        ...(shape.pattern
          ? { pattern: [shape.pattern.source, shape.patternMessage ?? "Not in the right form."] }
          : {}),
      };
    case "datetime":
      // Entered and written in the site's own zone, so the offset written is the site's.
      return { widget: "datetime", input_timezone: site.timeZone };
    case "duration":
      return { widget: "string", pattern: [DURATION_PATTERN, "Write it like PT1M12S."] };
    case "number":
      return {
        widget: "number",
        value_type: shape.integer ? "int" : "float",
        step: shape.integer ? 1 : 0.01,
        ...(shape.min !== undefined ? { min: shape.min } : {}),
        ...(shape.max !== undefined ? { max: shape.max } : {}),
      };
    case "boolean":
      return { widget: "boolean" };
    case "choice":
      return {
        widget: "select",
        options: [...shape.options],
        // A choice of one (the video provider) is made for the editor.
        ...(shape.options.length === 1 ? { default: shape.options[0] } : {}),
      };
    case "list": {
      const sizes = {
        ...(shape.minItems !== undefined ? { min: shape.minItems } : {}),
        ...(shape.maxItems !== undefined ? { max: shape.maxItems } : {}),
      };
      const item = shape.item;
      // A list of plain text is typed as comma-separated words; anything else gets one field per item.
      if (item.kind === "text" && !item.pattern && !hints[path]?.widget) {
        return { widget: "list", ...sizes };
      }
      if (item.kind === "group") {
        return { widget: "list", ...sizes, fields: cmsFields(item.fields, hints, site, path) };
      }
      return {
        widget: "list",
        ...sizes,
        field: cmsField("value", item, `${path}.value`, hints, site),
      };
    }
    case "group":
      return { widget: "object", fields: cmsFields(shape.fields, hints, site, path) };
    case "mixed":
      throw unsupported(shape.path, `one of several kinds of value (${shape.options.join(", ")})`);
  }
}
