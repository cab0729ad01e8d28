/**
 * Issue #7's with-images measurements, behind `--images`: the same archive with one photo in ten
 * and a video in fifty (five distinct 3000 x 2000 source photos), built cold with an empty media
 * cache; the image stage against bare sharp on its distinct images; and page weights. The
 * scenarios run without images, where a cold build is about pages rather than encoding.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { type BenchPaths, runBroadsheetBuild } from "./builds.ts";
import { buildScriptIn, measureCdnBuilds } from "./cdn.ts";
import type { CodeCopy } from "./code-copy.ts";
import { describeRun } from "./format.ts";
import { BENCH_NOW, type BenchArticle, type GenerateOptions, generateArticle } from "./generate.ts";
import { compareImageStage, distinctRequests, siteRequests } from "./image-stage.ts";
import { htmlWeights } from "./page-weight.ts";
import { figures, type ImagesResult } from "./results.ts";
import { startBroadsheetSite, writeBroadsheetArticle } from "./site.ts";

/** What the measurement needs. */
export interface ImagesRun {
  readonly paths: BenchPaths;
  readonly code: CodeCopy;
  readonly size: number;
  readonly generate: GenerateOptions;
  /** The source photos, by index. */
  readonly photos: readonly string[];
  /** A scratch folder of its own, removed afterwards. */
  readonly dir: string;
  readonly log: (line: string) => void;
}

/** Writes the with-images project and measures it. */
export async function measureImages(run: ImagesRun): Promise<ImagesResult> {
  const root = path.join(run.dir, "broadsheet-images");
  const tag = `[${run.size.toLocaleString("en")}]`;
  try {
    startBroadsheetSite(root, run.paths.repoRoot);
    // Kept without their bodies: what the requests and page weights need, a fraction of the memory.
    const articles: BenchArticle[] = [];
    for (let index = 0; index < run.size; index += 1) {
      const article = generateArticle(index, run.generate);
      writeBroadsheetArticle(root, article, run.photos);
      articles.push({ ...article, body: "" });
    }
    const cache = path.join(run.dir, "media-cache-images");
    rmSync(cache, { recursive: true, force: true });
    const measured = await runBroadsheetBuild(run.paths, run.code, root, cache);
    const cold = figures(measured, measured.summary);
    run.log(`${tag} cold with images: ${describeRun(cold)}`);
    const pages = htmlWeights(path.join(root, "_site"), articles);
    const requests = siteRequests(root, articles);
    const distinct = distinctRequests(requests);
    const imageStage = await compareImageStage(distinct, path.join(run.dir, "image-stage"));
    run.log(
      `${tag} image stage: bare sharp ${(imageStage.bareMs / 1000).toFixed(1)} s, ` +
        `processImages ${(imageStage.moduleMs / 1000).toFixed(1)} s (${distinct.length} images)`,
    );
    // The snapshot's code, as every other build of the run.
    const cdn = await measureCdnBuilds({
      siteDir: root,
      env: { BROADSHEET_NOW: BENCH_NOW },
      run: buildScriptIn(run.code.root),
      scratchDir: path.join(run.dir, "cdn"),
    });
    run.log(
      `${tag} image CDN: cold ${(cdn.without.wallMs / 1000).toFixed(1)} s without, ` +
        `${(cdn.with.wallMs / 1000).toFixed(1)} s with ${cdn.with.setting}`,
    );
    return {
      withPhoto: articles.filter((article) => article.image).length,
      withVideo: articles.filter((article) => article.video).length,
      imageRequests: requests.length,
      distinctImages: distinct.length,
      cold,
      imageStage,
      pages,
      cdn,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(path.join(run.dir, "image-stage"), { recursive: true, force: true });
  }
}
