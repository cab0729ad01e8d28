/**
 * Safe first contact with an untrusted source file: read it, fingerprint it, and check what it
 * is and how big it claims to be before a single pixel is decoded. The full decode that proves
 * the pixel data is sound happens in `decode.ts`; `metadata()` alone proves nothing (it succeeds
 * on a truncated JPEG).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname } from "node:path";
import sharp, { type Metadata } from "sharp";
import type { Checked } from "../content/issues.ts";
import { sha256 } from "./hash.ts";
import { sniffFormat } from "./sniff.ts";
import {
  emptyFile,
  missingFile,
  notAFile,
  tooLarge,
  tooManyPixels,
  undecodable,
  wrongKind,
} from "./source-issues.ts";
import type { MediaOptions, MediaRequest, SourceFormat } from "./types.ts";

/** A source's bytes and their SHA-256, the identity every cache entry is keyed on. */
export interface SourceFile {
  readonly bytes: Buffer;
  readonly hash: string;
}

/** What the header of an accepted source says. */
export interface SourceInfo {
  readonly format: SourceFormat;
  /** Dimensions after EXIF orientation. */
  readonly width: number;
  readonly height: number;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

/** A file in the same folder whose name differs only in case or extension: what was meant. */
async function nearbyName(file: string): Promise<string | undefined> {
  const wanted = basename(file).toLowerCase();
  const stem = basename(file, extname(file)).toLowerCase();
  try {
    const names = await readdir(dirname(file));
    return (
      names.find((name) => name.toLowerCase() === wanted) ??
      names.find((name) => basename(name, extname(name)).toLowerCase() === stem)
    );
  } catch {
    return undefined;
  }
}

/**
 * The largest source file read. A 100-megapixel photo is 20-60 MB as JPEG and 300 MB as an
 * uncompressed 8-bit TIFF; anything bigger is a video or an archive, not a photo, and reading
 * it whole would cost that much memory.
 */
export const MAX_SOURCE_BYTES = 320 * 1024 * 1024;

/** Reads a source whole (it is hashed anyway) and refuses a missing, unreadable or empty file. */
export async function readSource(request: MediaRequest): Promise<Checked<SourceFile>> {
  let bytes: Buffer;
  try {
    const info = await stat(request.file);
    if (!info.isFile()) return { ok: false, issues: [notAFile(request)] };
    if (info.size > MAX_SOURCE_BYTES) {
      return { ok: false, issues: [tooLarge(request, info.size, MAX_SOURCE_BYTES)] };
    }
    bytes = await readFile(request.file);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      return { ok: false, issues: [missingFile(request, await nearbyName(request.file))] };
    }
    if (code === "EISDIR") return { ok: false, issues: [notAFile(request)] };
    throw error;
  }
  if (bytes.length === 0) return { ok: false, issues: [emptyFile(request)] };
  return { ok: true, value: { bytes, hash: sha256(bytes) } };
}

/** sharp's name for each accepted format, to check its reading against ours. */
const SHARP_FORMAT: Record<SourceFormat, string> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  avif: "heif",
  tiff: "tiff",
};

/**
 * Checks the format by content and the size by header, without decoding pixels: a 30000 x
 * 30000 PNG is refused in milliseconds, not after allocating 2.7 GB.
 */
export async function inspectSource(
  bytes: Buffer,
  request: MediaRequest,
  options: MediaOptions,
): Promise<Checked<SourceInfo>> {
  const kind = sniffFormat(bytes);
  const format = options.allowedFormats.find((allowed) => allowed === kind);
  if (!format) return { ok: false, issues: [wrongKind(request, kind, options.allowedFormats)] };
  let metadata: Metadata;
  try {
    // No pixel limit here: the header is all that is read, and we want its numbers for the message.
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: options.failOn }).metadata();
  } catch (error) {
    return { ok: false, issues: [undecodable(request, String((error as Error).message))] };
  }
  if (metadata.format !== SHARP_FORMAT[format]) {
    return { ok: false, issues: [wrongKind(request, "unknown", options.allowedFormats)] };
  }
  if (format === "avif" && metadata.compression !== "av1") {
    return { ok: false, issues: [wrongKind(request, "heic", options.allowedFormats)] };
  }
  const { width, height } = metadata;
  if (width * height > options.limitInputPixels) {
    return { ok: false, issues: [tooManyPixels(request, width, height, options.limitInputPixels)] };
  }
  return {
    ok: true,
    value: { format, width: metadata.autoOrient.width, height: metadata.autoOrient.height },
  };
}
