/**
 * `npm run build`: validate every article, make the images, render the site into a fresh
 * folder, check it, and only then swap it in for `_site/`. A failed or interrupted build
 * leaves the last good `_site/` exactly as it was.
 */
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { configure, PAGES_DIR } from "../.eleventy.ts";
import { adminOutputs, writeOutputs } from "./cms/outputs.ts";
import { ContentError } from "./content/issues.ts";
import { contentOptionsFromEnv } from "./content/options.ts";
import { formatIssues } from "./content/report.ts";
import { formatProgress, type MediaProgress } from "./media/index.ts";
import { checkOutput } from "./site/check-output.ts";
import { prepareSite } from "./site/prepare.ts";
import { buildSearchIndex } from "./site/search-index.ts";
import { createStaging } from "./site/staging.ts";

/** Which step was running, so a failure that is not about content still says where. */
let stage = "starting";
/** How long each step took, printed with BROADSHEET_TIMINGS=1. */
const timings: [string, number][] = [];

/** Runs one step of the build, remembering its name for errors and its duration for timings. */
async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  stage = name;
  const started = performance.now();
  const result = await run();
  timings.push([name, performance.now() - started]);
  return result;
}

async function build(): Promise<number> {
  const started = performance.now();
  const options = contentOptionsFromEnv();
  const staging = createStaging(options.root);

  const progress = progressPrinter();
  const data = await step("loading and validating content, making images", () =>
    prepareSite(options, progress.update),
  );
  progress.done();

  await step("rendering pages", async () => {
    const eleventy = new Eleventy(path.relative(process.cwd(), PAGES_DIR) || ".", staging.dir, {
      quietMode: true,
      config: (config: Parameters<typeof configure>[0]) =>
        configure(config, async () => data, options.root),
    });
    // Eleventy's JSDoc types write() loosely; it resolves to [passthrough copies, written pages].
    const [, written] = (await eleventy.write()) as unknown as [
      unknown,
      { outputPath?: string | false }[],
    ];
    const outside = writtenOutside(staging.dir, written);
    if (outside.length > 0) {
      throw new Error(`pages were written outside the output folder: ${outside.join(", ")}`);
    }
  });

  // The editors' web UI (issue 14): every file /admin/ needs.
  await step("writing the editors' web UI", async () =>
    writeOutputs(await adminOutputs(data.site, options.root), staging.dir),
  );

  // Pagefind indexes in its own process while this one checks the pages: they overlap.
  const indexing = buildSearchIndex(
    staging.dir,
    data.site.language,
    path.join(options.root, ".cache", "search"),
  );
  indexing.catch(() => undefined);
  const problems = await step("checking the output", () =>
    checkOutput(staging.dir, data.site.pathPrefix),
  );
  const search = await step("building the search index", () => indexing);
  if (problems.length > 0) throw new ContentError(problems);

  await step("replacing _site/", () => staging.commit());
  // The search step read every page already: its count is the number of pages built.
  const pages = search.pages;
  const { stats } = data.mediaResult;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const held = data.held.drafts + data.held.embargoed;
  console.log(
    `Built ${data.articles.length} article${data.articles.length === 1 ? "" : "s"} (${pages} pages) into _site/ in ${seconds} s · ` +
      `images: ${stats.total} (${stats.reused} reused, ${stats.encoded} encoded) · search: ${search.pages} pages${search.reused ? " (index reused)" : ""}` +
      (held > 0
        ? ` · held back: ${data.held.drafts} draft(s), ${data.held.embargoed} embargoed`
        : ""),
  );
  if (process.env.BROADSHEET_TIMINGS) {
    for (const [name, ms] of timings)
      console.log(`  ${(ms / 1000).toFixed(2).padStart(6)} s  ${name}`);
  }
  return 0;
}

/** Output paths that escaped the staging folder (a permalink with `..`, say). */
function writtenOutside(
  dir: string,
  written: readonly { outputPath?: string | false }[],
): string[] {
  const root = `${path.resolve(dir)}${path.sep}`;
  return written
    .map((result) => result.outputPath)
    .filter(
      (output): output is string =>
        typeof output === "string" && !path.resolve(output).startsWith(root),
    );
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
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Build failed while ${stage}: ${message}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  else console.error("(Set DEBUG=1 for the stack trace.) _site/ is as it was before this build.");
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
