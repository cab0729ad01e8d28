/**
 * `npm run bench -- [sizes...] [options]`: the build benchmark. For each archive size it writes
 * a deterministic synthetic archive (no images) as three projects of the same Markdown, and
 * measures, with the peak memory of every process (the build, each worker, Pagefind):
 *
 * - Broadsheet, in order on one project: cold (no `_site/`, no `.cache/`), nothing changed, one
 *   article published (dated now, two tags), one recent headline edited, one mid-archive article
 *   deleted, and a layout change (a copy of the code with new text in every story card);
 * - plain Eleventy 3 and Hugo (Debian's `hugo`; installed with apt-get once if missing, else
 *   reported as not available), cold;
 * - `npm start`'s edit latency, at sizes up to 4,000.
 *
 * It prints a Markdown report (issue 25's targets met or missed, build time against archive
 * size, the ratios, each size in full) and writes it with the JSON to `bench-results/`, and the
 * chart of build time against archive size to `bench-results/scale.svg`.
 *
 *   npm run bench -- 200 --no-dev          # a quick check: a few minutes
 *   npm run bench                          # 1000 4000
 *   npm run bench -- 4000 20000 100000     # the issue's sizes: hours, on a quiet machine
 *
 * Options:
 *   --repeat N    runs per build (default 1; medians reported, largest peak memory)
 *   --seed N      the generator's seed (default 1)
 *   --no-dev      skip the dev server
 *   --no-plain    skip plain Eleventy;  --no-hugo  skip Hugo
 *   --images      also issue #7's with-images figures: a cold build with photos, the image
 *                 stage against bare sharp, page weights, the lead photo's bytes per device
 *   --profile     one extra cold build per size under --cpu-prof (profiles in
 *                 `<out>/profiles/`, summaries in the report); --heap-prof adds --heap-prof
 *   --keep        keep the generated projects (in the system's temporary folder; TMPDIR moves it)
 *   --out DIR     where results go (default bench-results)
 *
 * Every build runs a snapshot of the code taken at the start, so editing the repository while
 * a long run goes on does not change what it measures; one unmeasured build per copy first fills
 * tsx's compile cache, as a newsroom's repeated builds find it ("cold" is about the build's own
 * state: no `_site/`, no `.cache/`). A profile file is summarised on its own
 * with `node --import tsx scripts/bench/profile.ts <file.cpuprofile>`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArguments } from "../bench/arguments.ts";
import { benchPaths } from "../bench/builds.ts";
import { copyCode } from "../bench/code-copy.ts";
import { findHugo } from "../bench/hugo-run.ts";
import { machineInfo } from "../bench/machine.ts";
import { leadImageWeights } from "../bench/page-weight.ts";
import { ensurePhotos, photoCacheDir } from "../bench/photos.ts";
import { formatReport, writeResults } from "../bench/report.ts";
import type { BenchResults, SizeResult } from "../bench/results.ts";
import { runSize } from "../bench/run-size.ts";
import { siteConfig } from "../bench/site.ts";
import { warmUp } from "../bench/warm-up.ts";

/** The seed article's lead photo, weighed per device with `--images`; its focus. */
const SEED_PHOTO =
  "content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/photo.jpg";
const SEED_FOCUS: readonly [number, number] = [0.42, 0.65];

/** Distinct source photos the with-images archive shares. */
const SOURCE_PHOTOS = 5;

async function main(): Promise<void> {
  const started = performance.now();
  const date = new Date().toISOString();
  // Taken before anything runs: the load others put on the machine, not ours.
  const machine = machineInfo();
  const args = parseArguments(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const scratch = mkdtempSync(path.join(tmpdir(), "broadsheet-bench-run-"));
  const paths = benchPaths(path.join(scratch, "hook"));
  try {
    const code = copyCode(paths.repoRoot, path.join(scratch, "code"));
    const layoutCode = copyCode(code.root, path.join(scratch, "code-layout"));
    log(`snapshot of the code in ${code.root}`);
    const site = siteConfig(paths.repoRoot);
    for (const copy of [code, layoutCode]) {
      const ms = await warmUp(paths, copy, site, path.join(scratch, "warm-up"));
      log(`warmed tsx's cache for ${copy.root} (an unmeasured build, ${(ms / 1000).toFixed(1)} s)`);
    }
    const hugo = args.hugo ? findHugo(log) : { missing: "skipped (--no-hugo)" };
    log("missing" in hugo ? hugo.missing : `Hugo: ${hugo.version}`);
    const photos = args.images
      ? await ensurePhotos(photoCacheDir(paths.repoRoot), SOURCE_PHOTOS, 0, (file) =>
          log(`made source photo ${path.relative(paths.repoRoot, file)} (kept for later runs)`),
        )
      : undefined;
    const out = path.resolve(paths.repoRoot, args.out);
    const sizes: SizeResult[] = [];
    const results = (): BenchResults => ({
      date,
      machine,
      command: ["npm run bench --", ...process.argv.slice(2)].join(" "),
      seed: args.seed,
      repeat: args.repeat,
      hugo: "missing" in hugo ? hugo : { version: hugo.version, measuredWith: hugo.measuredWith },
      sizes,
      totalMs: performance.now() - started,
    });
    for (const size of args.sizes) {
      sizes.push(
        await runSize(size, {
          paths,
          code,
          layoutCode,
          site,
          seed: args.seed,
          repeat: args.repeat,
          dev: args.dev,
          plain: args.plain,
          hugo,
          ...(args.profile ? { profileDir: path.join(out, "profiles") } : {}),
          heapProfile: args.heapProfile,
          ...(photos ? { photos: photos.sources } : {}),
          keep: args.keep,
          pages: args.pages,
          live: args.live,
          ...(args.only ? { only: args.only } : {}),
          log,
        }),
      );
      // Written after every size: a long run that fails later keeps what it measured.
      writeResults(out, results());
    }
    let final = results();
    if (args.images) {
      log("weighing the seed article's lead photo");
      const weights = await leadImageWeights(
        path.join(paths.repoRoot, SEED_PHOTO),
        path.join(scratch, "lead"),
        SEED_FOCUS,
      );
      final = { ...results(), leadImage: { source: SEED_PHOTO, weights } };
    }
    const written = writeResults(out, final);
    process.stdout.write(`${formatReport(final)}\n`);
    log(
      `wrote ${[written.markdown, written.json, written.chart].map((file) => path.relative(process.cwd(), file)).join(", ")}`,
    );
  } finally {
    if (args.keep) log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
