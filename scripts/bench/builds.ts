/**
 * The Node builds the benchmark runs, each as its own process under the usage hook: Broadsheet's
 * `scripts/build.ts` (from a copy of the code, see code-copy.ts) on a project folder, and
 * Eleventy's CLI on the plain project. Hugo is in hugo-run.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildFlags, type CodeCopy } from "./code-copy.ts";
import { BENCH_NOW } from "./generate.ts";
import { type Measurement, measureProcess } from "./measure.ts";
import { type BuildSummaryLine, parseSummary } from "./summary-line.ts";
import { usageHookModuleSource } from "./usage.ts";

/** Where things are: resolved once per run. */
export interface BenchPaths {
  readonly repoRoot: string;
  /** `tsx` as Node's `--import` takes it (a file URL), resolved from the repository. */
  readonly tsx: string;
  /**
   * The usage hook as plain JavaScript, for every measured process: Broadsheet's build runs
   * compiled (scripts/run.mjs), plain Eleventy is JavaScript.
   */
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
    usageHookJs,
  };
}

/** A Broadsheet build: its cost and what its summary line says. */
export interface BuildMeasurement extends Measurement {
  readonly summary: BuildSummaryLine;
}

/** Build time limit: generous, so a slow machine still finishes 100,000 articles cold. */
const BUILD_TIMEOUT_MS = 3 * 60 * 60_000;

/** The environment of a Broadsheet process run from a project folder outside the repository. */
export function broadsheetEnv(code: CodeCopy, cacheDir: string): Record<string, string> {
  return {
    BROADSHEET_NOW: BENCH_NOW,
    BROADSHEET_CACHE_DIR: cacheDir,
    // tsx reads tsconfig.json from the working folder; the project has none, so name the code's.
    TSX_TSCONFIG_PATH: code.tsconfig,
    NO_COLOR: "1",
  };
}

/**
 * Runs `npm run build` of `code` as the tests do: the project folder as working folder, the
 * code's launcher (compiled code, compiled again after a layout change), a fixed "now", and `cacheDir` as the media cache. `nodeArgs` go first
 * (e.g. `--cpu-prof`); the build's workers inherit them, as they inherit the usage hook. `env`
 * adds to the environment.
 */
export async function runBroadsheetBuild(
  paths: BenchPaths,
  code: CodeCopy,
  root: string,
  cacheDir: string,
  nodeArgs: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<BuildMeasurement> {
  const measured = await measureProcess({
    command: process.execPath,
    // As `npm run build` starts: the launcher, which runs the code compiled once per change.
    args: [
      ...buildFlags(code.root),
      ...nodeArgs,
      "--import",
      paths.usageHookJs,
      code.launcher,
      "build",
    ],
    cwd: root,
    env: { ...broadsheetEnv(code, cacheDir), ...env },
    timeoutMs: BUILD_TIMEOUT_MS,
    usageHook: true,
  });
  const summary = parseSummary(measured.stdout);
  if (!summary) throw new Error(`no summary line in the build's output:\n${measured.stdout}`);
  return { ...measured, summary };
}

/** Runs Eleventy's CLI directly (no npx: it adds about 0.9 s of start-up) on the plain project. */
export async function runPlainEleventy(
  paths: BenchPaths,
  root: string,
  input: string,
  output: string,
): Promise<Measurement> {
  return measureProcess({
    command: process.execPath,
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
    usageHook: true,
  });
}
