/** Who an article is credited to, shared by the build and the web editor's preview (no Node APIs). */
import { type BylineEntry, entryName } from "./byline-entry.ts";
import type { Credit } from "./model.ts";

/** Who an article is credited to: its reporters, else its agencies, else the newsroom. */
export function creditOf(authors: readonly BylineEntry[], sources: readonly string[]): Credit {
  if (authors.length > 0) return { kind: "authors", names: authors.map(entryName) };
  if (sources.length > 0) return { kind: "agencies", names: sources };
  return { kind: "staff" };
}
