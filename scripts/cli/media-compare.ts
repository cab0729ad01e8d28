/**
 * `npm run media-compare [-- <image>]`: Broadsheet's media module against `@11ty/eleventy-img`
 * v6 and against bare sharp, on one source image (by default the seed article's stand-in photo,
 * 3000 x 2000). In one run it measures, three rounds each (the report gives medians):
 *
 * 1. `processImages` cold (fresh cache folder): wall and CPU time, and the bytes it made, split
 *    into the responsive set (the outputs eleventy-img also makes) and the crops and placeholder.
 * 2. eleventy-img with its defaults but Broadsheet's widths and formats, cold, in a fresh child
 *    process (it memoizes in memory, and brings its own sharp 0.33): wall and CPU time, bytes.
 * 3. bare sharp making the same full set with Broadsheet's settings (`compareImageStage`), and
 *    the overhead of `processImages` over it, both timed side by side in that comparison.
 * 4. cache hits: `processImages` again on the warm cache, 20 calls on the one image, and 20 on
 *    10 copies of it that differ by one JPEG comment (so each has its own hash).
 *
 * It prints a Markdown report with the targets (at least 3x faster than eleventy-img at no more
 * bytes for the same outputs, under 10% over bare sharp, a cache hit under 2 ms per image) and
 * writes it, with the JSON, to `bench-results/media-compare-<timestamp>.md` and `.json`.
 *
 * Run it on an idle machine: the load average at the start is in the report, and above about
 * 1.2 on 2 cores the timings are inflated by someone else's work.
 *
 * The parts are in `media-compare/`: settings and targets, Broadsheet's side, the rounds, the
 * copies, quality, the summary, and the report's tables.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatReport, writeResults } from "./media-compare/report.ts";
import { compareMedia } from "./media-compare/run.ts";
import { REPO_ROOT } from "./media-compare/settings.ts";

async function main(): Promise<void> {
  // Progress on stderr, so stdout is the report alone.
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results = await compareMedia(process.argv.slice(2), log);
  const written = writeResults(path.join(REPO_ROOT, "bench-results"), results);
  process.stdout.write(`${formatReport(results)}\n`);
  log(
    `wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
