/**
 * Broadsheet's scenarios on one project, in order, each building on the last: cold, nothing
 * changed, one article published, the front page's file edited, a recent and an older headline
 * edited, one article deleted, one layout change. Each runs `repeat` times (a new article, front, headline, deletion
 * or layout text each time).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { RACY_WINDOW_MS } from "../engine/fingerprint.ts";
import type { ArchivePicks } from "./archive.ts";
import { type BenchPaths, runBroadsheetBuild } from "./builds.ts";
import { type CodeCopy, changeLayout } from "./code-copy.ts";
import { describeRun } from "./format.ts";
import { writeBenchFront } from "./front.ts";
import { type GenerateOptions, publishedArticle } from "./generate.ts";
import { liveJsonSize, publishLiveUpdate } from "./live-blog.ts";
import { addFooterPage, editPageBody } from "./pages.ts";
import {
  type BuildResult,
  figures,
  PAGE_SCENARIOS,
  type RunFigures,
  SCENARIOS,
  type ScenarioKey,
  summarise,
} from "./results.ts";
import { deleteArticle, publishArticle, retitleArticle } from "./site.ts";

/** Waits, blocking, until files written so far are older than the racy window. */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_WINDOW_MS + 100);
}

/** What the scenarios run on. */
export interface ScenarioRun {
  readonly paths: BenchPaths;
  /** The code snapshot every build but the layout change runs. */
  readonly code: CodeCopy;
  /** A second copy the layout change edits and runs. */
  readonly layoutCode: CodeCopy;
  /** The Broadsheet project. */
  readonly root: string;
  /** Its media cache (BROADSHEET_CACHE_DIR), emptied for each cold build. */
  readonly mediaCache: string;
  readonly size: number;
  readonly repeat: number;
  readonly generate: GenerateOptions;
  readonly picks: ArchivePicks;
  /** Run the standing pages' scenarios (the project holds the shipped pages). */
  readonly pages: boolean;
  /** The archive holds the benchmark's live blog (`--live`): its scenario runs. */
  readonly live: boolean;
  /** The scenarios to run (`--only`); all when absent. */
  readonly only?: readonly ScenarioKey[];
  readonly log: (line: string) => void;
}

/** One scenario: the edit before each run, and the code it runs. */
interface Step {
  readonly prepare: (run: number) => void;
  readonly code: CodeCopy;
}

function steps(run: ScenarioRun): Record<ScenarioKey, Step> {
  const { root, code, picks } = run;
  const sections = run.generate.sections;
  const pick = <T>(list: readonly T[], index: number): T => {
    const item = list[index];
    if (item === undefined) throw new Error(`nothing picked for repeat ${index + 1}`);
    return item;
  };
  return {
    cold: {
      code,
      prepare: () => {
        for (const folder of ["_site", ".cache"]) {
          rmSync(path.join(root, folder), { recursive: true, force: true });
        }
        rmSync(run.mediaCache, { recursive: true, force: true });
        // The project has a front page's file from the start, as a newsroom's site does.
        writeBenchFront(root, picks, sections);
        // A build trusts no file modified within the racy window before it looked: it would
        // not record its inputs, and the next build ("nothing changed") would run in full.
        // A newsroom's files are older than that when a build starts; so are these.
        settle();
      },
    },
    unchanged: { code, prepare: () => undefined },
    liveUpdate: {
      code,
      // The newest update of the blog, filed now (after the last, by its name, at the same minute).
      prepare: (index) => publishLiveUpdate(root, run.generate.seed, index, 0),
    },
    added: {
      code,
      // New articles come after the archive's last index, every repeat's dated "now": the
      // benchmark's now is midnight (BENCH_NOW), so a story filed a minute earlier belongs to
      // the day that is over and re-indexes its search part (at 4,000 stories, the whole
      // year's 2,000). That happens to a newsroom only in the minutes after midnight; the
      // figure is about the publishes of the rest of the day.
      prepare: (index) => publishArticle(root, publishedArticle(run.size + index, run.generate)),
    },
    front: {
      code,
      prepare: (index) => writeBenchFront(root, picks, sections, index + 1),
    },
    edited: {
      code,
      prepare: (index) => {
        const article = pick(picks.edited, index);
        retitleArticle(root, article.slug, `Updated: ${article.title}`);
      },
    },
    olderEdited: {
      code,
      prepare: (index) => {
        const article = pick(picks.older, index);
        retitleArticle(root, article.slug, `Updated: ${article.title}`);
      },
    },
    deleted: { code, prepare: (index) => deleteArticle(root, pick(picks.deleted, index).slug) },
    pageEdited: { code, prepare: (index) => editPageBody(root, index) },
    footerAdded: { code, prepare: (index) => addFooterPage(root, index) },
    layout: {
      code: run.layoutCode,
      prepare: (index) => changeLayout(run.layoutCode, index + 1),
    },
  };
}

/** What the scenarios measured, and why any has no figures. */
export interface ScenarioOutcome {
  readonly builds: { [key in ScenarioKey]?: BuildResult };
  readonly errors: { [key in ScenarioKey]?: string };
  /** With `--live`: the blog's JSON after its update. */
  liveJson?: ReturnType<typeof liveJsonSize>;
}

/**
 * Runs every scenario in order. A failed build ends the sequence (every later scenario depends on
 * it): its error and the skipped scenarios are recorded, and the benchmark goes on.
 */
export async function runScenarios(run: ScenarioRun): Promise<ScenarioOutcome> {
  const outcome: ScenarioOutcome = { builds: {}, errors: {} };
  const plan = steps(run);
  const tag = `[${run.size.toLocaleString("en")}]`;
  let failed: string | undefined;
  for (const { key } of SCENARIOS) {
    if (!run.pages && PAGE_SCENARIOS.includes(key)) {
      outcome.errors[key] = "skipped (without --pages)";
      continue;
    }
    if (failed !== undefined) {
      outcome.errors[key] = `skipped: ${failed} failed`;
      continue;
    }
    if (key === "liveUpdate" && !run.live) {
      outcome.errors[key] = "skipped (no --live)";
      continue;
    }
    if (run.only && !run.only.includes(key)) {
      outcome.errors[key] = "skipped (--only)";
      continue;
    }
    const runs: RunFigures[] = [];
    try {
      for (let index = 0; index < run.repeat; index += 1) {
        const step = plan[key];
        step.prepare(index);
        const measured = await runBroadsheetBuild(run.paths, step.code, run.root, run.mediaCache);
        const result = figures(measured, measured.summary);
        runs.push(result);
        run.log(`${tag} ${key} ${index + 1}/${run.repeat}: ${describeRun(result)}`);
      }
      outcome.builds[key] = summarise(runs);
      if (key === "liveUpdate") {
        outcome.liveJson = liveJsonSize(run.root);
        run.log(
          `${tag} live JSON: ${outcome.liveJson.bytes} bytes (${outcome.liveJson.gzipBytes} gzipped) for a blog of ${outcome.liveJson.updates} updates`,
        );
      }
    } catch (error) {
      failed = key;
      const message = error instanceof Error ? error.message : String(error);
      outcome.errors[key] = `failed: ${message}`;
      run.log(`${tag} ${key} failed: ${message.split("\n")[0]}`);
    }
  }
  return outcome;
}
