/**
 * Moving results out of the cache: into a site folder (publish) and out of existence (prune).
 */
import { copyFile, link, mkdir, readdir, rm } from "node:fs/promises";
import { basename, join, posix } from "node:path";
import { cacheLayout, loadManifest, TEMPORARY_PREFIX } from "./cache.ts";
import { createMediaOptions } from "./defaults.ts";
import { manifestEntries } from "./manifest.ts";
import { isOutputName } from "./naming.ts";
import { forEachLimited } from "./pool.ts";
import type { MediaOptions, MediaResult } from "./types.ts";

/** File-system operations in flight at once: enough to hide latency, few enough for any disk. */
const FILE_OPERATIONS = 16;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

/** The cache file behind an output path, refusing anything that is not one of our names. */
function cacheName(path: string, outputSubdir: string): string {
  const name = basename(path);
  if (posix.join(outputSubdir, name) !== path || !isOutputName(name)) {
    throw new Error(`media: "${path}" is not an output path under ${outputSubdir}/`);
  }
  return name;
}

/** Hard-links `from` to `to`, copying when a link is impossible (another disk, no support). */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
    return;
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") {
      await rm(to, { force: true });
      return linkOrCopy(from, to);
    }
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") {
      throw error;
    }
  }
  await copyFile(from, to);
}

/**
 * Puts exactly `result.files` into `<outputDir>/<outputSubdir>/`, as hard links to the cache
 * (no bytes copied; a copy where links are impossible). Build into a fresh output folder and
 * images no article uses any more simply are not there.
 *
 * Linked files share their bytes with the cache: later build steps must replace output files,
 * never edit them in place.
 *
 * @example
 * await publishImages(result, "_site"); // _site/media/photo-3f9a1c2b7d-800.avif, ...
 */
export async function publishImages(
  result: MediaResult,
  outputDir: string,
  overrides: Partial<MediaOptions> = {},
): Promise<void> {
  const options = createMediaOptions(overrides);
  const { files } = cacheLayout(options);
  await mkdir(join(outputDir, options.outputSubdir), { recursive: true });
  await forEachLimited(result.files, FILE_OPERATIONS, async (path) => {
    const name = cacheName(path, options.outputSubdir);
    try {
      await linkOrCopy(join(files, name), join(outputDir, options.outputSubdir, name));
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
      throw new Error(
        `media: ${name} is not in the cache at ${files}: publish with the same cacheDir as processImages, and prune only after publishing`,
        { cause: error },
      );
    }
  });
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw error;
  }
}

/**
 * Deletes every cache file and manifest not among the output paths in `keep`, and temporary files left by
 * interrupted builds. Run it after a successful full build; do not run it while another build
 * is writing to the same cache.
 *
 * @returns how many files it removed.
 */
export async function pruneCache(
  keep: readonly string[],
  overrides: Partial<MediaOptions> = {},
): Promise<{ removed: number }> {
  const options = createMediaOptions(overrides);
  const layout = cacheLayout(options);
  const kept = new Set(keep.map((path) => basename(path)));
  const doomed: string[] = [];
  for (const name of await listNames(layout.files)) {
    if (name.startsWith(TEMPORARY_PREFIX) || (isOutputName(name) && !kept.has(name))) {
      doomed.push(join(layout.files, name));
    }
  }
  // A manifest stays only if every file it lists stays; unreadable ones go.
  for (const name of await listNames(layout.manifests)) {
    const path = join(layout.manifests, name);
    if (name.startsWith(TEMPORARY_PREFIX)) {
      doomed.push(path);
      continue;
    }
    if (!name.endsWith(".json")) continue;
    const manifest = await loadManifest(path);
    if (!manifest || !manifestEntries(manifest).every((entry) => kept.has(entry.name))) {
      doomed.push(path);
    }
  }
  await forEachLimited(doomed, FILE_OPERATIONS, (path) => rm(path, { force: true }));
  return { removed: doomed.length };
}
