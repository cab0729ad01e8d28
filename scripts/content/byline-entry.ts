/**
 * One entry of an article's `authors` (CONTENT.md, "Authors"): a profile's slug or name (linked
 * to the profile), a name shown as written, or `{name: ...}`, which is always shown as written
 * and never taken for a profile: a different person whose name is a typing slip away from a
 * profile's (`{name: Tan Hui Yi}` beside the profile "Tan Hui Yee").
 */
import { z } from "zod";
import { describeValue, line } from "./schema-helpers.ts";

export type BylineEntry = string | { readonly name: string };

/** The name an entry prints as, before any profile is looked up. */
export function entryName(entry: BylineEntry): string {
  return typeof entry === "string" ? entry : entry.name;
}

/** True for `{name: ...}`: shown as written, never linked to a profile. */
export function isWrittenAsIs(entry: BylineEntry): entry is { readonly name: string } {
  return typeof entry !== "string";
}

/** One `authors` entry: text, or a group holding only `name`. */
export const bylineEntry = () =>
  z.union([line(), z.strictObject({ name: line() })], {
    error: (issue) =>
      `must be a name, a profile's slug or {name: ...}, not ${describeValue(issue.input)}`,
  });

/** The `authors` list. */
export const bylineEntries = () =>
  z.array(bylineEntry(), {
    error: (issue) => `must be a list, not ${describeValue(issue.input)}`,
  });
