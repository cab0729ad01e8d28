/**
 * The fronts in the editors' web UI (issue 21): a files collection with the front page's file
 * and one file per section, their fields made from the schema the build validates fronts with
 * (scripts/content/front-schema.ts). Stories are chosen from the articles by headline and saved
 * as slugs; the banner is edited on the front page's file only, where the build reads it.
 */

import { FRONTS_PATH, HOME_FRONT } from "../content/front-model.ts";
import { DEFAULT_SIZES, frontSchema } from "../content/front-schema.ts";
import type { Site } from "../content/model.ts";
import type { FieldHints } from "./field-hints.ts";
import { type CmsField, cmsFields } from "./fields.ts";
import { objectFields } from "./schema-shape.ts";

export const FRONT_HINTS: FieldHints = {
  breaking: {
    label: "Breaking-news banner",
    hint: "Shown on the front page and on every article while it lasts.",
  },
  "breaking.text": { label: "Text", hint: "One line of plain text." },
  "breaking.link": {
    label: "Link",
    hint: "A story's slug (its folder's name) or an https address; leave empty for no link.",
  },
  "breaking.until": {
    label: "Until",
    hint: "When the banner comes down, in the site's time zone. Leave empty to keep it up.",
  },
  containers: {
    label: "Containers",
    hint: "From the top of the page down. Without any, the page lists its latest stories.",
  },
  "containers.title": { label: "Title", hint: "The container's heading; optional on the first." },
  "containers.layout": {
    label: "Layout",
    hint: "lead: one story large, the rest beside it. grid: cards with photos. list: headlines with times.",
  },
  "containers.stories": {
    label: "Stories",
    relation: { collection: "articles", display: "title" },
    hint: "Chosen by headline, shown first in this order. A draft or embargoed story waits until it is published.",
  },
  "containers.fill": {
    label: "Fill",
    hint: "After the stories: the newest that match every condition given, skipping any already on the page. Give no condition for the newest of all.",
  },
  "containers.fill.section": {
    label: "Section",
    choices: (site) =>
      site.sections.map((section) => ({ label: section.name, value: section.slug })),
  },
  "containers.fill.topic": { label: "Topic", hint: "A topic as articles' tags write it." },
  "containers.fill.kind": { label: "Kind" },
  "containers.size": {
    label: "Size",
    hint: `How many stories, the chosen ones first. Empty: lead ${DEFAULT_SIZES.lead}, grid ${DEFAULT_SIZES.grid}, list ${DEFAULT_SIZES.list}.`,
  },
};

/** The fields of a front's file: the front page's with the banner, a section's without. */
function frontFields(site: Site, home: boolean): CmsField[] {
  const fields = cmsFields(
    objectFields(frontSchema(site.sections.map((section) => section.slug))),
    FRONT_HINTS,
    site,
  );
  return home ? fields : fields.filter((field) => field.name !== "breaking");
}

/** The fronts collection: `content/fronts/home.yaml`, then each section's file, in site order. */
export function frontsCollection(site: Site): Record<string, unknown> {
  const file = (name: string, label: string, home: boolean) => ({
    name,
    label,
    file: `${FRONTS_PATH}/${name}.yaml`,
    format: "yaml",
    fields: frontFields(site, home),
  });
  return {
    name: "fronts",
    label: "Fronts",
    label_singular: "Front",
    files: [
      file(HOME_FRONT, "Front page", true),
      ...site.sections.map((section) => file(section.slug, `${section.name} front`, false)),
    ],
  };
}
