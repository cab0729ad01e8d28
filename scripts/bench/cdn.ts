/**
 * What an image CDN saves (issue 15): a cold build of a generated site with photos, once as
 * today (sharp makes every size and format) and once with an image CDN (one master per photo),
 * each from empty caches in its own copy of the site, with the time of each build step
 * (`BROADSHEET_TIMINGS=1`). The image stage with a CDN should cost no more than reading,
 * checking and writing each master.
 *
 * @example
 * const cdn = await measureCdnBuilds({ siteDir: "/tmp/bench/site-1000" });
 * for (const line of formatCdnBench(cdn)) console.log(line);
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The settings compared: today's default against one image CDN. */
export type CdnSetting = "none" | "netlify" | "cloudflare" | "imgix";

/** One process's run: what `scripts/build.ts` printed. */
export interface RunOutput {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a build of `root` with `env` added to the environment. */
export type BuildRunner = (
  root: string,
  env: Readonly<Record<string, string>>,
) => Promise<RunOutput>;

/** One cold build, measured. */
export interface CdnBuildTiming {
  readonly setting: CdnSetting;
  /** Wall time of the whole build process. */
  readonly wallMs: number;
  /** The "making images" step, from BROADSHEET_TIMINGS output. */
  readonly imageStageMs: number | undefined;
  /** From the summary line: images in use, and how many had anything encoded. */
  readonly images: { readonly total: number; readonly encoded: number } | undefined;
}

export interface CdnBenchResult {
  readonly without: CdnBuildTiming;
  readonly with: CdnBuildTiming;
  /** Wall time with the CDN over wall time without: below 1 is a saving. */
  readonly ratio: number;
  /** The image stage's time with the CDN over its time without, when both were read. */
  readonly imageStageRatio: number | undefined;
}

export interface CdnBenchOptions {
  /** A generated site folder holding `content/` (articles with photos) and `assets/`. */
  readonly siteDir: string;
  /**
   * The CDN to compare with today's default. Cloudflare needs no account setting (imgix would
   * need `images.imgixDomain`) and makes the same masters as imgix; Netlify adds four crops.
   * @default "cloudflare"
   */
  readonly cdn?: Exclude<CdnSetting, "none">;
  /** Added to each build's environment, e.g. the benchmark's BROADSHEET_NOW. */
  readonly env?: Readonly<Record<string, string>>;
  /** How builds are run: `scripts/build.ts` in a child process unless a test says otherwise. */
  readonly run?: BuildRunner;
  /** Where the two copies are made; removed afterwards. @default a new folder under the OS temp dir */
  readonly scratchDir?: string;
}

/**
 * `scripts/build.ts` of the code in `codeRoot` (this repository unless the benchmark's snapshot
 * is named) in a child process, with tsx from this repository.
 */
export const buildScriptIn =
  (codeRoot: string): BuildRunner =>
  (root, env) =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", import.meta.resolve("tsx"), path.join(codeRoot, "scripts/build.ts")],
        {
          cwd: root,
          env: { ...process.env, TSX_TSCONFIG_PATH: path.join(codeRoot, "tsconfig.json"), ...env },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          const status = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ status, stdout, stderr });
        },
      );
    });

/** This repository's `scripts/build.ts` in a child process. */
export const runBuildScript: BuildRunner = buildScriptIn(REPO_ROOT);

/** The "making images" line of BROADSHEET_TIMINGS output (`    0.65 s  making images`), in ms. */
export function imageStageMs(stdout: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?) s {2}making images$/m.exec(stdout);
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** `images: 400 (0 reused, 400 encoded)` from the summary line. */
export function imageCounts(stdout: string): CdnBuildTiming["images"] {
  const match = /images: ([\d,]+) \(([\d,]+) reused, ([\d,]+) encoded\)/.exec(stdout);
  if (!match) return undefined;
  const number = (text: string | undefined) => Number((text ?? "").replace(/,/g, ""));
  return { total: number(match[1]), encoded: number(match[3]) };
}

/** A fresh copy of the site's content and assets: nothing built, nothing cached. */
function freshCopy(siteDir: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const folder of ["content", "assets"]) {
    const from = path.join(siteDir, folder);
    if (!existsSync(from)) throw new Error(`bench: ${from} is missing: is this a generated site?`);
    cpSync(from, path.join(to, folder), { recursive: true });
  }
}

async function coldBuild(
  options: CdnBenchOptions,
  scratch: string,
  setting: CdnSetting,
): Promise<CdnBuildTiming> {
  const root = path.join(scratch, setting);
  freshCopy(options.siteDir, root);
  const run = options.run ?? runBuildScript;
  const started = performance.now();
  const output = await run(root, {
    ...options.env,
    IMAGE_CDN: setting,
    BROADSHEET_TIMINGS: "1",
    // Each build's own empty media cache: both are cold.
    BROADSHEET_CACHE_DIR: path.join(root, ".cache", "media"),
  });
  const wallMs = Math.round(performance.now() - started);
  if (output.status !== 0) {
    throw new Error(`bench: the ${setting} build failed:\n${output.stderr}${output.stdout}`);
  }
  return {
    setting,
    wallMs,
    imageStageMs: imageStageMs(output.stdout),
    images: imageCounts(output.stdout),
  };
}

/** Two cold builds of `siteDir`, without and with an image CDN, one after the other. */
export async function measureCdnBuilds(options: CdnBenchOptions): Promise<CdnBenchResult> {
  const scratch =
    options.scratchDir ?? mkdtempSync(path.join(os.tmpdir(), "broadsheet-cdn-bench-"));
  try {
    const without = await coldBuild(options, scratch, "none");
    const withCdn = await coldBuild(options, scratch, options.cdn ?? "cloudflare");
    const stages = [without.imageStageMs, withCdn.imageStageMs];
    return {
      without,
      with: withCdn,
      ratio: withCdn.wallMs / without.wallMs,
      imageStageRatio: stages[0] && stages[1] !== undefined ? stages[1] / stages[0] : undefined,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The benchmark report's lines for a result. */
export function formatCdnBench(result: CdnBenchResult): string[] {
  const seconds = (ms: number | undefined) =>
    ms === undefined ? "?" : `${(ms / 1000).toFixed(1)} s`;
  const row = (timing: CdnBuildTiming) =>
    `| ${timing.setting === "none" ? "sharp makes every size (default)" : `images.cdn: ${timing.setting}`} | ${seconds(timing.wallMs)} | ${seconds(timing.imageStageMs)} | ${timing.images ? `${timing.images.encoded} of ${timing.images.total}` : "?"} |`;
  const stage =
    result.imageStageRatio === undefined
      ? ""
      : `, image stage ${result.imageStageRatio.toFixed(2)} x`;
  return [
    "| cold build | wall | making images | images encoded |",
    "| --- | ---: | ---: | ---: |",
    row(result.without),
    row(result.with),
    "",
    `With an image CDN: ${result.ratio.toFixed(2)} x the cold build's time${stage}.`,
  ];
}
