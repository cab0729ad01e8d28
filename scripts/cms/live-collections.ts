/**
 * The editor's way to add an update to a live blog (CONTENT.md, "Live coverage"): one folder
 * collection per live blog whose coverage has not ended, `content/articles/<slug>/live/`, each
 * entry a new file there, its fields made from the update schema the build validates with. The
 * time is filled in with now, in the site's zone (Sveltia CMS's `{{now}}` default, written with
 * the site's offset through `input_timezone`); photos are saved beside the update, in live/,
 * where the build looks for them first.
 */
import { LIVE_FOLDER } from "../content/live/update.ts";
import { liveUpdateSchema } from "../content/live/update-schema.ts";
import type { Site } from "../content/model.ts";
import type { FieldHints } from "./field-hints.ts";
import { type CmsField, cmsFields } from "./fields.ts";
import { objectFields } from "./schema-shape.ts";

/** A live blog the editor offers updates for. */
export interface CmsLiveBlog {
  /** The article's folder name. */
  readonly slug: string;
  readonly title: string;
}

export const UPDATE_HINTS: FieldHints = {
  time: {
    label: "Time",
    hint: "When it happened, in the site's time zone: now, unless you change it. A time still to come holds the update back until then.",
  },
  title: { label: "Title", hint: "Optional: a short heading for the update." },
  key: { label: "Key event", hint: "Listed at the top of the blog, linked to this update." },
  pinned: {
    label: "Pinned",
    hint: "Shown above the other updates. At most one update of the blog may be pinned.",
  },
  authors: {
    label: "Authors",
    hint: "Chosen from the author profiles; leave empty for the blog's own credit.",
    relation: { collection: "authors", display: "name" },
  },
  draft: { label: "Draft", hint: "A draft is left out of the published site." },
};

/**
 * An update's file name is its permanent id: the moment the editor created it (in UTC, as
 * Sveltia's date tags are), digits and a hyphen, so it is always a valid id and never the same
 * twice in a second.
 */
const UPDATE_SLUG = "{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}";

/** The update's text: the same Markdown as an article's body. */
function bodyField(articleBody: CmsField): CmsField {
  return { ...articleBody, label: "Update", hint: "What happened. The same Markdown as a story." };
}

/** One folder collection per blog, newest blog first. */
export function liveCollections(
  site: Site,
  blogs: readonly CmsLiveBlog[],
  articleBody: CmsField,
): Record<string, unknown>[] {
  const fields = cmsFields(objectFields(liveUpdateSchema), UPDATE_HINTS, site).map((field) =>
    field.name === "time" ? { ...field, default: "{{now}}" } : field,
  );
  return blogs.map((blog) => ({
    name: `live-${blog.slug}`,
    label: `Live: ${blog.title}`,
    label_singular: "Live update",
    description: `Updates to the live blog "${blog.title}": each is a file in its ${LIVE_FOLDER}/ folder.`,
    folder: `content/articles/${blog.slug}/${LIVE_FOLDER}`,
    create: true,
    extension: "md",
    format: "yaml-frontmatter",
    slug: UPDATE_SLUG,
    identifier_field: "title",
    summary: "{{time}} {{title}}",
    sortable_fields: ["time"],
    // Photos beside the update, in live/.
    media_folder: "",
    public_folder: "",
    fields: [...fields, bodyField(articleBody)],
  }));
}
