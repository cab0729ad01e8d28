/** What film and the darkroom add: a colour grade, grain, and the final JPEG encode. */
import sharp from "sharp";
import { seededRandom } from "../../media/synthetic.ts";
import { clamp01, lerp } from "./noise.ts";
import { type Frame, JPEG_OPTIONS, type Picture, rawRgb } from "./picture.ts";

/** Colour grade applied per channel as a lookup table. */
export interface Grade {
  /** 0..1: how far to pull towards an S-curve (film contrast). */
  readonly contrast: number;
  /** Black level, 0..1: photographs rarely reach true black. */
  readonly lift: number;
  /** Added to each channel in the shadows (cool shadows are a film habit). */
  readonly shadowTint: readonly [number, number, number];
  /** Added to each channel in the highlights. */
  readonly highlightTint: readonly [number, number, number];
}

function gradeTable(grade: Grade, channel: 0 | 1 | 2): Uint8Array {
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const x = v / 255;
    const curved = lerp(x, x * x * (3 - 2 * x), grade.contrast);
    const lifted = grade.lift + curved * (1 - grade.lift);
    const tinted =
      lifted +
      grade.shadowTint[channel] * (1 - lifted) ** 2 +
      grade.highlightTint[channel] * lifted ** 2;
    table[v] = Math.round(clamp01(tinted) * 255);
  }
  return table;
}

export function colourGrade(picture: Picture, grade: Grade): Picture {
  const tables = [gradeTable(grade, 0), gradeTable(grade, 1), gradeTable(grade, 2)];
  const out = Buffer.alloc(picture.rgb.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = tables[i % 3]?.[picture.rgb[i] ?? 0] ?? 0;
  }
  return { frame: picture.frame, rgb: out };
}

/**
 * Monochrome film grain around mid-grey (neutral under an overlay blend). It is drawn at a
 * lower resolution and enlarged so the grains clump like silver does; softer grain also costs
 * the JPEG fewer bytes.
 */
export async function filmGrain(
  frame: Frame,
  seed: number,
  amount: number,
  clump: number,
): Promise<Buffer> {
  const random = seededRandom(seed);
  const width = Math.ceil(frame.width / clump);
  const height = Math.ceil(frame.height / clump);
  const grain = Buffer.alloc(width * height);
  for (let i = 0; i < grain.length; i++) {
    // The sum of three uniforms is near enough Gaussian for grain, and cheap.
    const gaussian = random() + random() + random() - 1.5;
    grain[i] = Math.round(Math.max(0, Math.min(255, 128 + gaussian * amount)));
  }
  return sharp(grain, { raw: { width, height, channels: 1 } })
    .resize(frame.width, frame.height, { kernel: "cubic" })
    .toColourspace("srgb")
    .raw()
    .toBuffer();
}

/** Lays grain over the finished picture and encodes it as an sRGB JPEG. */
export async function encodeWithGrain(picture: Picture, grain: Buffer): Promise<Buffer> {
  return sharp(picture.rgb, rawRgb(picture.frame))
    .composite([{ input: grain, ...rawRgb(picture.frame), blend: "overlay" }])
    .removeAlpha()
    .withIccProfile("srgb")
    .jpeg(JPEG_OPTIONS)
    .toBuffer();
}
