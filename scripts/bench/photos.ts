/**
 * The benchmark's source photos: 3000 x 2000 photo-like JPEGs (a camera's size), made once with
 * the media module's synthetic generator and kept under `.cache/bench/photos/`. Making one takes
 * seconds; reusing it keeps every run after the first fast and every run on the same pixels.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { syntheticPhoto } from "../media/synthetic.ts";

/** The size of every source photo: what a newsroom's cameras deliver. */
export const PHOTO_SIZE = { width: 3000, height: 2000 } as const;

/**
 * Bump when the photos' recipe changes, so no run compares figures made from different pixels
 * under the same file name.
 */
const PHOTO_VERSION = 1;

/** Where the source photos are cached, under the repository. */
export function photoCacheDir(repoRoot: string): string {
  return path.join(repoRoot, ".cache", "bench", "photos");
}

/** The cached file of the photo for `seed`. */
export function photoFile(
  cacheDir: string,
  seed: number,
  size: { readonly width: number; readonly height: number } = PHOTO_SIZE,
): string {
  return path.join(cacheDir, `photo-v${PHOTO_VERSION}-${size.width}x${size.height}-s${seed}.jpg`);
}

/**
 * The photo for `seed`, made if it is not cached yet. Written under a temporary name and renamed,
 * so an interrupted run never leaves a half-written photo to be reused.
 */
export async function ensurePhoto(
  cacheDir: string,
  seed: number,
  size: { readonly width: number; readonly height: number } = PHOTO_SIZE,
): Promise<string> {
  const file = photoFile(cacheDir, seed, size);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  const bytes = await syntheticPhoto({ ...size, seed });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return file;
}

/**
 * The run's distinct source photos (seeds 1..count) and, separately, replacement photos for the
 * "one photo replaced" builds (seeds from 1001), so a replacement is never a photo the cache has seen.
 */
export async function ensurePhotos(
  cacheDir: string,
  count: number,
  replacements: number,
  onMade?: (file: string) => void,
): Promise<{ sources: string[]; replacements: string[] }> {
  const make = async (seed: number) => {
    const existed = existsSync(photoFile(cacheDir, seed));
    const file = await ensurePhoto(cacheDir, seed);
    if (!existed) onMade?.(file);
    return file;
  };
  const sources: string[] = [];
  for (let seed = 1; seed <= count; seed += 1) sources.push(await make(seed));
  const spare: string[] = [];
  for (let i = 0; i < replacements; i += 1) spare.push(await make(1001 + i));
  return { sources, replacements: spare };
}
