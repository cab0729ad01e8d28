/**
 * Which parts the search index has this build, which of them can be taken as they are, and the
 * indexing of the others (started at once: Pagefind works in its own process while the pages
 * render).
 */
import type { Site } from "../content/model.ts";
import type { PlannedArticle } from "../site/planned-article.ts";
import { searchParts } from "../site/search-parts.ts";
import type { PackStore } from "./pack-store.ts";
import type { RecordStore } from "./record-store.ts";
import { indexParts, type PartJob, partIntact, partJob, partKey } from "./search-index.ts";
import type { BuildState, PartEntry } from "./state.ts";
import type { WorkerPool } from "./worker-pool.ts";

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
  /**
   * Worker processes to index on, when the build has them: each part is a job, so two parts are
   * indexed at once (each by its own Pagefind process) and indexing takes turns with rendering.
   */
  readonly pool?: WorkerPool;
  /** The folders workers read records from and append search files to. */
  readonly dirs: { readonly records: string; readonly search: string };
  /** A part the build makes the records of itself (the standing pages': page-search.ts). */
  readonly extra?: PartJob;
}

export function startSearchStage(input: SearchStageInput): SearchStage {
  const { site, state, store } = input;
  const kept = input.skip && state ? keptParts(state, store) : undefined;
  if (kept) {
    return { ids: [...kept.keys()], entries: Promise.resolve(kept), indexing: 0 };
  }
  const parts = searchParts(input.articles, input.nowMs, site.timeZone).map((part) => {
    const key = partKey(part, site, input.codeVersion);
    return { part, key, job: () => partJob(part, key) };
  });
  const { extra } = input;
  if (extra) parts.push({ part: { id: extra.id, articles: [] }, key: extra.key, job: () => extra });
  const ready = new Map<string, PartEntry>();
  const toIndex: PartJob[] = [];
  for (const { part, key, job } of parts) {
    const before = state?.search[part.id];
    if (before && before.key === key && (input.inPlace || partIntact(before, store))) {
      ready.set(part.id, before);
    } else {
      toIndex.push(job());
    }
  }
  const indexing = input.pool
    ? onWorkers(toIndex, input, input.pool)
    : indexParts(toIndex, input, store);
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

/** Indexes parts as worker jobs, the largest first (they take longest; small ones fill gaps). */
async function onWorkers(
  parts: readonly PartJob[],
  input: SearchStageInput,
  pool: WorkerPool,
): Promise<Map<string, PartEntry>> {
  const setup = {
    root: input.root,
    site: input.site,
    recordsDir: input.dirs.records,
    searchDir: input.dirs.search,
  };
  const size = (part: PartJob) => part.articles.length + (part.records?.length ?? 0);
  const largestFirst = [...parts].sort((a, b) => size(b) - size(a));
  const results = await Promise.all(
    largestFirst.map(async (part) => {
      const result = await pool.run({ kind: "index", setup, part });
      if (result.kind !== "index")
        throw new Error("a worker answered an index job with something else");
      return result.entry;
    }),
  );
  return new Map(results.map((entry) => [entry.key, entry]));
}

/** The last build's parts, newest first, when every one can still be read. */
function keptParts(state: BuildState, store: PackStore): Map<string, PartEntry> | undefined {
  // In the order a full build lists them: dated parts newest first, then any other (the pages').
  const dated = (id: string) => /^\d/.test(id);
  const ids = Object.keys(state.search).sort((a, b) =>
    dated(a) !== dated(b) ? (dated(a) ? -1 : 1) : a < b ? 1 : -1,
  );
  const parts = new Map(ids.map((id) => [id, state.search[id] as PartEntry]));
  return [...parts.values()].every((entry) => partIntact(entry, store)) ? parts : undefined;
}
