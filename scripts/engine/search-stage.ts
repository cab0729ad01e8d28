/**
 * Which parts the search index has this build, which of them can be taken as they are, and the
 * indexing of the others (started at once: Pagefind works in its own process while the pages
 * render).
 */
import type { Site } from "../content/model.ts";
import type { PlannedArticle } from "../site/planned-article.ts";
import { type SearchPart, searchParts } from "../site/search-parts.ts";
import type { PackStore } from "./pack-store.ts";
import type { RecordStore } from "./record-store.ts";
import { indexParts, partIntact, partKey } from "./search-index.ts";
import type { BuildState, PartEntry } from "./state.ts";

export interface SearchStage {
  /** The parts' ids, newest first: the search page lists them. */
  readonly ids: readonly string[];
  /** Every part's entry, once indexing is done. */
  readonly entries: Promise<Map<string, PartEntry>>;
  /** How many parts are being indexed. */
  readonly indexing: number;
}

export interface SearchStageInput {
  readonly root: string;
  readonly site: Site;
  readonly articles: readonly PlannedArticle[];
  readonly nowMs: number;
  readonly codeVersion: string;
  readonly state: BuildState | undefined;
  /** Whether the last build's parts are in `_site/` as they were (then they need no check). */
  readonly inPlace: boolean;
  /** Keep the last build's index as it was (the dev server's first pass). */
  readonly skip: boolean;
  readonly records: RecordStore;
  readonly store: PackStore;
}

export function startSearchStage(input: SearchStageInput): SearchStage {
  const { site, state, store } = input;
  const kept = input.skip && state ? keptParts(state, store) : undefined;
  if (kept) {
    return { ids: [...kept.keys()], entries: Promise.resolve(kept), indexing: 0 };
  }
  const parts = searchParts(input.articles, input.nowMs, site.timeZone).map((part) => ({
    part,
    key: partKey(part, site.language, input.codeVersion),
  }));
  const ready = new Map<string, PartEntry>();
  const toIndex: { part: SearchPart; key: string }[] = [];
  for (const { part, key } of parts) {
    const before = state?.search[part.id];
    if (before && before.key === key && (input.inPlace || partIntact(before, store))) {
      ready.set(part.id, before);
    } else {
      toIndex.push({ part, key });
    }
  }
  const indexing = indexParts(toIndex, input, store);
  // Awaited after rendering; until then a failure must not be reported as unhandled.
  indexing.catch(() => undefined);
  const entries = indexing.then((made) => {
    const all = new Map<string, PartEntry>();
    for (const { part, key } of parts) {
      const entry = ready.get(part.id) ?? made.get(key);
      if (!entry) throw new Error(`search: part ${part.id} was neither kept nor indexed`);
      all.set(part.id, entry);
    }
    return all;
  });
  entries.catch(() => undefined);
  return { ids: parts.map(({ part }) => part.id), entries, indexing: toIndex.length };
}

/** The last build's parts, newest first, when every one can still be read. */
function keptParts(state: BuildState, store: PackStore): Map<string, PartEntry> | undefined {
  const ids = Object.keys(state.search).sort((a, b) => (a < b ? 1 : -1));
  const parts = new Map(ids.map((id) => [id, state.search[id] as PartEntry]));
  return [...parts.values()].every((entry) => partIntact(entry, store)) ? parts : undefined;
}
