/**
 * Test images made on the spot: photo-like sources, and every kind of bad file the media module
 * must refuse. Nothing binary is checked in.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { syntheticPhoto } from "../../scripts/media/synthetic.ts";
import type { MediaRequest } from "../../scripts/media/types.ts";

/** A temporary folder, and a way to remove it. */
export interface Scratch {
  readonly dir: string;
  readonly cacheDir: string;
  cleanup(): Promise<void>;
}

export async function scratch(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), "broadsheet-media-test-"));
  return {
    dir,
    cacheDir: join(dir, "cache"),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A request for `file`, as the content model would make it. */
export function requestFor(
  file: string,
  extra: Partial<Omit<MediaRequest, "file">> = {},
): MediaRequest {
  return {
    article: "content/articles/test-story/index.md",
    field: "image.src",
    focus: [0.5, 0.5],
    ...extra,
    file,
  };
}

/** Writes `bytes` to `dir/name` and returns the path. */
export async function put(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A photo-like JPEG (cached per size and seed: the generator takes a few hundred ms). */
const photos = new Map<string, Promise<Buffer>>();
export function photo(width: number, height: number, seed = 1): Promise<Buffer> {
  const key = `${width}x${height}#${seed}`;
  let made = photos.get(key);
  if (!made) {
    made = syntheticPhoto({ width, height, seed });
    photos.set(key, made);
  }
  return made;
}

/** A flat grey JPEG with a pure red square centred on `focus` (clamped inside the image). */
export async function markedImage(
  width: number,
  height: number,
  focus: readonly [number, number],
  marker = 40,
): Promise<Buffer> {
  const left = Math.min(width - marker, Math.max(0, Math.round(focus[0] * width - marker / 2)));
  const top = Math.min(height - marker, Math.max(0, Math.round(focus[1] * height - marker / 2)));
  const red = await sharp({
    create: { width: marker, height: marker, channels: 3, background: { r: 255, g: 0, b: 0 } },
  })
    .png()
    .toBuffer();
  return sharp({
    create: { width, height, channels: 3, background: { r: 128, g: 128, b: 128 } },
  })
    .composite([{ input: red, left, top }])
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A JPEG cut off at 60% of its length: the header is whole, the pixel data is not. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await photo(800, 600, 3);
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/**
 * A JPEG with 256 bytes of its pixel data garbled (bits flipped by XOR), as a bad disk or a
 * broken transfer does. Its header is intact, so `metadata()` still succeeds. (A single flipped
 * bit usually decodes silently to wrong pixels: JPEG carries no checksum, no decoder can tell.)
 */
export async function corruptJpeg(): Promise<Buffer> {
  const damaged = Buffer.from(await photo(800, 600, 3));
  const start = Math.floor(damaged.length / 2);
  for (let i = start; i < start + 256; i += 1) damaged[i] = (damaged[i] ?? 0) ^ 0xa5;
  return damaged;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/**
 * A PNG whose header claims `width` x `height` (RGB, 8-bit) with one row of data: tiny on disk,
 * 2.7 GB if anyone decoded it at 30000 x 30000.
 */
export function hugePngHeader(width = 30000, height = 30000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.alloc(width * 3 + 1))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function gif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 64, channels: 3, background: "#336699" } })
    .gif()
    .toBuffer();
}

export const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#c00"/></svg>`;

export const HTML = `<!DOCTYPE html>
<html lang="en"><head><title>Photo gallery</title></head><body><img src="photo.jpg"></body></html>`;

/** The start of an iPhone HEIC file: an ISO-BMFF `ftyp` box with the `heic` brand. */
export function heicHeader(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypheic", 4, "latin1");
  box.write("mif1heic", 16, "latin1");
  return Buffer.concat([box, Buffer.alloc(200)]);
}
