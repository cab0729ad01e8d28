/**
 * What the media cache records of one image, and the check of a manifest read back from disk:
 * the cache is a folder anyone can edit or damage, so a manifest of the wrong shape is a miss.
 *
 * Two kinds: the files sharp made (the responsive set and the crops), or, with an image CDN,
 * the master (and Netlify's pre-cut crops) the CDN makes every size from.
 */
import { CROP_NAMES } from "./defaults.ts";
import { isOutputName } from "./naming.ts";
import type { CropName, OutputFormat } from "./types.ts";

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

/** Everything needed to answer for an image sharp made, without decoding it. */
export interface Manifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly width: number;
  readonly height: number;
  readonly placeholder: string;
  readonly variants: { readonly [format in OutputFormat]: readonly ManifestEntry[] };
  readonly crops: { readonly [name in CropName]: ManifestEntry };
}

/** Everything needed to answer for an image an image CDN makes, without decoding it. */
export interface MasterManifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly kind: "masters";
  /** The oriented source's size. */
  readonly width: number;
  readonly height: number;
  /** The focal point the crops keep (normalised), for the CDN's crop parameters. */
  readonly focus: readonly [number, number];
  readonly placeholder: string;
  readonly master: ManifestEntry;
  /** Crops pre-cut around the focus, for a CDN without focal points. */
  readonly crops?: { readonly [name in CropName]: ManifestEntry };
}

export type AnyManifest = Manifest | MasterManifest;

/** Bump when the manifest's shape changes; older manifests then read as misses. */
export const MANIFEST_VERSION = 2;

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["avif", "webp", "jpeg"];

export function isMasterManifest(manifest: AnyManifest): manifest is MasterManifest {
  return "master" in manifest;
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

function isCropSet(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const crops = value as Record<string, unknown>;
  return CROP_NAMES.every((name) => isEntry(crops[name]));
}

function isFraction(value: unknown): boolean {
  return typeof value === "number" && value >= 0 && value <= 1;
}

/** Checks a parsed manifest's shape. */
export function isManifest(value: unknown): value is AnyManifest {
  if (typeof value !== "object" || value === null) return false;
  const manifest = value as Record<string, unknown>;
  const common =
    manifest.version === MANIFEST_VERSION &&
    Number.isInteger(manifest.width) &&
    Number.isInteger(manifest.height) &&
    typeof manifest.placeholder === "string" &&
    manifest.placeholder.startsWith("data:image/");
  if (!common) return false;
  if (manifest.kind === "masters") {
    const focus = manifest.focus;
    return (
      isEntry(manifest.master) &&
      (manifest.crops === undefined || isCropSet(manifest.crops)) &&
      Array.isArray(focus) &&
      focus.length === 2 &&
      focus.every(isFraction)
    );
  }
  const variants = manifest.variants as Record<string, unknown> | undefined;
  return (
    typeof variants === "object" &&
    variants !== null &&
    OUTPUT_FORMATS.every((f) => Array.isArray(variants[f]) && variants[f].every(isEntry)) &&
    isCropSet(manifest.crops)
  );
}

/** Every file a manifest lists. */
export function manifestEntries(manifest: AnyManifest): ManifestEntry[] {
  if (isMasterManifest(manifest)) {
    const crops = manifest.crops;
    return [manifest.master, ...(crops ? CROP_NAMES.map((name) => crops[name]) : [])];
  }
  return [
    ...OUTPUT_FORMATS.flatMap((format) => manifest.variants[format]),
    ...CROP_NAMES.map((name) => manifest.crops[name]),
  ];
}
