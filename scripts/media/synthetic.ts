/**
 * Photo-like test images, made on the spot so tests and measurements need no binary fixtures.
 *
 * Encoders behave very differently on flat colour and on real photographs: a flat test card
 * compresses to almost nothing and makes every setting look fast. These images mix what
 * photographs have: soft light gradients, detail at every scale, hard edges and sensor grain,
 * so their sizes and encode times land close to a camera JPEG's.
 */
import sharp from "sharp";

/** What to draw. */
export interface SyntheticPhotoOptions {
  readonly width: number;
  readonly height: number;
  /** Same seed, same pixels: file sizes and timings can be compared from run to run. */
  readonly seed?: number;
  /** JPEG quality of the "camera" file. */
  readonly quality?: number;
}

/** A small, fast, seedable pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random colour noise at a coarse grid, smoothly enlarged: one octave of "detail at a scale". */
async function octave(
  width: number,
  height: number,
  cell: number,
  random: () => number,
): Promise<Buffer> {
  const w = Math.max(2, Math.ceil(width / cell));
  const h = Math.max(2, Math.ceil(height / cell));
  const small = Buffer.alloc(w * h * 3);
  for (let i = 0; i < small.length; i += 1) small[i] = Math.floor(random() * 256);
  return sharp(small, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { fit: "fill", kernel: "cubic" })
    .raw()
    .toBuffer();
}

/** Hard-edged shapes (a skyline, a few discs) as an SVG overlay: edges are what ring in JPEG. */
function shapesSvg(width: number, height: number, random: () => number): Buffer {
  const parts: string[] = [];
  let x = 0;
  while (x < width) {
    const w = Math.round(width * (0.03 + random() * 0.08));
    const h = Math.round(height * (0.15 + random() * 0.45));
    const shade = Math.round(30 + random() * 90);
    parts.push(
      `<rect x="${x}" y="${height - h}" width="${w}" height="${h}" fill="rgb(${shade},${shade + 5},${shade + 15})" fill-opacity="0.85"/>`,
    );
    x += w + Math.round(random() * width * 0.02);
  }
  for (let i = 0; i < 6; i += 1) {
    const r = Math.round(Math.min(width, height) * (0.03 + random() * 0.1));
    const colour = `rgb(${Math.round(random() * 255)},${Math.round(random() * 255)},${Math.round(random() * 255)})`;
    parts.push(
      `<circle cx="${Math.round(random() * width)}" cy="${Math.round(random() * height * 0.6)}" r="${r}" fill="${colour}" fill-opacity="0.7"/>`,
    );
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg>`,
  );
}

/**
 * A photo-like JPEG: a sky-to-ground gradient, four octaves of colour detail, a skyline of hard
 * edges and fine grain.
 *
 * @example
 * const jpeg = await syntheticPhoto({ width: 3000, height: 2000 });
 */
export async function syntheticPhoto(options: SyntheticPhotoOptions): Promise<Buffer> {
  const { width, height } = options;
  const random = seededRandom(options.seed ?? 1);
  const octaves = [
    { cell: 400, weight: 0.35 },
    { cell: 90, weight: 0.25 },
    { cell: 16, weight: 0.2 },
    { cell: 3, weight: 0.12 },
  ];
  const layers = await Promise.all(octaves.map((o) => octave(width, height, o.cell, random)));
  const pixels = Buffer.alloc(width * height * 3);
  const grain = seededRandom((options.seed ?? 1) + 7);
  for (let y = 0; y < height; y += 1) {
    const sky = y / height;
    const base = [150 - 60 * sky, 170 - 50 * sky, 210 - 120 * sky] as const;
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      const noise = (grain() - 0.5) * 18;
      for (let c = 0; c < 3; c += 1) {
        let detail = 0;
        for (let o = 0; o < octaves.length; o += 1) {
          // Mostly light and shade, a little colour: photographs' detail is mostly luminance.
          const layer = layers[o];
          const luminance = (layer?.[i] ?? 128) - 128;
          const chroma = (layer?.[i + c] ?? 128) - (layer?.[i] ?? 128);
          detail += (luminance + 0.3 * chroma) * (octaves[o]?.weight ?? 0);
        }
        pixels[i + c] = Math.max(0, Math.min(255, Math.round((base[c] ?? 128) + detail + noise)));
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .composite([{ input: shapesSvg(width, height, random) }])
    .jpeg({ quality: options.quality ?? 90 })
    .toBuffer();
}
