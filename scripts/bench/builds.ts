/**
 * The two builds the benchmark compares, each run as its own process under the usage hook:
 * Broadsheet's `scripts/build.ts` on a project folder, and Eleventy's CLI on the plain copy.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH_NOW } from "./generate.ts";
import { type Measurement, measureProcess } from "./measure.ts";
import { usageHookModuleSource } from "./usage.ts";

/** Where things are: resolved once per run. */
export interface BenchPaths {
  readonly repoRoot: string;
  /** `tsx` as Node's `--import` takes it (a file URL), resolved from the repository. */
  readonly tsx: string;
  /** The usage hook for processes that load tsx (Broadsheet's build). */
  readonly usageHook: string;
  /** The same hook as plain JavaScript, for processes that do not (the plain Eleventy baseline). */
  readonly usageHookJs: string;
}

/** Resolves the paths; writes the plain-JavaScript hook into `scratch`. */
export function benchPaths(scratch: string): BenchPaths {
  const here = path.dirname(fileURLToPath(import.meta.url));
  mkdirSync(scratch, { recursive: true });
  const usageHookJs = path.join(scratch, "usage-hook.mjs");
  writeFileSync(usageHookJs, usageHookModuleSource());
  return {
    repoRoot: path.resolve(here, "../.."),
    tsx: import.meta.resolve("tsx"),
    usageHook: path.join(here, "usage.ts"),
    usageHookJs,
  };
}

/** Image counts from the build's summary line. */
export interface ImageCounts {
  readonly total: number;
  readonly reused: number;
  readonly encoded: number;
}

/** A Broadsheet build: its cost and what its summary line says. */
export interface BuildMeasurement extends Measurement {
  readonly images: ImageCounts;
  readonly pages: number;
  readonly articles: number;
}

/**
 * Reads `Built N articles (P pages) into _site/ in X s · images: T (R reused, E encoded) ...`,
 * the line `scripts/build.ts` always prints on success.
 */
export function parseSummary(
  stdout: string,
): { articles: number; pages: number; images: ImageCounts } | undefined {
  const match =
    /Built (\d+) articles? \((\d+) pages\).*?images: (\d+) \((\d+) reused, (\d+) encoded\)/.exec(
      stdout,
    );
  if (!match) return undefined;
  const [, articles, pages, total, reused, encoded] = match.map(Number) as number[];
  return {
    articles: articles ?? 0,
    pages: pages ?? 0,
    images: { total: total ?? 0, reused: reused ?? 0, encoded: encoded ?? 0 },
  };
}

/** Build time limit: generous, so a slow machine still finishes 4,000 articles cold. */
const BUILD_TIMEOUT_MS = 30 * 60_000;

/**
 * Runs `npm run build` as the tests do: the project folder as working folder, tsx and the
 * tsconfig from the repository, a fixed "now", and `cacheDir` as the media cache.
 * `nodeArgs` go first (e.g. `--cpu-prof`).
 */
export async function runBroadsheetBuild(
  paths: BenchPaths,
  root: string,
  cacheDir: string,
  nodeArgs: readonly string[] = [],
): Promise<BuildMeasurement> {
  const measured = await measureProcess({
    args: [
      ...nodeArgs,
      "--import",
      paths.tsx,
      "--import",
      paths.usageHook,
      path.join(paths.repoRoot, "scripts/build.ts"),
    ],
    cwd: root,
    env: broadsheetEnv(paths, cacheDir),
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  const summary = parseSummary(measured.stdout);
  if (!summary) throw new Error(`no summary line in the build's output:\n${measured.stdout}`);
  return { ...measured, ...summary };
}

/** The environment of a Broadsheet process run from a project folder outside the repository. */
export function broadsheetEnv(paths: BenchPaths, cacheDir: string): Record<string, string> {
  return {
    BROADSHEET_NOW: BENCH_NOW,
    BROADSHEET_CACHE_DIR: cacheDir,
    // tsx reads tsconfig.json from the working folder; the project has none, so name ours.
    TSX_TSCONFIG_PATH: path.join(paths.repoRoot, "tsconfig.json"),
    NO_COLOR: "1",
  };
}

/** Runs Eleventy's CLI directly (no npx: it adds about 0.9 s of start-up) on the plain project. */
export async function runPlainEleventy(
  paths: BenchPaths,
  root: string,
  input: string,
  output: string,
): Promise<Measurement> {
  return measureProcess({
    args: [
      "--import",
      paths.usageHookJs,
      path.join(paths.repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
      `--input=${input}`,
      `--output=${output}`,
      "--quiet",
    ],
    cwd: root,
    timeoutMs: BUILD_TIMEOUT_MS,
  });
}
