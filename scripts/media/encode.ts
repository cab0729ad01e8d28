/**
 * Writes one output file from the working pixels: cut (for crops), resize, encode, tag.
 *
 * Metadata: the working pixels carry none, so nothing from the camera (GPS position, make and
 * model, serial numbers, capture time) can reach an output. The credit is written as EXIF
 * `Copyright` (IFD0), which JPEG, WebP and AVIF all carry; libvips adds only its structural
 * fields (orientation 1, resolution, colour space, pixel size). EXIF text is ASCII: libexif
 * transliterates the rest ("©" becomes "(C)", letters lose accents, other scripts become "?").
 * Without a credit, no EXIF is written at all.
 *
 * No ICC profile is attached: the pixels are sRGB, which browsers assume for untagged images,
 * and a profile would add bytes to every file.
 */
import sharp, { type Sharp } from "sharp";
import { writeAtomically } from "./cache.ts";
import type { WorkingImage } from "./decode.ts";
import type { OutputPlan } from "./plan.ts";
import type { MediaOptions, OutputFormat } from "./types.ts";

/** The encoder for `format` with the module's settings. */
export function encodeAs(pipeline: Sharp, format: OutputFormat, options: MediaOptions): Sharp {
  switch (format) {
    case "avif":
      return pipeline.avif({ ...options.avif });
    case "webp":
      return pipeline.webp({ ...options.webp });
    case "jpeg":
      // mozjpeg: trellis quantisation and optimised scans, about 20% smaller than libjpeg at the
      // same quality; progressive so a slow connection sees the whole picture early.
      return pipeline.jpeg({ quality: options.jpeg.quality, mozjpeg: true, progressive: true });
  }
}

/** Makes `credit` safe for an EXIF ASCII field: one line, no control characters, bounded. */
export function exifCredit(credit: string): string {
  return credit
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

function fromWorking(work: WorkingImage): Sharp {
  return sharp(work.data, {
    raw: { width: work.width, height: work.height, channels: work.channels },
  });
}

/** Encodes one planned output to `destination`, atomically. */
export async function encodeOutput(
  work: WorkingImage,
  output: OutputPlan,
  credit: string | undefined,
  options: MediaOptions,
  destination: string,
): Promise<void> {
  let pipeline = fromWorking(work);
  const box = output.box ?? { left: 0, top: 0, width: work.width, height: work.height };
  if (output.box) pipeline = pipeline.extract(output.box);
  if (box.width !== output.width || box.height !== output.height) {
    pipeline = pipeline.resize(output.width, output.height, { fit: "fill" });
  }
  pipeline =
    output.encoder === "master"
      ? // libjpeg, baseline: a CDN's source, read once per size (see masters in defaults.ts).
        pipeline.jpeg({ quality: options.masters.quality })
      : encodeAs(pipeline, output.format, options);
  const tag = credit === undefined ? "" : exifCredit(credit);
  if (tag !== "") pipeline = pipeline.withExif({ IFD0: { Copyright: tag } });
  await writeAtomically(destination, (temporary) => pipeline.toFile(temporary));
}
