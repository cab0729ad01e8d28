/**
 * `npm run build`: builds `_site/`, doing only what changed since the last build (see
 * scripts/engine/build-site.ts), and prints one summary line. A build that fails says what state
 * it left `_site/` in: as it was (every content error, and any failure before publishing), or
 * partly updated, which the next build finishes (scripts/engine/transaction.ts).
 */
import path from "node:path";
import { ContentError } from "./content/issues.ts";
import { contentOptionsFromEnv } from "./content/options.ts";
import { formatIssues } from "./content/report.ts";
import { buildSite } from "./engine/build-site.ts";
import { failureReport } from "./engine/failure.ts";
import { summaryLine } from "./engine/summary.ts";
import { siteTarget } from "./engine/target.ts";
import { formatProgress, type MediaProgress } from "./media/index.ts";

/** How long each step took, printed with BROADSHEET_TIMINGS=1. */
const timings: [string, number][] = [];
/** How far the build got, so a failure that is not about content still says where. */
let stage = "at the start";

async function build(): Promise<number> {
  const started = performance.now();
  const content = contentOptionsFromEnv();
  const target = siteTarget(content.root);
  const media = {
    cacheDir: process.env.BROADSHEET_CACHE_DIR ?? path.join(content.root, ".cache", "media"),
  };
  const progress = progressPrinter();
  const summary = await buildSite({
    content,
    target,
    media,
    onMediaProgress: progress.update,
    onLockWait: (pid) =>
      console.error(
        `Waiting for another build of _site/ (process ${pid ?? "unknown"}) to finish...`,
      ),
    onStepStart: (name) => {
      stage = `while ${name}`;
    },
    onStep: (name, ms) => {
      stage = `after ${name}`;
      timings.push([name, ms]);
    },
  });
  progress.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(summaryLine(summary, seconds, "_site/"));
  for (const warning of summary.commit.warnings) console.error(`Warning: ${warning}`);
  if (process.env.BROADSHEET_TIMINGS) {
    for (const [name, ms] of timings)
      console.log(`  ${(ms / 1000).toFixed(2).padStart(6)} s  ${name}`);
  }
  return 0;
}

/** A live progress line for the image stage on a terminal; the summary line is always printed. */
function progressPrinter() {
  const live = process.stderr.isTTY === true;
  let last: MediaProgress | undefined;
  return {
    update(progress: MediaProgress) {
      last = progress;
      if (live) process.stderr.write(`\r\u001b[2K${formatProgress(progress)}`);
    },
    done() {
      if (live && last) process.stderr.write("\r\u001b[2K");
    },
  };
}

function report(error: unknown): number {
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  if (error instanceof ContentError) {
    console.error(formatIssues(error.issues, color));
    console.error("\nNothing was published: _site/ is as it was before this build.");
    return 1;
  }
  console.error(failureReport(error, stage, "_site/"));
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  else console.error("(Set DEBUG=1 for the stack trace.)");
  return 1;
}

build().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
