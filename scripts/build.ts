/**
 * `npm run build`: builds `_site/`, doing only what changed since the last build (see
 * scripts/engine/build-site.ts), and prints one summary line. A build that fails says what state
 * it left `_site/` in: as it was (every content error, and any failure before publishing), or
 * partly updated, which the next build finishes (scripts/engine/transaction.ts).
 */
import path from "node:path";
import { checkPublishedAddress } from "./content/host-address.ts";
import { ContentError } from "./content/issues.ts";
import { loadSite } from "./content/load-site.ts";
import { contentOptionsFromEnv } from "./content/options.ts";
import { formatIssues } from "./content/report.ts";
import { clearReport, writeReport } from "./engine/build-report.ts";
import { buildSite } from "./engine/build-site.ts";
import { failureReport } from "./engine/failure.ts";
import { farFutureWarnings, heldLines } from "./engine/held-report.ts";
import { summaryLine } from "./engine/summary.ts";
import { siteTarget } from "./engine/target.ts";
// Not through media/index.ts: that would load sharp at start-up, which only making images needs.
import { formatProgress } from "./media/progress.ts";
import type { MediaProgress } from "./media/types.ts";

/** How long each step took, printed with BROADSHEET_TIMINGS=1. */
const timings: [string, number][] = [];
/** How far the build got, so a failure that is not about content still says where. */
let stage = "at the start";

async function build(): Promise<number> {
  // performance.now() counts from the process's start: what came before this line is Node
  // starting and loading TypeScript, which the editor waited for too.
  const started = performance.now();
  const reportFile = process.env.BROADSHEET_REPORT || undefined;
  clearReport(reportFile);
  const content = contentOptionsFromEnv();
  // The address is checked before anything is made: a deploy must not publish the example's.
  // An invalid configuration is left to the build, which reports it with everything else.
  const loaded = loadSite(content);
  const address = loaded.ok
    ? checkPublishedAddress(loaded.value.origin, process.env)
    : ({ kind: "ok" } as const);
  if (address.kind === "error") {
    throw new ContentError([
      {
        file: "SITE_URL (environment variable)",
        field: "SITE_URL",
        message: address.message,
        fix: address.fix,
      },
    ]);
  }
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
  const seconds = (performance.now() / 1000).toFixed(1);
  console.log(summaryLine(summary, seconds, "_site/", (started / 1000).toFixed(1)));
  for (const line of heldLines(summary.waiting, summary.timeZone)) console.log(line);
  if (address.kind === "warning") console.warn(address.message);
  const nowMs = content.now.toMillis();
  for (const line of farFutureWarnings(summary.waiting, nowMs, summary.timeZone)) {
    console.warn(line);
  }
  for (const warning of summary.commit.warnings) console.error(`Warning: ${warning}`);
  if (reportFile) writeReport(reportFile, summary, summary.timeZone);
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
