/**
 * One unmeasured build per copy of the code, before anything is measured. tsx keeps its
 * compiled TypeScript in a cache keyed on each file's path, and every run's copies live at new
 * paths: without this, the first measured build would also compile all of Broadsheet (seconds,
 * and esbuild's service at hundreds of megabytes), which a newsroom's builds never do. It builds
 * a small archive with workers forced on, so the workers' code is compiled too.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { type BenchPaths, runBroadsheetBuild } from "./builds.ts";
import type { CodeCopy } from "./code-copy.ts";
import { generateArticles } from "./generate.ts";
import { generateOptions } from "./projects.ts";
import { type SiteConfig, writeBroadsheetSite } from "./site.ts";

/** Articles in the warm-up archive: enough for every kind of page. */
const WARM_UP_ARTICLES = 40;

/** Builds a small archive with `code` in `dir` (removed afterwards); returns how long it took. */
export async function warmUp(
  paths: BenchPaths,
  code: CodeCopy,
  site: SiteConfig,
  dir: string,
): Promise<number> {
  const root = path.join(dir, "project");
  try {
    writeBroadsheetSite(root, generateArticles(WARM_UP_ARTICLES, generateOptions(site, 1)), {
      repoRoot: paths.repoRoot,
    });
    const measured = await runBroadsheetBuild(paths, code, root, path.join(dir, "media"), [], {
      BROADSHEET_WORKERS: "2",
    });
    return measured.wallMs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
