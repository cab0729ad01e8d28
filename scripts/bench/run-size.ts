/**
 * Everything measured for one archive size, in order: write the projects, Broadsheet's six
 * scenarios, plain Eleventy and Hugo cold on the same Markdown, the dev server's edit latency,
 * and optionally a profiled cold build and the with-images measurements.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pickArticles } from "./archive.ts";
import { DEV_SERVER_LIMIT } from "./arguments.ts";
import { type BenchPaths, runPlainEleventy } from "./builds.ts";
import type { CodeCopy } from "./code-copy.ts";
import { type DevServerResult, measureDevServer } from "./dev-server.ts";
import { describeRun, seconds } from "./format.ts";
import { type HugoTool, runHugoCold } from "./hugo-run.ts";
import { measureImages } from "./images.ts";
import { writeLiveBlog } from "./live-blog.ts";
import type { Measurement } from "./measure.ts";
import { addShippedPages } from "./pages.ts";
import { profileColdBuild } from "./profiled-build.ts";
import { generateOptions, writeProjects } from "./projects.ts";
import {
  type BuildKey,
  type BuildResult,
  figures,
  type ImagesResult,
  type ProfileResult,
  type RunFigures,
  type ScenarioKey,
  type SizeResult,
  summarise,
} from "./results.ts";
import { runScenarios } from "./scenarios.ts";
import type { SiteConfig } from "./site.ts";

/** What every size of a run shares. */
export interface RunContext {
  readonly paths: BenchPaths;
  /** The code snapshot the builds run, and its copy for the layout change. */
  readonly code: CodeCopy;
  readonly layoutCode: CodeCopy;
  readonly site: SiteConfig;
  readonly seed: number;
  /** Runs per build (medians are reported). */
  readonly repeat: number;
  readonly dev: boolean;
  readonly plain: boolean;
  /** Hugo, or why it does not run. */
  readonly hugo: HugoTool | { readonly missing: string };
  /** Where to write a profiled cold build per size; none when undefined. */
  readonly profileDir?: string;
  readonly heapProfile: boolean;
  /** The source photos for `--images`; no with-images measurements when undefined. */
  readonly photos?: readonly string[];
  /** Keep the temporary projects (for profiling or inspection). */
  readonly keep: boolean;
  /** Start with the shipped standing pages and run their scenarios (`--pages`). */
  readonly pages: boolean;
  /** A 1,000-update live blog in the archive and its scenario (`--live`). */
  readonly live: boolean;
  /** The Broadsheet scenarios to run (`--only`). */
  readonly only?: readonly ScenarioKey[];
  /** Progress lines, to stderr. */
  readonly log: (line: string) => void;
}

/** Runs a baseline `repeat` times; its result, or the error that stopped it. */
async function baseline(
  key: BuildKey,
  context: RunContext,
  tag: string,
  run: () => Promise<Measurement>,
): Promise<BuildResult | string> {
  const runs: RunFigures[] = [];
  try {
    for (let index = 0; index < context.repeat; index += 1) {
      const result = figures(await run());
      runs.push(result);
      context.log(`${tag} ${key} ${index + 1}/${context.repeat}: ${describeRun(result)}`);
    }
    return summarise(runs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log(`${tag} ${key} failed: ${message.split("\n")[0]}`);
    return `failed: ${message}`;
  }
}

/** Measures one size in a fresh temporary folder, removed afterwards unless `context.keep`. */
export async function runSize(size: number, context: RunContext): Promise<SizeResult> {
  const { paths, log } = context;
  const dir = mkdtempSync(path.join(tmpdir(), `broadsheet-bench-${size}-`));
  const tag = `[${size.toLocaleString("en")}]`;
  const hugo = "missing" in context.hugo ? undefined : context.hugo;
  try {
    const started = performance.now();
    const projects = writeProjects(dir, size, {
      repoRoot: paths.repoRoot,
      site: context.site,
      seed: context.seed,
      plain: context.plain,
      hugo: hugo !== undefined,
    });
    if (context.pages) addShippedPages(projects.broadsheet, paths.repoRoot);
    if (context.live) writeLiveBlog(projects.broadsheet, context.seed);
    const generateMs = performance.now() - started;
    log(`${tag} wrote the projects in ${seconds(generateMs)} (${dir})`);

    const generate = generateOptions(context.site, context.seed);
    const picks = pickArticles(projects.entries, context.repeat);
    const mediaCache = path.join(dir, "media-cache");
    const { builds, errors, liveJson } = await runScenarios({
      paths,
      code: context.code,
      layoutCode: context.layoutCode,
      root: projects.broadsheet,
      mediaCache,
      size,
      repeat: context.repeat,
      generate,
      picks,
      pages: context.pages,
      live: context.live,
      ...(context.only ? { only: context.only } : {}),
      log,
    });
    const results: { [key in BuildKey]?: BuildResult } = { ...builds };
    const failures: { [key in BuildKey]?: string } = { ...errors };
    const record = (key: BuildKey, outcome: BuildResult | string) => {
      if (typeof outcome === "string") failures[key] = outcome;
      else results[key] = outcome;
    };

    if (context.plain) {
      const output = path.join(projects.plain, "_site");
      record(
        "plainCold",
        await baseline("plainCold", context, tag, () => {
          rmSync(output, { recursive: true, force: true });
          return runPlainEleventy(paths, projects.plain, projects.plainInput, output);
        }),
      );
    } else failures.plainCold = "skipped (--no-plain)";
    if (hugo) {
      record(
        "hugoCold",
        await baseline("hugoCold", context, tag, () => runHugoCold(hugo, projects.hugo)),
      );
    } else {
      failures.hugoCold = "missing" in context.hugo ? context.hugo.missing : "skipped";
    }

    let devServer: DevServerResult | undefined;
    let devServerError: string | undefined;
    if (!context.dev) devServerError = "skipped (--no-dev)";
    else if (size > DEV_SERVER_LIMIT) {
      devServerError = `skipped above ${DEV_SERVER_LIMIT.toLocaleString("en")} articles`;
    } else {
      try {
        const { code } = context;
        devServer = await measureDevServer(
          paths,
          code,
          projects.broadsheet,
          picks.devServer,
          mediaCache,
        );
        log(
          `${tag} dev server: first page after ${seconds(devServer.startMs)}; edits reached the ` +
            `page in ${devServer.edits.map((edit) => `${Math.round(edit.pageMs)} ms`).join(", ")}`,
        );
      } catch (error) {
        devServerError = `failed: ${error instanceof Error ? error.message : String(error)}`;
        log(`${tag} dev server ${devServerError.split("\n")[0]}`);
      }
    }

    let profile: ProfileResult | undefined;
    if (context.profileDir !== undefined) {
      const profileDir = path.join(context.profileDir, `${size}-cold`);
      profile = await profileColdBuild(
        paths,
        context.code,
        projects.broadsheet,
        mediaCache,
        profileDir,
        context.heapProfile,
      );
      log(`${tag} profiled a cold build into ${profileDir}`);
    }

    let images: ImagesResult | undefined;
    if (context.photos) {
      images = await measureImages({
        paths,
        code: context.code,
        size,
        generate,
        photos: context.photos,
        dir,
        log,
      });
    }

    return {
      size,
      generateMs,
      builds: results,
      errors: failures,
      ...(devServer ? { devServer } : {}),
      ...(devServerError !== undefined ? { devServerError } : {}),
      ...(profile ? { profile } : {}),
      ...(images ? { images } : {}),
      ...(liveJson ? { liveJson } : {}),
    };
  } finally {
    if (context.keep) log(`${tag} kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
