/**
 * Pictures as packed RGB pixels, and the sharp calls that make and soften them. Everything
 * else in the stand-in painter works on these buffers with plain loops, so every step is exact.
 */
import sharp from "sharp";

/** Size of a picture in pixels. */
export interface Frame {
  readonly width: number;
  readonly height: number;
}

/** Packed 8-bit RGB pixels, row by row, with the frame they fill. */
export interface Picture {
  readonly frame: Frame;
  readonly rgb: Buffer;
}

/** A point in pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Encoder settings shared by both pictures: small progressive files that look like camera JPEGs. */
export const JPEG_OPTIONS = {
  quality: 82,
  mozjpeg: true,
  progressive: true,
  chromaSubsampling: "4:2:0",
} as const;

/** sharp's description of a packed RGB buffer of the given size. */
export function rawRgb(frame: Frame) {
  return { raw: { width: frame.width, height: frame.height, channels: 3 } } as const;
}

/** Renders SVG markup to opaque RGB pixels. */
export async function renderSvg(svg: string, frame: Frame): Promise<Picture> {
  const rgb = await sharp(Buffer.from(svg))
    .flatten({ background: "#000000" })
    .removeAlpha()
    .raw()
    .toBuffer();
  return { frame, rgb };
}

/** Renders greyscale SVG markup to one 8-bit channel (a mask or a map). */
export async function renderMap(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg))
    .flatten({ background: "#000000" })
    .extractChannel(0)
    .raw()
    .toBuffer();
}

export async function blur(picture: Picture, sigma: number): Promise<Picture> {
  const rgb = await sharp(picture.rgb, rawRgb(picture.frame)).blur(sigma).raw().toBuffer();
  return { frame: picture.frame, rgb };
}
