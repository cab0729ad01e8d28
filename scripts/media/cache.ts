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
import { CROP_NAMES } from "./defaults.ts";
import { isOutputName } from "./naming.ts";
import type { CropName, ImageFile, MediaOptions, OutputFormat, ProcessedImage } from "./types.ts";

/** Where the cache keeps what. */
export interface CacheLayout {
  readonly files: string;
  readonly manifests: string;
}

/**
 * One encoded file as a manifest records it. `bytes` lets a truncated cache file be noticed at
 * once; `sha256` proves the bytes are the ones written when the file is copied into a site.
 */
export interface ManifestEntry {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** Everything needed to answer for an image without decoding it. */
export interface Manifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly width: number;
  readonly height: number;
  readonly placeholder: string;
  readonly variants: { readonly [format in OutputFormat]: readonly ManifestEntry[] };
  readonly crops: { readonly [name in CropName]: ManifestEntry };
}

/** Bump when the manifest's shape changes; older manifests then read as misses. */
export const MANIFEST_VERSION = 2;

/** Temporary files start with this; `pruneCache` sweeps any left by an interrupted build. */
export const TEMPORARY_PREFIX = ".tmp-";

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["avif", "webp", "jpeg"];

export function cacheLayout(options: MediaOptions): CacheLayout {
  return { files: join(options.cacheDir, "files"), manifests: join(options.cacheDir, "manifests") };
}

export async function ensureCache(layout: CacheLayout): Promise<void> {
  await mkdir(layout.files, { recursive: true });
  await mkdir(layout.manifests, { recursive: true });
}

/** A unique temporary name beside `destination`, keeping its extension. */
export function temporaryPath(destination: string): string {
  const unique = `${process.pid}-${randomBytes(4).toString("hex")}`;
  return join(dirname(destination), `${TEMPORARY_PREFIX}${unique}-${basename(destination)}`);
}

/**
 * Runs `write` against a temporary path, then renames it to `destination` (atomic on one file
 * system). On failure the temporary file is removed and the error passed on.
 */
export async function writeAtomically(
  destination: string,
  write: (temporary: string) => Promise<unknown>,
): Promise<void> {
  const temporary = temporaryPath(destination);
  try {
    await write(temporary);
    await rename(temporary, destination);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
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

function isEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.name === "string" &&
    isOutputName(entry.name) &&
    Number.isInteger(entry.width) &&
    Number.isInteger(entry.height) &&
    Number.isInteger(entry.bytes) &&
    typeof entry.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(entry.sha256)
  );
}

/** Checks a parsed manifest's shape: the cache is a file anyone can edit or damage. */
function isManifest(value: unknown): value is Manifest {
  if (typeof value !== "object" || value === null) return false;
  const manifest = value as Record<string, unknown>;
  const variants = manifest.variants as Record<string, unknown> | undefined;
  const crops = manifest.crops as Record<string, unknown> | undefined;
  return (
    manifest.version === MANIFEST_VERSION &&
    Number.isInteger(manifest.width) &&
    Number.isInteger(manifest.height) &&
    typeof manifest.placeholder === "string" &&
    manifest.placeholder.startsWith("data:image/") &&
    typeof variants === "object" &&
    variants !== null &&
    OUTPUT_FORMATS.every((f) => Array.isArray(variants[f]) && variants[f].every(isEntry)) &&
    typeof crops === "object" &&
    crops !== null &&
    CROP_NAMES.every((name) => isEntry(crops[name]))
  );
}

/** Every file a manifest lists. */
export function manifestEntries(manifest: Manifest): ManifestEntry[] {
  return [
    ...OUTPUT_FORMATS.flatMap((format) => manifest.variants[format]),
    ...CROP_NAMES.map((name) => manifest.crops[name]),
  ];
}

/** Reads and parses a manifest file; undefined if it is missing, unreadable or malformed. */
export async function loadManifest(path: string): Promise<Manifest | undefined> {
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
): Promise<Manifest | undefined> {
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
  manifest: Manifest,
): Promise<void> {
  await writeAtomically(join(layout.manifests, `${key}.json`), (temporary) =>
    writeFile(temporary, `${JSON.stringify(manifest)}\n`),
  );
}

function imageFile(entry: ManifestEntry, format: OutputFormat, outputSubdir: string): ImageFile {
  return {
    path: `${outputSubdir}/${entry.name}`,
    width: entry.width,
    height: entry.height,
    format,
    sha256: entry.sha256,
  };
}

/** The public view of a manifest, with paths under the site's media folder. */
export function manifestToImage(manifest: Manifest, outputSubdir: string): ProcessedImage {
  const variants = (format: OutputFormat) =>
    manifest.variants[format].map((entry) => imageFile(entry, format, outputSubdir));
  const crop = (name: CropName) => imageFile(manifest.crops[name], "jpeg", outputSubdir);
  return {
    width: manifest.width,
    height: manifest.height,
    variants: { avif: variants("avif"), webp: variants("webp"), jpeg: variants("jpeg") },
    crops: { "16x9": crop("16x9"), "4x3": crop("4x3"), "1x1": crop("1x1"), social: crop("social") },
    placeholder: manifest.placeholder,
  };
}
