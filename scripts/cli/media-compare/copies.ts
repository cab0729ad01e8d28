/**
 * The batch cache-hit figure: copies of the source that differ by one JPEG comment, so each
 * has its own hash and its own cache entry.
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { median } from "../../bench/results.ts";
import type { MediaRequest } from "../../media/index.ts";
import { measureCacheHits, processOrThrow } from "./broadsheet.ts";
import { ROUNDS, WARM_CALLS } from "./settings.ts";

/**
 * Copies of a JPEG that differ from it and from each other by one comment segment (COM) right
 * after the start-of-image marker: the same pixels, a different SHA-256, so the cache keeps a
 * manifest per copy. Empty for a source that is not a JPEG.
 */
export function writeStampedCopies(source: string, dir: string, count: number): string[] {
  const bytes = readFileSync(source);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return [];
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const text = Buffer.from(`media-compare copy ${i + 1}`, "latin1");
    // A segment's length counts its own two length bytes, not the marker.
    const header = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
    const file = path.join(dir, `copy-${i + 1}.jpg`);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 2), header, text, bytes.subarray(2)]));
    return file;
  });
}

/** Requests for the copies, each its own article so none is folded into another. */
export function copyRequests(files: readonly string[], like: MediaRequest): MediaRequest[] {
  return files.map((file, i) => ({ ...like, article: `media-compare/copy-${i + 1}`, file }));
}

/**
 * The batch cache-hit figure: the copies encoded once (cold, timed for the record), then
 * {@link ROUNDS} sets of {@link WARM_CALLS} warm calls, each set's median divided by the copies.
 */
export async function measureCopyHits(
  copies: readonly MediaRequest[],
  cacheDir: string,
): Promise<{ coldMs: number; perImageMs: number[] }> {
  const started = performance.now();
  await processOrThrow(copies, cacheDir);
  const coldMs = performance.now() - started;
  const perImageMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    perImageMs.push(median(await measureCacheHits(copies, cacheDir, WARM_CALLS)) / copies.length);
  }
  return { coldMs, perImageMs };
}
