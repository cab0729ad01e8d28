/**
 * The one full decode of a source: EXIF orientation applied, colours converted to sRGB through
 * the embedded ICC profile, transparency flattened, scaled to the working size. Every output is
 * then cut from these pixels, so the source is decoded once, not once per file.
 *
 * This is also the validation that counts: libvips reads every byte of pixel data here, and
 * with `failOn: "warning"` a truncated or corrupt file throws instead of yielding garbage.
 */
import sharp from "sharp";
import type { MediaOptions } from "./types.ts";
import type { Size } from "./variants.ts";

/** Decoded 8-bit sRGB pixels, 3 channels, row by row. */
export interface WorkingImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 3;
}

let configured = false;

/**
 * Global sharp settings, set once. Our pool is the only source of parallelism (one libvips
 * thread per pipeline, as many pipelines as cores), and libvips' operation cache is off because
 * no two pipelines here share an input: it would only hold memory.
 */
export function configureSharp(): void {
  if (configured) return;
  sharp.concurrency(1);
  sharp.cache(false);
  configured = true;
}

/**
 * Decodes `bytes` at `work` size. Throws sharp's error for damaged pixel data.
 *
 * `withIccProfile("srgb")` (not attached to the output) makes the sRGB conversion explicit for
 * every input: without it sharp converts 16-bit images through Display P3 and then reads the P3
 * values as sRGB, so a 16-bit PNG or TIFF with a profile came out visibly desaturated.
 */
export async function decodeWorking(
  bytes: Buffer,
  source: Size,
  work: Size,
  options: MediaOptions,
): Promise<WorkingImage> {
  let pipeline = sharp(bytes, {
    failOn: options.failOn,
    limitInputPixels: options.limitInputPixels,
    autoOrient: true,
  });
  if (work.width !== source.width || work.height !== source.height) {
    // fastShrinkOnLoad off: JPEG's DCT-domain shrink can leave a slight moiré; the exact path
    // cost about 15 ms more on a 3000 x 2000 photo.
    pipeline = pipeline.resize(work.width, work.height, { fit: "fill", fastShrinkOnLoad: false });
  }
  const { data, info } = await pipeline
    .flatten({ background: options.background })
    .withIccProfile("srgb", { attach: false })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== work.width || info.height !== work.height) {
    throw new Error(
      `decoded ${info.width} x ${info.height} x ${info.channels}, expected ${work.width} x ${work.height} x 3`,
    );
  }
  return { data, width: info.width, height: info.height, channels: 3 };
}
