/**
 * Steps 1-2 of a build (build-site.ts): every article folder against the last build's entry,
 * the folders whose fingerprints changed read, and only those whose content changed parsed (on
 * workers when there are many, a cold build's thousands); then the live/ folders of live blogs
 * and of articles whose folder changed. What it returns is every article's entry, by folder
 * name in name order, whatever was reused or parsed.
 */
import type { ContentIssue } from "../content/issues.ts";
import type { Site } from "../content/model.ts";
import { settleUnchanged, statArticles } from "./article-scan.ts";
import type { FolderScan } from "./folder-scan.ts";
import type { Step } from "./image-stages.ts";
import { scanLive } from "./live-stage.ts";
import { READ_THRESHOLD, readAll } from "./passes.ts";
import type { RecordStore } from "./record-store.ts";
import type { ArticleEntry, BuildState } from "./state.ts";
import { WorkerPool, wantsWorkers, workerCount } from "./worker-pool.ts";

export interface ArticleStageInput {
  readonly root: string;
  readonly site: Site;
  /** The article parser's code version: a new one parses every article again. */
  readonly parseKey: string;
  /** The live update parser's code version. */
  readonly liveParseKey: string;
  readonly state: BuildState | undefined;
  /** The folders as the change check found them (folder-scan.ts). */
  readonly scan: FolderScan;
  readonly records: RecordStore;
  readonly recordsDir: string;
  /** Times a step for the build's timings. */
  readonly step: Step;
}

export interface ArticleStage {
  /** Every article's entry, live blogs' updates included, by folder name in name order. */
  readonly entries: ReadonlyMap<string, ArticleEntry>;
  /** Every article folder's name, those whose article has a mistake too. */
  readonly folders: readonly string[];
  readonly issues: readonly ContentIssue[];
  /** Articles parsed, live updates seen and parsed, for the summary. */
  readonly parsed: number;
  readonly live: { readonly updates: number; readonly parsed: number };
  /** The workers started for a large read, for the passes that follow to reuse. */
  readonly pool: WorkerPool | undefined;
}

const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

export async function runArticleStage(input: ArticleStageInput): Promise<ArticleStage> {
  const { root, site, parseKey, state, records, step } = input;
  const { stat, settled } = await step("comparing articles", () => {
    const sameParser = state?.globals.code.parse === parseKey;
    const stat = statArticles(root, site, state?.articles ?? {}, sameParser, input.scan);
    return { stat, settled: settleUnchanged(root, site, parseKey, stat.pending) };
  });
  const readSetup = { root, site, parseKey, recordsDir: input.recordsDir };
  let pool: WorkerPool | undefined;
  if (wantsWorkers(settled.pending.length, READ_THRESHOLD)) {
    pool = new WorkerPool(workerCount());
    pool.broadcast({ type: "read-setup", setup: readSetup });
  }
  try {
    const read = await step("reading articles", () =>
      readAll(settled.pending, readSetup, records, pool),
    );
    const readEntries = new Map([...stat.kept, ...settled.entries, ...read.entries].sort(byName));
    // Records whose pack was lost are parsed again now, once, rather than at every render.
    records.heal(readEntries, root, site);
    // Live blogs' updates: only the live/ folders and files that changed are read (live-scan.ts).
    const live = await step("reading live updates", () =>
      scanLive(root, readEntries, state?.articles ?? {}, input.liveParseKey, records.packs),
    );
    return {
      entries: live.entries,
      folders: [...stat.kept.keys(), ...stat.pending.map((pending) => pending.name)],
      issues: [...stat.issues, ...read.issues, ...live.issues],
      parsed: read.parsed,
      live: { updates: live.updates, parsed: live.parsed },
      pool,
    };
  } catch (error) {
    // The build closes the pool it is given; this one it has not been given yet.
    pool?.close();
    throw error;
  }
}
