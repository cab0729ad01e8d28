/**
 * The image stage against its floor: the media module's cold `processImages` on a site's
 * distinct images, and the same files made with sharp directly, with the same settings
 * (`createMediaOptions()`), the same concurrency and libvips threading, in this process.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { cropPlan, scaleBox } from "../media/crops.ts";
import { CROP_NAMES } from "../media/defaults.ts";
import {
  createMediaOptions,
  type MediaOptions,
  type MediaRequest,
  processImages,
} from "../media/index.ts";
import { workingScale } from "../media/plan.ts";
import { type Size, variantSizes } from "../media/variants.ts";
import { type BenchArticle, PHOTO_FILE, THUMBNAIL_FILE } from "./generate.ts";
import { ARTICLES_DIR, articleDir } from "./site.ts";

/** The media requests a build of the site makes, as `scripts/site/prepare.ts` forms them. */
export function siteRequests(root: string, articles: readonly BenchArticle[]): MediaRequest[] {
  return articles.flatMap((article) => {
    const folder = articleDir(root, article);
    const source = `${ARTICLES_DIR}/${article.slug}/index.md`;
    const requests: MediaRequest[] = [];
    if (article.image) {
      requests.push({
        article: source,
        field: "image.src",
        file: path.join(folder, PHOTO_FILE),
        focus: article.image.focus,
        credit: article.image.credit,
      });
    }
    if (article.video) {
      requests.push({
        article: source,
        field: "video.thumbnail",
        file: path.join(folder, THUMBNAIL_FILE),
        focus: [0.5, 0.5],
      });
    }
    return requests;
  });
}

/**
 * One request per distinct image: the same bytes under the same file name, focus and credit
 * make the same files, so the module makes them once (its cache is keyed on exactly these).
 */
export function distinctRequests(requests: readonly MediaRequest[]): MediaRequest[] {
  const seen = new Map<string, MediaRequest>();
  for (const request of requests) {
    const hash = createHash("sha256").update(readFileSync(request.file)).digest("hex");
    const key = JSON.stringify([hash, path.basename(request.file), request.focus, request.credit]);
    if (!seen.has(key)) seen.set(key, request);
  }
  return [...seen.values()];
}

function encoder(pipeline: Sharp, format: "avif" | "webp" | "jpeg", options: MediaOptions): Sharp {
  if (format === "avif") return pipeline.avif({ ...options.avif });
  if (format === "webp") return pipeline.webp({ ...options.webp });
  return pipeline.jpeg({ quality: options.jpeg.quality, mozjpeg: true, progressive: true });
}

/** Runs tasks with at most `limit` in flight, in the order they are queued. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/**
 * Makes one image's files with sharp directly: the floor the module is measured against. It
 * does the least work that yields the same files: one decode per image, at the smallest size
 * that serves every output (the module's own arithmetic: `workingScale`, `cropPlan`), then each
 * variant, crop and the placeholder resized and encoded from those pixels. What it leaves out
 * is the module's own work: hashing, probing, the cache, manifests, atomic writes, sRGB
 * conversion through the ICC profile, and `fastShrinkOnLoad: false`.
 *
 * (Measured on the 100-article site, busy machine: a naive floor with one pipeline per file,
 * each decoding the source again, took 12.7 s where processImages took 9.5 s.)
 */
async function bareImage(
  request: MediaRequest,
  options: MediaOptions,
  outDir: string,
  index: number,
  run: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<number> {
  const bytes = await readFile(request.file);
  const meta = await sharp(bytes, { autoOrient: true }).metadata();
  const source: Size = {
    width: meta.autoOrient?.width ?? meta.width ?? 0,
    height: meta.autoOrient?.height ?? meta.height ?? 0,
  };
  const sizes = variantSizes(source, options.widths);
  const crops = CROP_NAMES.flatMap((name) => {
    const crop = cropPlan(source, options.crops[name], request.focus);
    return crop ? [{ name, ...crop }] : [];
  });
  const scale = workingScale(source, sizes.at(-1)?.width ?? source.width, crops);
  const work: Size = {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
  const pixels = await run(() =>
    sharp(bytes, { autoOrient: true, failOn: options.failOn })
      .resize(work.width, work.height, { fit: "fill" })
      .flatten({ background: options.background })
      .raw()
      .toBuffer(),
  );
  const open = () =>
    sharp(pixels, { raw: { width: work.width, height: work.height, channels: 3 } });
  const credit = request.credit;
  const tag = (pipeline: Sharp) =>
    credit === undefined ? pipeline : pipeline.withExif({ IFD0: { Copyright: credit } });
  const files: Promise<unknown>[] = [];
  // Costliest first, as the module orders them: AVIF, widest first.
  for (const format of ["avif", "webp", "jpeg"] as const) {
    for (const size of [...sizes].reverse()) {
      files.push(
        run(() =>
          tag(
            encoder(open().resize(size.width, size.height, { fit: "fill" }), format, options),
          ).toFile(path.join(outDir, `${index}-${size.width}.${format}`)),
        ),
      );
    }
  }
  for (const crop of crops) {
    files.push(
      run(() =>
        tag(
          encoder(
            open()
              .extract(scaleBox(crop.box, scale, work))
              .resize(crop.width, crop.height, { fit: "fill" }),
            "jpeg",
            options,
          ),
        ).toFile(path.join(outDir, `${index}-${crop.name}.jpg`)),
      ),
    );
  }
  files.push(
    run(() => open().resize(options.placeholderWidth).blur(1).webp({ quality: 50 }).toBuffer()),
  );
  await Promise.all(files);
  return files.length - 1;
}

/** The figures of one comparison. */
export interface ImageStageResult {
  /** Distinct images made. */
  readonly images: number;
  /** Files each side wrote (variants and crops; the placeholder is inlined, not a file). */
  readonly files: number;
  /** Bare sharp (one decode per image, every file from its pixels), wall time in ms. */
  readonly bareMs: number;
  /** The media module's cold processImages, wall time in ms. */
  readonly moduleMs: number;
  /** What processImages reported: images encoded (at least one file) and reused. */
  readonly moduleEncoded: number;
  readonly moduleReused: number;
}

/**
 * Times bare sharp, then the module with an empty cache, on the same distinct images. Both run
 * one libvips thread per pipeline (`sharp.concurrency(1)`, what the module sets) and one
 * pipeline per core, so the difference is the module's own overhead.
 */
export async function compareImageStage(
  requests: readonly MediaRequest[],
  scratch: string,
): Promise<ImageStageResult> {
  const options = createMediaOptions({ cacheDir: path.join(scratch, "module-cache") });
  const workers = Math.max(1, Math.min(options.concurrency, availableParallelism()));
  sharp.concurrency(1);
  sharp.cache(false);
  const bareDir = path.join(scratch, "bare");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(bareDir, { recursive: true });
  try {
    const started = performance.now();
    const run = limiter(workers);
    await Promise.all(requests.map((request, i) => bareImage(request, options, bareDir, i, run)));
    const bareMs = performance.now() - started;

    const moduleStarted = performance.now();
    const result = await processImages(requests, { cacheDir: options.cacheDir });
    const moduleMs = performance.now() - moduleStarted;
    if (!result.ok) {
      throw new Error(`processImages refused the bench images: ${result.issues[0]?.message}`);
    }
    return {
      images: requests.length,
      files: result.value.files.length,
      bareMs,
      moduleMs,
      moduleEncoded: result.value.stats.encoded,
      moduleReused: result.value.stats.reused,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
