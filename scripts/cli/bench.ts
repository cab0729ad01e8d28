/**
 * `npm run bench -- [sizes...] [options]`: issue #7's benchmark. For each size it writes a
 * deterministic synthetic site, measures Broadsheet's builds (cold, warm, one article edited,
 * one photo replaced), the same site without images, plain Eleventy on the same Markdown, the
 * image stage against bare sharp, page weights and the dev server's edit latency; then prints
 * a Markdown report with the targets met or missed, and writes it with the JSON to
 * `bench-results/`.
 *
 *   npm run bench -- 100                # a quick run, under a minute on an idle 2-core machine
 *   npm run bench                       # 100 1000 4000
 *   npm run bench -- 1000 --repeat 3    # medians of three runs per build
 *
 * Options: `--repeat N` runs per build (default 1), `--seed N` (default 1), `--no-dev` skips
 * the dev server, `--profile` adds one warm build per size under `--cpu-prof` (profile in
 * `<out>/profiles/`, summary in the report), `--keep` keeps the generated projects, `--out DIR`
 * (default bench-results). A profile file is summarised on its own with
 * `node --import tsx scripts/bench/profile.ts <file.cpuprofile>`.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArguments } from "../bench/arguments.ts";
import { benchPaths } from "../bench/builds.ts";
import { machineInfo } from "../bench/machine.ts";
import { leadImageWeights } from "../bench/page-weight.ts";
import { ensurePhotos, photoCacheDir } from "../bench/photos.ts";
import { formatReport, writeResults } from "../bench/report.ts";
import type { BenchResults, SizeResult } from "../bench/results.ts";
import { type RunContext, runSize } from "../bench/run-size.ts";

/** Distinct source photos the synthetic articles share. */
const SOURCE_PHOTOS = 5;

/** The seed article's lead photo, weighed per device; and its front matter's focus and credit. */
const SEED_PHOTO =
  "content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/photo.jpg";
const SEED_FOCUS: readonly [number, number] = [0.42, 0.65];

async function main(): Promise<void> {
  const started = performance.now();
  const date = new Date().toISOString();
  // Taken before anything runs: the load others put on the machine, not ours.
  const machine = machineInfo();
  const args = parseArguments(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const hookDir = path.join(tmpdir(), `broadsheet-bench-hook-${process.pid}`);
  const paths = benchPaths(hookDir);

  const photos = await ensurePhotos(
    photoCacheDir(paths.repoRoot),
    SOURCE_PHOTOS,
    args.repeat,
    (file) => log(`made source photo ${path.relative(paths.repoRoot, file)} (kept for later runs)`),
  );
  const context: RunContext = {
    paths,
    seed: args.seed,
    repeat: args.repeat,
    photos,
    skipDevServer: !args.dev,
    keep: args.keep,
    ...(args.profile ? { profileDir: path.resolve(paths.repoRoot, args.out, "profiles") } : {}),
    log,
  };
  const sizes: SizeResult[] = [];
  for (const size of args.sizes) sizes.push(await runSize(size, context));

  log("weighing the seed article's lead photo");
  const leadImage = await leadImageWeights(
    path.join(paths.repoRoot, SEED_PHOTO),
    path.join(tmpdir(), `broadsheet-bench-lead-${process.pid}`),
    SEED_FOCUS,
  );
  const results: BenchResults = {
    date,
    machine,
    command: ["npm run bench --", ...process.argv.slice(2)].join(" "),
    seed: args.seed,
    repeat: args.repeat,
    sizes,
    leadImage,
    leadImageSource: SEED_PHOTO,
    totalMs: performance.now() - started,
  };
  rmSync(hookDir, { recursive: true, force: true });
  const written = writeResults(path.resolve(paths.repoRoot, args.out), results);
  process.stdout.write(`${formatReport(results)}\n`);
  log(
    `wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
