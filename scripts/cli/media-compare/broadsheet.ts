/**
 * Broadsheet's side of the comparison: one cold `processImages` call (time, CPU and the bytes
 * it made, by kind) and warm calls that must all be cache hits.
 */

import { rmSync, statSync } from "node:fs";
import path from "node:path";
import {
  type ImageFile,
  type LocalImage,
  type MediaRequest,
  mediaKey,
  processImages,
} from "../../media/index.ts";
import type { BroadsheetBytes, BroadsheetColdRun } from "./types.ts";

/** The path of an output file inside the module's cache (`ImageFile.path` is site-relative). */
export function cachedFile(cacheDir: string, file: ImageFile): string {
  return path.join(cacheDir, "files", path.basename(file.path));
}

/** The bytes of `files` as the cache holds them. */
function sumBytes(cacheDir: string, files: readonly ImageFile[]): number {
  return files.reduce((total, file) => total + statSync(cachedFile(cacheDir, file)).size, 0);
}

/** The bytes of one processed image, by what eleventy-img makes too and what it does not. */
function broadsheetBytes(cacheDir: string, image: LocalImage): BroadsheetBytes {
  const avif = sumBytes(cacheDir, image.variants.avif);
  const webp = sumBytes(cacheDir, image.variants.webp);
  const jpeg = sumBytes(cacheDir, image.variants.jpeg);
  const placeholder = Buffer.from(image.placeholder.split(",")[1] ?? "", "base64").length;
  return {
    avif,
    webp,
    jpeg,
    responsive: avif + webp + jpeg,
    crops: sumBytes(cacheDir, Object.values(image.crops)),
    placeholder,
  };
}

/** processImages, throwing on content issues: a benchmark image must go through. */
export async function processOrThrow(requests: readonly MediaRequest[], cacheDir: string) {
  const result = await processImages(requests, { cacheDir });
  if (!result.ok) {
    throw new Error(`processImages refused the image: ${result.issues[0]?.message ?? "?"}`);
  }
  return result.value;
}

/** One cold processImages call into a fresh `cacheDir`: time, CPU and bytes. */
export async function measureBroadsheetCold(
  request: MediaRequest,
  cacheDir: string,
): Promise<BroadsheetColdRun> {
  rmSync(cacheDir, { recursive: true, force: true });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await processOrThrow([request], cacheDir);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const image = result.images.get(mediaKey(request));
  if (!image) throw new Error(`processImages returned no image for ${mediaKey(request)}`);
  // A cold figure that reused a cached file would time a hit, not the encoders.
  if (result.stats.encoded !== 1) throw new Error("the cold run encoded nothing");
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    files: result.files.length,
    bytes: broadsheetBytes(cacheDir, image),
  };
}

/**
 * Times `calls` warm processImages calls on a filled cache, each in ms. Every call must be a
 * hit for every image, or the figure would time encodes.
 */
export async function measureCacheHits(
  requests: readonly MediaRequest[],
  cacheDir: string,
  calls: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let call = 0; call < calls; call += 1) {
    const started = performance.now();
    const result = await processOrThrow(requests, cacheDir);
    times.push(performance.now() - started);
    if (result.stats.reused !== result.stats.total) {
      throw new Error(`warm call ${call + 1} encoded ${result.stats.encoded} images`);
    }
  }
  return times;
}
