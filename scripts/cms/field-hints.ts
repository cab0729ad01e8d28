/**
 * What the schemas alone cannot tell the editor's form: a label and a line of help for each
 * field, which text is a photo file, which text is long, and the section choices (the schema
 * checks a section with a function, which has no options to read). A field with no hint still
 * appears, labelled from its name: hints only make it friendlier.
 *
 * Keys are field paths within a collection, list items included without an index:
 * `image.alt`, `corrections.date`.
 */
import type { Site } from "../content/model.ts";

export interface FieldHint {
  readonly label?: string;
  /**
   * A list's label for one item: the Add button says "Add Correction", and the collapsed list
   * "1 Correction", not "1 Corrections".
   */
  readonly one?: string;
  /** Shown under the field. */
  readonly hint?: string;
  /** `image`: a photo file beside the entry; `text`: several lines of plain text. */
  readonly widget?: "image" | "text";
  /** The values to choose from, with the names editors know them by. */
  readonly choices?: (site: Site) => readonly { readonly label: string; readonly value: string }[];
  /**
   * Values chosen from another collection's entries (Sveltia's relation widget): the collection,
   * and the entry field shown for each. The entry's slug is what is written.
   */
  readonly relation?: { readonly collection: string; readonly display: string };
}

export type FieldHints = Readonly<Record<string, FieldHint>>;

const PHOTO_FORMATS = "JPEG, PNG, WebP, AVIF or TIFF";

export const ARTICLE_HINTS: FieldHints = {
  title: { label: "Headline", hint: "Plain text, up to 200 characters." },
  description: {
    label: "Standfirst",
    widget: "text",
    hint: "Plain text. Leave empty to use the first paragraph.",
  },
  date: {
    label: "Published",
    hint: "First publication, in the site's time zone. A time in the future is an embargo.",
  },
  updated: { label: "Updated", hint: "The last substantive update; not before Published." },
  ended: {
    label: "Coverage ended",
    hint: "Live coverage only (Kind: Live): when it ended, not before Published. Leave it empty for any other article.",
  },
  section: {
    label: "Section",
    choices: (site) =>
      site.sections.map((section) => ({ label: section.name, value: section.slug })),
  },
  kind: { label: "Kind", hint: "What sort of piece it is; news when left empty." },
  tags: { label: "Topics", one: "Topic", hint: "Each topic gets its own page." },
  dateline: { label: "Dateline", hint: "Place(s) of reporting, e.g. WASHINGTON/SEOUL." },
  sources: {
    label: "Wire agencies",
    one: "Wire agency",
    hint: "Agencies credited, e.g. Reuters, AFP.",
  },
  authors: {
    label: "Authors",
    hint: "Chosen from the author profiles; none means an agency or staff story. A writer without a profile: add one under Author profiles (a name is enough).",
    relation: { collection: "authors", display: "name" },
  },
  corrections: { label: "Corrections", one: "Correction", hint: "Oldest first." },
  "corrections.date": { label: "Date" },
  "corrections.text": { label: "Text", widget: "text" },
  "corrections.type": { label: "Type", hint: "A correction when left empty." },
  image: { label: "Lead photo" },
  "image.src": {
    label: "Photo",
    widget: "image",
    hint: `${PHOTO_FORMATS}, saved beside the article.`,
  },
  "image.alt": { label: "Alt text", hint: "What the photo shows, for readers who cannot see it." },
  "image.caption": { label: "Caption" },
  "image.credit": { label: "Credit", hint: "Shown as PHOTO: <credit>, e.g. AFP." },
  "image.focus": {
    label: "Focal point",
    hint: "Two numbers from 0 to 1: across, then down (0.5, 0.5 is the centre). Crops keep it.",
  },
  video: { label: "Video (Brightcove)" },
  "video.provider": { label: "Provider" },
  "video.id": { label: "Video id", hint: "The Brightcove video id: digits only." },
  "video.title": { label: "Title" },
  "video.description": { label: "Description", widget: "text" },
  "video.thumbnail": {
    label: "Thumbnail",
    widget: "image",
    hint: `${PHOTO_FORMATS}, saved beside the article.`,
  },
  "video.duration": { label: "Duration", hint: "ISO 8601, e.g. PT1M12S for 1 min 12 s." },
  draft: {
    label: "Draft",
    // No default: Sveltia writes a field's default into every entry it saves that lacks the
    // field, which would take a published article off the site when it is merely corrected.
    hint: "On: kept off the published site (npm start still shows it). Off: published by the next build.",
  },
  related: {
    label: "Related stories",
    relation: { collection: "articles", display: "title" },
    hint: "Chosen by headline; shown first, in this order, before the automatic ones. A draft or embargoed story waits until it is published.",
  },
};

export const AUTHOR_HINTS: FieldHints = {
  name: { label: "Name", hint: "As shown in bylines." },
  role: { label: "Role", hint: "e.g. Indonesia Bureau Chief." },
  bio: { label: "Biography", widget: "text" },
  photo: { label: "Photo", widget: "image", hint: `${PHOTO_FORMATS}, saved beside the profile.` },
  links: { label: "Links", one: "Link", hint: "https addresses, e.g. the author's page on X." },
};

/** `corrections` from `correctionsDate`-style names: the label for a field with no hint. */
export function labelFromName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
