/**
 * Reads a zod schema as the editor's form sees it: which fields exist, which are required, and
 * what each may hold (text with its length and pattern, a date, a number with its range, a
 * choice, a list, a group). The CMS configuration is made from this, so a field added to a
 * schema appears in the editor with no other change.
 *
 * It reads zod 4's schema definitions (`schema._zod.def`, the documented way for tools to look
 * inside a schema). A kind of schema it does not know is an error naming the field, never a
 * field silently left out of the editor.
 */
import { DateTime, Duration } from "luxon";
import type { z } from "zod";

interface Common {
  /** False when the field may be left out (zod `optional`, `nullish`, `default`). */
  readonly required: boolean;
}

export type FieldShape = Common &
  (
    | {
        readonly kind: "text";
        readonly minLength?: number;
        readonly maxLength?: number;
        readonly pattern?: RegExp;
        /** The schema's own message for text that does not match the pattern. */
        readonly patternMessage?: string;
      }
    /** Text the schema reads as a date-time with a UTC offset (it parses to a luxon DateTime). */
    | { readonly kind: "datetime" }
    /** Text the schema reads as an ISO 8601 duration (it parses to a luxon Duration). */
    | { readonly kind: "duration" }
    | {
        readonly kind: "number";
        readonly integer: boolean;
        readonly min?: number;
        readonly max?: number;
      }
    | { readonly kind: "boolean" }
    | { readonly kind: "choice"; readonly options: readonly string[] }
    | {
        readonly kind: "list";
        readonly item: FieldShape;
        readonly minItems?: number;
        readonly maxItems?: number;
      }
    | { readonly kind: "group"; readonly fields: Readonly<Record<string, FieldShape>> }
    /**
     * One of several kinds of value (an `authors` entry: text or `{name: ...}`): no single widget
     * writes every kind, so the field needs a hint saying which widget to use (field-hints.ts).
     */
    | { readonly kind: "mixed"; readonly path: string; readonly options: readonly string[] }
  );

/** zod 4's definition of a schema: the parts this reader uses. */
interface Definition {
  readonly type: string;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly options?: readonly z.ZodType[];
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDefinition } }[];
}

interface CheckDefinition {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly error?: (issue: { readonly input: unknown }) => unknown;
}

function definition(schema: z.ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

function isOptional(schema: z.ZodType): boolean {
  return (schema as unknown as { _zod: { optin?: string } })._zod.optin === "optional";
}

function checks(def: Definition): CheckDefinition[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

/** Samples that tell a date or a duration field from plain text by what the schema makes of them. */
const SAMPLE_DATE = "2019-06-23T11:05:00+08:00";
const SAMPLE_DURATION = "PT1M12S";

/** The fields of an object schema (the whole front matter, or a profile), in schema order. */
export function objectFields(schema: z.ZodType, path = ""): Record<string, FieldShape> {
  const def = definition(schema);
  if (def.type !== "object" || !def.shape) {
    throw new Error(`${path || "the schema"} is not a group of fields (zod ${def.type})`);
  }
  return Object.fromEntries(
    Object.entries(def.shape).map(([name, field]) => [
      name,
      fieldShape(field, path ? `${path}.${name}` : name),
    ]),
  );
}

/** What one field may hold; `path` names it in errors. */
export function fieldShape(schema: z.ZodType, path: string): FieldShape {
  return { ...valueShape(schema, path), required: !isOptional(schema) } as FieldShape;
}

type ValueShape = FieldShape extends infer Shape
  ? Shape extends FieldShape
    ? Omit<Shape, "required">
    : never
  : never;

function valueShape(schema: z.ZodType, path: string): ValueShape {
  const def = definition(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return valueShape(required(def.innerType, path), path);
    case "pipe": {
      // A transform after text: a date or a duration is told by what the schema parses it to.
      const input = valueShape(required(def.in, path), path);
      if (input.kind !== "text") return input;
      if (parsesTo(schema, SAMPLE_DATE, DateTime.isDateTime)) return { kind: "datetime" };
      if (parsesTo(schema, SAMPLE_DURATION, Duration.isDuration)) return { kind: "duration" };
      return input;
    }
    case "string":
      return textShape(def);
    case "number":
      return numberShape(def);
    case "boolean":
      return { kind: "boolean" };
    case "enum":
      return { kind: "choice", options: Object.values(def.entries ?? {}).map(String) };
    case "literal":
      return { kind: "choice", options: (def.values ?? []).map(String) };
    case "union": {
      // A union of literals is a choice; anything richer has no single widget.
      const options = (def.options ?? []).map((option) => valueShape(option, path));
      if (options.every((option) => option.kind === "choice")) {
        return { kind: "choice", options: options.flatMap((option) => option.options) };
      }
      return { kind: "mixed", path, options: options.map((option) => option.kind) };
    }
    case "array": {
      const lengths = checks(def);
      return {
        kind: "list",
        item: fieldShape(required(def.element, path), `${path}[]`),
        ...bound("minItems", lengths.find((check) => check.check === "min_length")?.minimum),
        ...bound("maxItems", lengths.find((check) => check.check === "max_length")?.maximum),
      };
    }
    case "tuple": {
      // [x, y]: a list of exactly that many values of one kind.
      const items = (def.items ?? []).map((item, index) => fieldShape(item, `${path}[${index}]`));
      const [first] = items;
      if (!first || items.some((item) => JSON.stringify(item) !== JSON.stringify(first))) {
        throw unsupported(path, "a tuple whose items differ");
      }
      return { kind: "list", item: first, minItems: items.length, maxItems: items.length };
    }
    case "object":
      return { kind: "group", fields: objectFields(schema, path) };
    default:
      throw unsupported(path, `zod ${def.type}`);
  }
}

function required(schema: z.ZodType | undefined, path: string): z.ZodType {
  if (!schema) throw unsupported(path, "an incomplete schema");
  return schema;
}

function textShape(def: Definition): ValueShape {
  const list = checks(def);
  return {
    kind: "text",
    ...bound("minLength", list.find((check) => check.check === "min_length")?.minimum),
    ...bound("maxLength", list.find((check) => check.check === "max_length")?.maximum),
    ...patternOf(list.find((check) => check.check === "string_format" && check.format === "regex")),
  };
}

/** The pattern and the schema's message for it, capitalised as a sentence for the form. */
function patternOf(check: CheckDefinition | undefined) {
  if (!check?.pattern) return {};
  const message = check.error?.({ input: "" });
  return {
    pattern: check.pattern,
    ...(typeof message === "string"
      ? { patternMessage: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` }
      : {}),
  };
}

function numberShape(def: Definition): ValueShape {
  const list = checks(def);
  return {
    kind: "number",
    integer: list.some(
      (check) => check.check === "number_format" && /int/.test(check.format ?? ""),
    ),
    ...bound("min", list.find((check) => check.check === "greater_than")?.value),
    ...bound("max", list.find((check) => check.check === "less_than")?.value),
  };
}

function bound<Key extends string>(key: Key, value: number | undefined) {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: number };
}

function parsesTo(schema: z.ZodType, sample: string, test: (value: unknown) => boolean): boolean {
  const result = schema.safeParse(sample);
  return result.success && test(result.data);
}

export function unsupported(path: string, what: string): Error {
  return new Error(
    `The editors' web UI cannot show the field ${path}: it is ${what}. ` +
      "Teach scripts/cms/schema-shape.ts this kind of field, or give it a hint in scripts/cms/field-hints.ts.",
  );
}
