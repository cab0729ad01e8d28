/**
 * The on-disk cache under `.cache/media/`:
 *
 * ```
 * files/<stem>-<hash>-<suffix>.<ext>   encoded outputs, named as they are published
 * manifests/<key>.json                 one per source + settings: sizes, file list, placeholder
 * ```
 *
 * Every write goes to a temporary name in the same folder and is renamed into place, so a
 * build killed halfway leaves at worst a `.tmp-*` file that nothing trusts. A manifest is
 * written last, after all of its files: its presence means the whole image is done.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { clearWayTo, errorCode, healingMkdir, IN_THE_WAY } from "../engine/cache-write.ts";
import { type AnyManifest, isManifest, manifestEntries } from "./manifest.ts";
import type { MediaOptions } from "./types.ts";

/** Where the cache keeps what. */
export interface CacheLayout {
  readonly files: string;
  readonly manifests: string;
}

/** Temporary files start with this; `pruneCache` sweeps any left by an interrupted build. */
export const TEMPORARY_PREFIX = ".tmp-";

export function cacheLayout(options: MediaOptions): CacheLayout {
  return { files: join(options.cacheDir, "files"), manifests: join(options.cacheDir, "manifests") };
}

/** Makes the cache's folders; a file or a broken link standing where one belongs is cleared. */
export async function ensureCache(layout: CacheLayout): Promise<void> {
  const root = dirname(layout.files);
  healingMkdir(layout.files, root);
  healingMkdir(layout.manifests, root);
}

/** A unique temporary name beside `destination`, keeping its extension. */
export function temporaryPath(destination: string): string {
  const unique = `${process.pid}-${randomBytes(4).toString("hex")}`;
  return join(dirname(destination), `${TEMPORARY_PREFIX}${unique}-${basename(destination)}`);
}

/**
 * Runs `write` against a temporary path, then renames it to `destination` (atomic on one file
 * system). On failure the temporary file is removed and the error passed on; when something
 * damaged stood in the way (a folder where the file belongs, a file where its folder belongs),
 * it is cleared, within the cache, and the write tried once more.
 */
export async function writeAtomically(
  destination: string,
  write: (temporary: string) => Promise<unknown>,
): Promise<void> {
  const attempt = async () => {
    const temporary = temporaryPath(destination);
    try {
      await write(temporary);
      await rename(temporary, destination);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };
  try {
    await attempt();
  } catch (error) {
    if (!IN_THE_WAY.has(errorCode(error) ?? "")) throw error;
    // Destinations are `<cache>/files/<name>` and `<cache>/manifests/<key>.json`.
    clearWayTo(destination, dirname(dirname(destination)));
    await mkdir(dirname(destination), { recursive: true });
    await attempt();
  }
}

/** The size of a regular file, or undefined when there is none. */
export async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and parses a manifest file; undefined if it is missing, unreadable or malformed. */
export async function loadManifest(path: string): Promise<AnyManifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    return isManifest(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A manifest whose files are all present at their recorded sizes, or undefined (a miss). A file
 * found at another size was damaged after it was written: it is deleted here so the rebuild
 * makes it again instead of trusting it, and nothing damaged is ever published.
 */
export async function readManifest(
  layout: CacheLayout,
  key: string,
): Promise<AnyManifest | undefined> {
  const manifest = await loadManifest(join(layout.manifests, `${key}.json`));
  if (!manifest) return undefined;
  const entries = manifestEntries(manifest);
  const sizes = await Promise.all(entries.map((entry) => fileSize(join(layout.files, entry.name))));
  const damaged = entries.filter((entry, i) => sizes[i] !== undefined && sizes[i] !== entry.bytes);
  await Promise.all(damaged.map((entry) => rm(join(layout.files, entry.name), { force: true })));
  return sizes.every((size, i) => size === entries[i]?.bytes) ? manifest : undefined;
}

export async function writeManifest(
  layout: CacheLayout,
  key: string,
  manifest: AnyManifest,
): Promise<void> {
  await writeAtomically(join(layout.manifests, `${key}.json`), (temporary) =>
    writeFile(temporary, `${JSON.stringify(manifest)}\n`),
  );
}
