/**
 * Output file names that change whenever the bytes would: `<stem>-<hash>-<suffix>.<ext>`,
 * e.g. `photo-3f9a1c2b7d-800.avif`. The hash covers the source's SHA-256 and every setting that
 * shapes that one file, so a host can cache each name forever.
 */
import { basename, extname } from "node:path";
import sharp from "sharp";
import { sha256 } from "./hash.ts";
import type { MediaOptions, OutputFormat } from "./types.ts";

/**
 * Bump when the pipeline changes what it writes for the same settings (a new resize step, a
 * different metadata rule), so every name changes and no host keeps serving the old bytes.
 */
export const PIPELINE_VERSION = 1;

/**
 * The encoders' versions are part of every name: a sharp or libvips upgrade can change the
 * bytes for the same settings, and then the name must change too.
 */
export const ENCODER_VERSIONS = `sharp ${sharp.versions.sharp} vips ${sharp.versions.vips}`;

/** Hex digits of the hash in a name: 40 bits, so a collision is out of reach for any archive. */
const NAME_HASH_LENGTH = 10;

const EXTENSIONS: Record<OutputFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/**
 * The human part of a name, from the source's file name: lowercase ASCII letters, digits and
 * single hyphens, at most 40 characters; readable in URLs and image search.
 */
export function fileStem(file: string): string {
  const stem = basename(file, extname(file))
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return stem === "" ? "image" : stem;
}

/** A short, stable hash of everything that shapes one output. */
export function recipeHash(recipe: unknown): string {
  return sha256(JSON.stringify({ v: PIPELINE_VERSION, encoders: ENCODER_VERSIONS, recipe })).slice(
    0,
    NAME_HASH_LENGTH,
  );
}

/** `<stem>-<hash>-<suffix>.<ext>`; `suffix` is a width (`800`) or a crop name (`16x9`). */
export function outputName(
  stem: string,
  hash: string,
  suffix: string | number,
  format: OutputFormat,
): string {
  return `${stem}-${hash}-${suffix}.${EXTENSIONS[format]}`;
}

/** True for names this module writes: what `publishImages` will link and `pruneCache` may delete. */
export function isOutputName(name: string): boolean {
  return /^[a-z0-9-]+-[0-9a-f]{10}-[a-z0-9]+\.(avif|webp|jpg)$/.test(name);
}

/**
 * The name of an image's manifest: the source, the focus and credit, and every setting except
 * those that only say where files go or how fast (cache folder, output folder, concurrency).
 * With an image CDN, what is made (a master, or a master and pre-cut crops) and the masters'
 * settings count too; the provider itself does not, so Cloudflare and imgix share masters.
 * Without one the key is what it was before CDNs existed, so no warm cache is lost. The build
 * names the version of the pipeline's code too: a change to it makes every image again.
 */
export function manifestKey(
  identity: {
    readonly sourceHash: string;
    readonly stem: string;
    readonly focus: readonly [number, number];
    readonly credit: string | undefined;
  },
  options: MediaOptions,
): string {
  const {
    cacheDir: _cache,
    outputSubdir: _output,
    concurrency: _concurrency,
    codeVersion,
    cdn,
    masters,
    ...shaping
  } = options;
  const made =
    cdn === undefined
      ? {}
      : { made: cdn.provider === "netlify" ? "master and crops" : "master", masters };
  return sha256(
    JSON.stringify({
      v: PIPELINE_VERSION,
      encoders: ENCODER_VERSIONS,
      source: identity.sourceHash,
      stem: identity.stem,
      focus: identity.focus,
      credit: identity.credit ?? null,
      shaping,
      ...made,
      // The pipeline's code, when the caller names it (the build always does).
      ...(codeVersion ? { code: codeVersion } : {}),
    }),
  );
}
