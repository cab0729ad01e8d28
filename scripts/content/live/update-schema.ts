/**
 * The front matter of one live update (CONTENT.md, "Live coverage"): when it was posted, an
 * optional title, whether it is a key event or the pinned update, who wrote it, and whether it
 * is a draft. Dates and bylines follow the article contract's own rules.
 */
import { z } from "zod";
import { bylineEntries } from "../byline-entry.ts";
import { dateTime, line, optional } from "../schema-helpers.ts";

const flag = () => optional(z.boolean({ error: "must be true or false" }));

/** The schema of an update's front matter. */
export const liveUpdateSchema = z.strictObject({
  time: dateTime(),
  title: optional(line().max(200, { error: "is longer than 200 characters" })),
  key: flag(),
  pinned: flag(),
  authors: optional(bylineEntries()),
  draft: flag(),
});

export type LiveUpdateFrontMatter = z.output<typeof liveUpdateSchema>;

/** Every field an update may have, for "did you mean" suggestions. */
export const UPDATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(liveUpdateSchema.shape),
};

/** How to fix a problem in each field of an update, shown under the message. */
export function updateFieldFix(field: string): string {
  switch (field.replace(/\.\d+(?=\.|$)/g, "")) {
    case "time":
      return "Write when the update was posted, with its UTC offset and not before the live blog's date, e.g. time: 2026-12-07T10:32:00+08:00.";
    case "title":
      return 'Write a short heading as plain text of 1 to 200 characters, in quotes if it contains ": ", or remove the field.';
    case "key":
      return "Write key: true to list the update among the key events, or remove the field.";
    case "pinned":
      return "Write pinned: true to show the update above the others, or remove the field.";
    case "authors":
      return "Write authors as a list, e.g. authors: [tan-hui-yee] (a profile's slug) or authors: [Jane Tan].";
    case "draft":
      return "Write draft: true or draft: false.";
    default:
      return "Check the field against the live coverage contract: time, title, key, pinned, authors, draft.";
  }
}
