/**
 * Everything measured for one site size, in order: write the three projects, the eight builds,
 * page weights, the image stage against bare sharp, the dev server's edit latency.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type BenchPaths,
  type BuildMeasurement,
  runBroadsheetBuild,
  runPlainEleventy,
} from "./builds.ts";
import { type DevServerResult, measureDevServer } from "./dev-server.ts";
import { type BenchArticle, generateArticles } from "./generate.ts";
import { compareImageStage, distinctRequests, siteRequests } from "./image-stage.ts";
import { htmlWeights } from "./page-weight.ts";
import { profileSummary } from "./profile.ts";
import {
  figures,
  type ProfileSummary,
  type RunFigures,
  type ScenarioKey,
  type ScenarioResult,
  type SizeResult,
  summarise,
} from "./results.ts";
import {
  editArticleBody,
  replacePhoto,
  siteSections,
  writeBroadsheetSite,
  writePlainSite,
} from "./site.ts";

/** What every size of a run shares. */
export interface RunContext {
  readonly paths: BenchPaths;
  readonly seed: number;
  /** Runs per build scenario (medians are reported). */
  readonly repeat: number;
  /** The distinct source photos, and one spare per repeat for the "photo replaced" build. */
  readonly photos: {
    readonly sources: readonly string[];
    readonly replacements: readonly string[];
  };
  readonly skipDevServer: boolean;
  /** Keep the temporary projects (for profiling or inspection). */
  readonly keep: boolean;
  /** Where to write a CPU profile of one extra warm build per size; none when undefined. */
  readonly profileDir?: string;
  /** Progress lines, to stderr. */
  readonly log: (line: string) => void;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The main thread's profile among those `--cpu-prof` wrote (Node also profiles the thread
 * that runs module loader hooks): the one whose name has thread id 0.
 */
function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .sort();
  const main = files.find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name)) ?? files[0];
  if (!main) throw new Error(`--cpu-prof wrote no profile into ${dir}`);
  return path.join(dir, main);
}

/** The article edited in the "body edited" build: plain text, no media, where there is one. */
function editTarget(articles: readonly BenchArticle[]): BenchArticle {
  const article = articles.find((candidate) => !candidate.image && !candidate.video) ?? articles[0];
  if (!article) throw new Error("the site has no articles");
  return article;
}

/** The article whose photo is replaced. */
function photoTarget(articles: readonly BenchArticle[]): BenchArticle {
  const article = articles.find((candidate) => candidate.image);
  if (!article) throw new Error("the site has no article with a photo (size below 1?)");
  return article;
}

/**
 * Measures one size. Projects go in a fresh temporary folder, removed afterwards unless
 * `context.keep`.
 */
export async function runSize(size: number, context: RunContext): Promise<SizeResult> {
  const { paths, repeat, log } = context;
  const dir = mkdtempSync(path.join(tmpdir(), `broadsheet-bench-${size}-`));
  const site = path.join(dir, "site");
  const bare = path.join(dir, "site-no-images");
  const plain = path.join(dir, "plain");
  const tag = `[${size}]`;
  try {
    const generated = performance.now();
    const articles = generateArticles(size, {
      seed: context.seed,
      sections: siteSections(paths.repoRoot),
      photoCount: context.photos.sources.length,
    });
    writeBroadsheetSite(site, articles, {
      repoRoot: paths.repoRoot,
      photos: context.photos.sources,
    });
    writeBroadsheetSite(bare, articles, { repoRoot: paths.repoRoot });
    const plainInput = writePlainSite(plain, articles);
    const generateMs = performance.now() - generated;
    log(`${tag} wrote ${size} articles x 3 projects in ${seconds(generateMs)} (${dir})`);

    const results: Partial<Record<ScenarioKey, ScenarioResult>> = {};
    const repeatRun = async (
      key: ScenarioKey,
      run: (index: number) => Promise<RunFigures>,
    ): Promise<void> => {
      const runs: RunFigures[] = [];
      for (let index = 0; index < repeat; index += 1) {
        const result = await run(index);
        runs.push(result);
        const images = result.images
          ? ` · images ${result.images.total} (${result.images.reused} reused, ${result.images.encoded} encoded)`
          : "";
        log(
          `${tag} ${key} ${index + 1}/${repeat}: ${seconds(result.wallMs)} wall, ${seconds(result.cpuMs)} CPU, ` +
            `${Math.round(result.maxRssBytes / 2 ** 20)} MiB${images}`,
        );
      }
      results[key] = summarise(runs);
    };
    const build = (root: string, cache: string) =>
      runBroadsheetBuild(paths, root, cache).then((m: BuildMeasurement) => figures(m, m.images));
    const fresh = (folder: string) => {
      rmSync(folder, { recursive: true, force: true });
      return folder;
    };

    // With images. Each cold run gets an empty cache and no previous _site/; the later
    // scenarios reuse the last cold run's cache, as a newsroom's next build would.
    const cache = path.join(dir, "media-cache");
    await repeatRun("cold", () => {
      fresh(path.join(site, "_site"));
      return build(site, fresh(cache));
    });
    await repeatRun("warm", () => build(site, cache));
    let profile: ProfileSummary | undefined;
    if (context.profileDir !== undefined) {
      // One more warm build under the profiler, kept out of the figures (profiling slows it).
      const dir = path.join(context.profileDir, `${size}-warm`);
      fresh(dir);
      await runBroadsheetBuild(paths, site, cache, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
      const file = mainThreadProfile(dir);
      profile = profileSummary(file);
      log(`${tag} profiled a warm build: ${file}`);
    }
    const edited = editTarget(articles);
    await repeatRun("edit", (index) => {
      editArticleBody(site, edited, index + 1);
      return build(site, cache);
    });
    const replaced = photoTarget(articles);
    await repeatRun("photo", (index) => {
      const photo = context.photos.replacements[index];
      if (!photo) throw new Error(`no spare photo for repeat ${index + 1}`);
      replacePhoto(site, replaced, photo);
      return build(site, cache);
    });

    // The same site without images or video.
    const bareCache = path.join(dir, "media-cache-no-images");
    await repeatRun("noImagesCold", () => {
      fresh(path.join(bare, "_site"));
      return build(bare, fresh(bareCache));
    });
    await repeatRun("noImagesWarm", () => build(bare, bareCache));

    // Plain Eleventy on the same Markdown.
    const plainOutput = path.join(plain, "_site");
    await repeatRun("plainCold", async () => {
      fresh(plainOutput);
      return figures(await runPlainEleventy(paths, plain, plainInput, plainOutput));
    });
    await repeatRun("plainWarm", async () =>
      figures(await runPlainEleventy(paths, plain, plainInput, plainOutput)),
    );

    const pages = htmlWeights(path.join(site, "_site"), articles);

    const requests = siteRequests(site, articles);
    const distinct = distinctRequests(requests);
    log(`${tag} image stage: ${distinct.length} distinct images of ${requests.length} requests`);
    const imageStage = await compareImageStage(distinct, path.join(dir, "image-stage"));
    log(
      `${tag} image stage: bare sharp ${seconds(imageStage.bareMs)}, processImages ${seconds(imageStage.moduleMs)}`,
    );

    let devServer: DevServerResult | undefined;
    let devServerError: string | undefined;
    if (!context.skipDevServer) {
      try {
        const target = articles.find((a) => a !== edited && !a.image && !a.video) ?? edited;
        devServer = await measureDevServer(paths, site, target, cache);
        log(
          `${tag} dev server: first page after ${seconds(devServer.startMs)}; edits reached the page in ` +
            `${devServer.edits.map((edit) => `${Math.round(edit.pageMs)} ms`).join(", ")}`,
        );
      } catch (error) {
        devServerError = error instanceof Error ? error.message : String(error);
        log(`${tag} dev server: failed: ${devServerError.split("\n")[0]}`);
      }
    }

    const builds = results as Record<ScenarioKey, ScenarioResult>;
    return {
      size,
      site: {
        articles: articles.length,
        withPhoto: articles.filter((a) => a.image).length,
        withVideo: articles.filter((a) => a.video).length,
        imageRequests: requests.length,
        distinctImages: distinct.length,
        generateMs,
      },
      builds,
      imageStage,
      pages,
      ...(devServer ? { devServer } : {}),
      ...(profile !== undefined ? { profile } : {}),
      ...(devServerError !== undefined ? { devServerError } : {}),
    };
  } finally {
    if (context.keep) log(`${tag} kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
