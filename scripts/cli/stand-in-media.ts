/**
 * Paints Broadsheet's own stand-in photographs for the seed article.
 *
 * The seed article is a wire story, and wire copy ships without media, yet its front matter
 * needs an `image` and a `video.thumbnail` so the article layout, the responsive-image pipeline
 * and the social cards have real pictures to work on. Borrowing a news photograph we hold no
 * licence for is not an option, so this script makes originals: scenes built from SVG shapes lit
 * with gradients, then defocused, bloomed, graded, vignetted and grained so that at a glance they
 * read as soft-focus photographs rather than clip art. They contain no text.
 *
 * The output is byte-identical on every run (seeded pseudo-random numbers, no clock, no
 * `Math.random`), so regenerating never shows up as a spurious diff. To use licensed originals
 * instead, drop files with the same names (`photo.jpg`, `video-thumbnail.jpg`) into the article
 * folder, or point the article's `image.src` / `video.thumbnail` at other files.
 *
 * Usage: `node --import tsx scripts/cli/stand-in-media.ts [output-folder]`
 * (the folder defaults to the seed article's own folder).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import sharp from "sharp";
import { seededRandom } from "../media/synthetic.ts";

/** Where the seed article lives; its front matter names `photo.jpg` and `video-thumbnail.jpg`. */
const SEED_ARTICLE_DIR = fileURLToPath(
  new URL(
    "../../content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/",
    import.meta.url,
  ),
);

/** Size of a picture in pixels. */
interface Frame {
  readonly width: number;
  readonly height: number;
}

/** Packed 8-bit RGB pixels, row by row, with the frame they fill. */
interface Picture {
  readonly frame: Frame;
  readonly rgb: Buffer;
}

/** A point in pixels. */
interface Point {
  readonly x: number;
  readonly y: number;
}

/** Encoder settings shared by both pictures: small progressive files that look like camera JPEGs. */
const JPEG_OPTIONS = {
  quality: 82,
  mozjpeg: true,
  progressive: true,
  chromaSubsampling: "4:2:0",
} as const;

// ---------------------------------------------------------------------------------------------
// Randomness and noise: everything random comes from fixed seeds so the output never changes.
// ---------------------------------------------------------------------------------------------

/** Smooth 2-D value noise in [0, 1), built from a seeded lattice so textures are repeatable. */
function makeValueNoise(random: () => number): (x: number, y: number) => number {
  const size = 256;
  const lattice = new Float32Array(size * size);
  for (let i = 0; i < lattice.length; i++) lattice[i] = random();
  return (x, y) => {
    const xi = Math.floor(x);
    const yi = Math.floor(y);
    const fx = x - xi;
    const fy = y - yi;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const x0 = xi & 255;
    const x1 = (xi + 1) & 255;
    const y0 = (yi & 255) * size;
    const y1 = ((yi + 1) & 255) * size;
    const top = lerp(lattice[y0 + x0] ?? 0, lattice[y0 + x1] ?? 0, sx);
    const bottom = lerp(lattice[y1 + x0] ?? 0, lattice[y1 + x1] ?? 0, sx);
    return lerp(top, bottom, sy);
  };
}

/** Three octaves of value noise: enough irregularity for wood figure without costing much time. */
function fractalNoise(noise: (x: number, y: number) => number, x: number, y: number): number {
  return (
    noise(x, y) * 0.57 +
    noise(x * 2.03 + 17.1, y * 2.03 + 5.3) * 0.29 +
    noise(x * 4.1, y * 4.1) * 0.14
  );
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}

function smoothstep(edge0: number, edge1: number, value: number): number {
  const t = clamp01((value - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
}

// ---------------------------------------------------------------------------------------------
// SVG helpers: numbers are rounded so the markup (and so the render) is stable and compact.
// ---------------------------------------------------------------------------------------------

function n(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function rgb(r: number, g: number, b: number): string {
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

function points(corners: readonly Point[]): string {
  return corners.map((p) => `${n(p.x)},${n(p.y)}`).join(" ");
}

function svgDocument(frame: Frame, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">${body}</svg>`;
}

/** A gradient stop; `opacity` defaults to fully opaque. */
function stop(offset: number, color: string, opacity = 1): string {
  return `<stop offset="${n(offset * 100)}%" stop-color="${color}" stop-opacity="${n(opacity)}"/>`;
}

/** A Gaussian-blur filter definition; soft edges are what stop shapes looking drawn. */
function blurFilter(id: string, deviation: number): string {
  return `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${n(deviation)}"/></filter>`;
}

/**
 * Many soft light and dark bands across a width: the folds of a curtain, a drape or a flag.
 * Returned as gradient stops so one rectangle can carry all of them.
 */
function foldStops(random: () => number, count: number, strength: number): string {
  const stops: string[] = [];
  for (let i = 0; i <= count; i++) {
    const offset = (i + (random() - 0.5) * 0.6) / count;
    const light = random() > 0.5;
    stops.push(
      stop(clamp01(offset), light ? "#ffffff" : "#000000", strength * (0.3 + 0.7 * random())),
    );
  }
  return stops.join("");
}

// ---------------------------------------------------------------------------------------------
// Pixel operations on raw RGB buffers. Plain loops keep every step exact and repeatable.
// ---------------------------------------------------------------------------------------------

/** sharp's description of a packed RGB buffer of the given size. */
function rawRgb(frame: Frame) {
  return { raw: { width: frame.width, height: frame.height, channels: 3 } } as const;
}

/** Renders SVG markup to opaque RGB pixels. */
async function renderSvg(svg: string, frame: Frame): Promise<Picture> {
  const rgb = await sharp(Buffer.from(svg))
    .flatten({ background: "#000000" })
    .removeAlpha()
    .raw()
    .toBuffer();
  return { frame, rgb };
}

/** Renders greyscale SVG markup to one 8-bit channel (a mask or a map). */
async function renderMap(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg))
    .flatten({ background: "#000000" })
    .extractChannel(0)
    .raw()
    .toBuffer();
}

async function blur(picture: Picture, sigma: number): Promise<Picture> {
  const rgb = await sharp(picture.rgb, rawRgb(picture.frame)).blur(sigma).raw().toBuffer();
  return { frame: picture.frame, rgb };
}

/** Multiplies a scene's surface colours by a light map: how a lamp "paints" what it falls on. */
function applyLight(albedo: Picture, light: Picture): Picture {
  const out = Buffer.alloc(albedo.rgb.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.round(((albedo.rgb[i] ?? 0) * (light.rgb[i] ?? 0)) / 255);
  }
  return { frame: albedo.frame, rgb: out };
}

/** Screen blend: adds light without ever clipping, as glows and reflections do on film. */
function screen(base: Picture, glow: Picture, strength = 1): Picture {
  const out = Buffer.alloc(base.rgb.length);
  for (let i = 0; i < out.length; i++) {
    const a = base.rgb[i] ?? 0;
    const b = ((glow.rgb[i] ?? 0) * strength) / 255;
    out[i] = Math.round(255 - (255 - a) * (1 - b));
  }
  return { frame: base.frame, rgb: out };
}

/**
 * Fakes a lens's depth of field. `focusMap` holds, per pixel, how far out of focus it is
 * (0 = on the focal plane, 255 = furthest); the picture is blurred at a few strengths and each
 * pixel is interpolated between the two nearest, which reads as a continuous falloff.
 */
async function depthOfField(
  picture: Picture,
  focusMap: Buffer,
  sigmas: readonly number[],
): Promise<Picture> {
  const levels = await Promise.all(sigmas.map((sigma) => blur(picture, sigma)));
  const last = levels.length - 1;
  const out = Buffer.alloc(picture.rgb.length);
  for (let p = 0; p < focusMap.length; p++) {
    const t = ((focusMap[p] ?? 0) / 255) * last;
    const index = Math.min(Math.floor(t), last - 1);
    const weight = t - index;
    const near = levels[index]?.rgb;
    const far = levels[index + 1]?.rgb;
    if (!near || !far) continue;
    for (let c = 0; c < 3; c++) {
      const i = p * 3 + c;
      out[i] = Math.round(lerp(near[i] ?? 0, far[i] ?? 0, weight));
    }
  }
  return { frame: picture.frame, rgb: out };
}

/** Bright areas bleed a soft halo into their surroundings, as they do through real glass. */
async function bloom(
  picture: Picture,
  threshold: number,
  sigma: number,
  strength: number,
): Promise<Picture> {
  const bright = Buffer.alloc(picture.rgb.length);
  for (let i = 0; i < bright.length; i++) {
    const v = picture.rgb[i] ?? 0;
    bright[i] = v > threshold ? Math.round(((v - threshold) / (255 - threshold)) * 255) : 0;
  }
  const halo = await blur({ frame: picture.frame, rgb: bright }, sigma);
  return screen(picture, halo, strength);
}

/** Colour grade applied per channel as a lookup table. */
interface Grade {
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

function colourGrade(picture: Picture, grade: Grade): Picture {
  const tables = [gradeTable(grade, 0), gradeTable(grade, 1), gradeTable(grade, 2)];
  const out = Buffer.alloc(picture.rgb.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = tables[i % 3]?.[picture.rgb[i] ?? 0] ?? 0;
  }
  return { frame: picture.frame, rgb: out };
}

/** Darkens the corners the way a real lens does, drawing the eye to the middle. */
function vignette(picture: Picture, strength: number): Picture {
  const { width, height } = picture.frame;
  const out = Buffer.alloc(picture.rgb.length);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const ny = (y + 0.5 - cy) / cy;
    for (let x = 0; x < width; x++) {
      const nx = (x + 0.5 - cx) / cx;
      const falloff = 1 - strength * smoothstep(0.45, 1.45, Math.hypot(nx, ny));
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        out[i + c] = Math.round((picture.rgb[i + c] ?? 0) * falloff);
      }
    }
  }
  return { frame: picture.frame, rgb: out };
}

/**
 * Monochrome film grain around mid-grey (neutral under an overlay blend). It is drawn at a
 * lower resolution and enlarged so the grains clump like silver does; softer grain also costs
 * the JPEG fewer bytes.
 */
async function filmGrain(
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
async function encodeWithGrain(picture: Picture, grain: Buffer): Promise<Buffer> {
  return sharp(picture.rgb, rawRgb(picture.frame))
    .composite([{ input: grain, ...rawRgb(picture.frame), blend: "overlay" }])
    .removeAlpha()
    .withIccProfile("srgb")
    .jpeg(JPEG_OPTIONS)
    .toBuffer();
}

/** Where and how large out-of-focus points of light should be. */
interface BokehField {
  readonly count: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly minRadius: number;
  readonly maxRadius: number;
  /** Share of discs that are warm (tungsten) rather than cool (daylight, LED). */
  readonly warmShare: number;
}

/**
 * Out-of-focus points of light: soft, even discs with a slightly brighter rim, the shape a lens
 * aperture gives them. They are screened on after the blur, which is when a lens forms them.
 */
function bokehSvg(frame: Frame, field: BokehField, random: () => number): string {
  const discs: string[] = [];
  for (let i = 0; i < field.count; i++) {
    const x = field.left + random() * field.width;
    const y = field.top + random() * field.height;
    const r = lerp(field.minRadius, field.maxRadius, random());
    const fill = random() < field.warmShare ? "url(#warm)" : "url(#cool)";
    discs.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" fill-opacity="${n(0.25 + random() * 0.4)}"/>`,
    );
  }
  const disc = (id: string, colour: string) =>
    `<radialGradient id="${id}">${stop(0, colour, 0.8)}${stop(0.86, colour, 0.88)}${stop(0.95, colour, 1)}${stop(1, colour, 0)}</radialGradient>`;
  return svgDocument(
    frame,
    `<defs>${disc("warm", "#ffdcae")}${disc("cool", "#a9c3ff")}${blurFilter("edge", frame.width / 900)}</defs>
    <rect width="${frame.width}" height="${frame.height}" fill="#000"/>
    <g filter="url(#edge)">${discs.join("")}</g>`,
  );
}

// ---------------------------------------------------------------------------------------------
// The desk photograph: a letter in lamplight on a dark wooden desk, a window at dusk behind.
// ---------------------------------------------------------------------------------------------

const DESK_FRAME: Frame = { width: 3000, height: 2000 };

/**
 * A pinhole camera a little above the desk top, looking across it at the window. Distances
 * are in metres; `depth` runs away from the camera. Projecting real sizes keeps the letter,
 * pen and mug in believable proportion and perspective.
 */
const DESK_CAMERA = { centreX: 1500, horizonY: 300, focal: 2600, eyeHeight: 0.3 } as const;

/** Depth of the desk's back edge and of the letter (the focal plane), in metres. */
const DESK_BACK_DEPTH = 1.3;
const FOCUS_DEPTH = 0.78;

/** Screen row of the desk's back edge against the wall. */
const DESK_TOP_Y = Math.round(
  DESK_CAMERA.horizonY + (DESK_CAMERA.focal * DESK_CAMERA.eyeHeight) / DESK_BACK_DEPTH,
);

/** Projects a point on (or `lift` metres above) the desk top to the screen. */
function projectDesk(across: number, depth: number, lift = 0): Point {
  return {
    x: DESK_CAMERA.centreX + (DESK_CAMERA.focal * across) / depth,
    y: DESK_CAMERA.horizonY + (DESK_CAMERA.focal * (DESK_CAMERA.eyeHeight - lift)) / depth,
  };
}

/** A flat sheet lying on the desk: its centre, size and turn, all in metres and radians. */
interface Sheet {
  readonly across: number;
  readonly depth: number;
  readonly width: number;
  readonly length: number;
  readonly turn: number;
}

/**
 * Maps a point on a sheet, `u` across its width and `v` down its length (both 0..1, `v = 0` at
 * the far edge), to the screen.
 */
function sheetPoint(sheet: Sheet, u: number, v: number): Point {
  const localX = (u - 0.5) * sheet.width;
  const localZ = (0.5 - v) * sheet.length;
  const cos = Math.cos(sheet.turn);
  const sin = Math.sin(sheet.turn);
  return projectDesk(
    sheet.across + localX * cos - localZ * sin,
    sheet.depth + localX * sin + localZ * cos,
  );
}

function sheetQuad(sheet: Sheet, u0: number, v0: number, u1: number, v1: number): string {
  return points([
    sheetPoint(sheet, u0, v0),
    sheetPoint(sheet, u1, v0),
    sheetPoint(sheet, u1, v1),
    sheetPoint(sheet, u0, v1),
  ]);
}

const LETTER: Sheet = {
  across: -0.07,
  depth: FOCUS_DEPTH,
  width: 0.21,
  length: 0.297,
  turn: -0.16,
};
const ENVELOPE: Sheet = { across: -0.3, depth: 0.96, width: 0.23, length: 0.12, turn: 0.2 };

/** The window opening, in pixels. */
const WINDOW = { left: 520, right: 2260, top: -60, bottom: 790 } as const;

/** The lamp: base on the desk at the right, shade glowing at the top-right corner. */
const LAMP = { across: 0.5, depth: 1.1 } as const;

/** A foreground mug at the bottom left, well in front of the focal plane. */
const MUG = { across: -0.255, depth: 0.52, radius: 0.045, height: 0.1 } as const;

/**
 * Procedural walnut for the desk top, in perspective: the grain follows lines of constant
 * depth, wandering with fractal noise, plus fine fibres, so it foreshortens like a real board.
 */
function paintWalnut(frame: Frame, top: number, seed: number): Buffer {
  const noise = makeValueNoise(seededRandom(seed));
  const rows = frame.height - top;
  const out = Buffer.alloc(frame.width * rows * 3);
  const dark = [28, 16, 10] as const;
  const light = [138, 90, 56] as const;
  const distance = DESK_CAMERA.focal * DESK_CAMERA.eyeHeight;
  for (let row = 0; row < rows; row++) {
    const depth = distance / (top + row + 0.5 - DESK_CAMERA.horizonY);
    for (let x = 0; x < frame.width; x++) {
      const across = ((x + 0.5 - DESK_CAMERA.centreX) * depth) / DESK_CAMERA.focal;
      // Streaks of irregular width (noise, not a sine) that meander slowly across the board.
      const streak = depth * 24 + fractalNoise(noise, across * 0.9, depth * 3.5) * 3.2;
      const figure = noise(streak, 7.5) ** 2;
      const fibre = noise(across * 4 + 40, depth * 520);
      const patch = fractalNoise(noise, across * 1.1 + 90, depth * 1.8 + 30);
      const tone = clamp01(0.02 + figure * 0.5 + fibre * 0.22 + patch * 0.3);
      const i = (row * frame.width + x) * 3;
      out[i] = Math.round(lerp(dark[0], light[0], tone));
      out[i + 1] = Math.round(lerp(dark[1], light[1], tone));
      out[i + 2] = Math.round(lerp(dark[2], light[2], tone));
    }
  }
  return out;
}

/** Outside the window at dusk: a fading sky above dark trees. */
function dusk(random: () => number): string {
  const trees: string[] = [];
  for (let i = 0; i < 70; i++) {
    const x = WINDOW.left + random() * (WINDOW.right - WINDOW.left);
    const y = 330 + random() * 520;
    const shade = 28 + random() * 26;
    trees.push(
      `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(60 + random() * 170)}" ry="${n(50 + random() * 130)}" fill="${rgb(shade, shade + 8, shade + 12)}"/>`,
    );
  }
  return `
    <rect x="${WINDOW.left}" y="${WINDOW.top}" width="${WINDOW.right - WINDOW.left}" height="${WINDOW.bottom - WINDOW.top}" fill="url(#sky)"/>
    <g filter="url(#soft)">${trees.join("")}</g>`;
}

/** The window's painted frame: outer casing, two mullions and a transom. */
function windowFrame(): string {
  const colour = "#cbc3b6";
  const { left, right, top, bottom } = WINDOW;
  const third = (right - left) / 3;
  const bars = [
    `<rect x="${left - 30}" y="${top}" width="60" height="${bottom - top}"/>`,
    `<rect x="${right - 30}" y="${top}" width="60" height="${bottom - top}"/>`,
    `<rect x="${n(left + third - 18)}" y="${top}" width="36" height="${bottom - top}"/>`,
    `<rect x="${n(left + 2 * third - 18)}" y="${top}" width="36" height="${bottom - top}"/>`,
    `<rect x="${left}" y="330" width="${right - left}" height="32"/>`,
    `<rect x="${left - 60}" y="${bottom - 10}" width="${right - left + 120}" height="52" fill="#ddd5c8"/>`,
  ];
  return `<g fill="${colour}">${bars.join("")}</g>`;
}

/** The outline of the curtain hanging across the left of the window, down to the desk. */
const CURTAIN_OUTLINE = `M330,-60 L790,-60 C770,300 820,600 760,${DESK_TOP_Y} L300,${DESK_TOP_Y} C330,600 300,300 330,-60 Z`;

/** A sheer curtain drawn across the left of the window, its folds lit from behind. */
function curtain(random: () => number): string {
  return `
    <linearGradient id="curtainFolds" x1="0" y1="0" x2="1" y2="0">${foldStops(random, 14, 0.35)}</linearGradient>
    <path d="${CURTAIN_OUTLINE}" fill="#e7dccb" fill-opacity="0.92"/>
    <path d="${CURTAIN_OUTLINE}" fill="url(#curtainFolds)"/>`;
}

/** Wall, window, view and curtain: everything behind the desk top. */
function deskBackdropSvg(random: () => number): string {
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        ${stop(0, "#5d7396")}${stop(0.45, "#9aa6bb")}${stop(0.8, "#d9b99a")}${stop(1, "#e6c3a0")}
      </linearGradient>
      <linearGradient id="wall" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#6f665e")}${stop(0.5, "#857a6f")}${stop(1, "#6a6058")}
      </linearGradient>
      ${blurFilter("soft", 22)}
    </defs>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="url(#wall)"/>
    ${dusk(random)}
    ${windowFrame()}
    ${curtain(random)}`,
  );
}

/** The letter: three panels left by its folds, each catching the lamp a little differently. */
function letter(random: () => number): string {
  const panelTones = ["#f7f1e6", "#ebe4d7", "#f4eee2"];
  const panels = panelTones
    .map(
      (tone, i) =>
        `<polygon points="${sheetQuad(LETTER, 0, i / 3, 1, (i + 1) / 3)}" fill="${tone}"/>`,
    )
    .join("");
  const creases = [1 / 3, 2 / 3]
    .map(
      (v) =>
        `<polygon points="${sheetQuad(LETTER, 0, v - 0.004, 1, v)}" fill="#bfb6a6" fill-opacity="0.7"/>` +
        `<polygon points="${sheetQuad(LETTER, 0, v, 1, v + 0.004)}" fill="#ffffff" fill-opacity="0.8"/>`,
    )
    .join("");
  return `<g>${panels}${creases}${writing(random)}</g>`;
}

/**
 * Faint broken strokes where lines of typing would be: they suggest a letter without being
 * legible (the pictures carry no text), and the lens softens them further.
 */
function writing(random: () => number): string {
  const strokes: string[] = [];
  const lineCount = 24;
  for (let line = 0; line < lineCount; line++) {
    const v = 0.14 + (line / lineCount) * 0.7 + (line > 2 ? 0.03 : 0);
    if (line === 3 || line === 11 || line === 19) continue; // paragraph breaks
    let u = line === 0 || line === 4 ? 0.14 : 0.1;
    const end = line === 2 || line === 10 || line === 18 ? 0.35 + random() * 0.3 : 0.88;
    while (u < end) {
      const word = 0.02 + random() * 0.06;
      const stopAt = Math.min(u + word, end);
      strokes.push(`<polygon points="${sheetQuad(LETTER, u, v, stopAt, v + 0.007)}"/>`);
      u = stopAt + 0.008;
    }
  }
  return `<g fill="#3b3648" fill-opacity="0.27" filter="url(#ink)">${strokes.join("")}</g>`;
}

/** The envelope the letter came in, lying face down further back. */
function envelope(): string {
  const body = sheetQuad(ENVELOPE, 0, 0, 1, 1);
  const flap = points([
    sheetPoint(ENVELOPE, 0, 0),
    sheetPoint(ENVELOPE, 0.5, 0.62),
    sheetPoint(ENVELOPE, 1, 0),
  ]);
  return `<polygon points="${body}" fill="#e4dccb"/>
    <polygon points="${flap}" fill="#d6cdbb"/>
    <polyline points="${flap}" fill="none" stroke="#b9af9c" stroke-width="3"/>`;
}

/** A fountain pen lying beside the letter, with the soft shadow the lamp gives it. */
function pen(): string {
  const start = projectDesk(0.13, 0.69, 0.006);
  const end = projectDesk(0.24, 0.86, 0.006);
  const bandStart = projectDesk(0.2, 0.8, 0.006);
  const bandEnd = projectDesk(0.204, 0.806, 0.006);
  const shadowStart = projectDesk(0.118, 0.678);
  const shadowEnd = projectDesk(0.228, 0.848);
  const line = (a: Point, b: Point) =>
    `x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}"`;
  return `<line ${line(shadowStart, shadowEnd)} stroke="#000" stroke-opacity="0.55" stroke-width="40" stroke-linecap="round" filter="url(#shadow)"/>
    <line ${line(start, end)} stroke="#15161b" stroke-width="34" stroke-linecap="round"/>
    <line ${line(start, end)} stroke="#6d7180" stroke-width="6" stroke-linecap="round" transform="translate(4,-9)"/>
    <line ${line(bandStart, bandEnd)} stroke="#b8914f" stroke-width="35"/>`;
}

/** Where the lamp shade's lower rim meets the picture: 0.32 m above the desk top. */
function lampShadeRim(): Point {
  return projectDesk(LAMP.across, LAMP.depth, 0.32);
}

/** The lamp shade: a cone of cloth running out of the top of the frame. */
function lampShadeOutline(drop = 0): string {
  const rim = lampShadeRim();
  return `M${n(rim.x - 380)},${n(rim.y + drop)} L${n(rim.x + 380)},${n(rim.y + drop)} L${n(rim.x + 250)},-200 L${n(rim.x - 250)},-200 Z`;
}

/** The brass desk lamp at the right; only its base, stem and the rim of its shade show. */
function lamp(): string {
  const base = projectDesk(LAMP.across, LAMP.depth);
  const shade = lampShadeRim();
  return `<ellipse cx="${n(base.x + 40)}" cy="${n(base.y + 14)}" rx="190" ry="46" fill="#000" fill-opacity="0.6" filter="url(#shadow)"/>
    <ellipse cx="${n(base.x)}" cy="${n(base.y)}" rx="160" ry="40" fill="url(#brass)"/>
    <path d="M${n(base.x - 160)},${n(base.y)} C${n(base.x - 150)},${n(base.y - 70)} ${n(base.x + 150)},${n(base.y - 70)} ${n(base.x + 160)},${n(base.y)} Z" fill="url(#brass)"/>
    <rect x="${n(base.x - 14)}" y="${n(shade.y)}" width="28" height="${n(base.y - shade.y - 50)}" fill="url(#brass)"/>
    <path d="${lampShadeOutline()}" fill="url(#shadeCloth)"/>
    <ellipse cx="${n(shade.x)}" cy="${n(shade.y)}" rx="380" ry="22" fill="#fff6df"/>`;
}

/** A mug in the near foreground, so the eye reads depth in front of the letter too. */
function mug(): string {
  const bottom = projectDesk(MUG.across, MUG.depth);
  const top = projectDesk(MUG.across, MUG.depth, MUG.height);
  const rx = (DESK_CAMERA.focal * MUG.radius) / MUG.depth;
  const ryTop = rx * ((DESK_CAMERA.eyeHeight - MUG.height) / MUG.depth);
  const ryBottom = rx * (DESK_CAMERA.eyeHeight / MUG.depth);
  return `<ellipse cx="${n(bottom.x - 60)}" cy="${n(bottom.y + 30)}" rx="${n(rx * 1.3)}" ry="${n(ryBottom * 1.2)}" fill="#000" fill-opacity="0.55" filter="url(#shadow)"/>
    <path d="M${n(top.x - rx)},${n(top.y)} L${n(bottom.x - rx)},${n(bottom.y)} A${n(rx)},${n(ryBottom)} 0 0 0 ${n(bottom.x + rx)},${n(bottom.y)} L${n(top.x + rx)},${n(top.y)} Z" fill="url(#mugBody)"/>
    <ellipse cx="${n(top.x)}" cy="${n(top.y)}" rx="${n(rx)}" ry="${n(ryTop)}" fill="#6b7a8e"/>
    <rect x="${n(top.x + rx * 0.62)}" y="${n(top.y + 20)}" width="${n(rx * 0.14)}" height="${n(bottom.y - top.y - 40)}" fill="#f2c58c" fill-opacity="0.55"/>
    <ellipse cx="${n(top.x)}" cy="${n(top.y + 4)}" rx="${n(rx * 0.9)}" ry="${n(ryTop * 0.82)}" fill="#2b1a10"/>`;
}

/** Everything standing or lying on the desk, over a transparent background. */
function deskObjectsSvg(random: () => number): string {
  const shadowOffset = (sheet: Sheet): Sheet => ({
    ...sheet,
    across: sheet.across - 0.006,
    depth: sheet.depth - 0.008,
  });
  return svgDocument(
    DESK_FRAME,
    `<defs>
      ${blurFilter("shadow", 14)}
      ${blurFilter("ink", 1.4)}
      <linearGradient id="brass" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#4a3516")}${stop(0.35, "#b08a45")}${stop(0.55, "#e3c27a")}${stop(1, "#5a4119")}
      </linearGradient>
      <linearGradient id="shadeCloth" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#cdb48c")}${stop(0.5, "#f3e2c2")}${stop(1, "#c4a97f")}
      </linearGradient>
      <linearGradient id="mugBody" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#1c2530")}${stop(0.35, "#3d4c5e")}${stop(0.7, "#2a3644")}${stop(0.88, "#8d8a86")}${stop(1, "#222a35")}
      </linearGradient>
    </defs>
    <polygon points="${sheetQuad(shadowOffset(ENVELOPE), 0, 0, 1, 1)}" fill="#000" fill-opacity="0.5" filter="url(#shadow)"/>
    ${envelope()}
    <polygon points="${sheetQuad(shadowOffset(LETTER), 0, 0, 1, 1)}" fill="#000" fill-opacity="0.55" filter="url(#shadow)"/>
    ${letter(random)}
    ${pen()}
    ${lamp()}
    ${mug()}`,
  );
}

/**
 * How much light reaches each pixel: dim, cool room light; cool window light along the back of
 * the desk; a warm pool under the lamp centred on the letter. The window, curtain and shade
 * glow by themselves, so they are left at full value.
 */
function deskLightSvg(): string {
  const pool = projectDesk(0.02, 0.82);
  const shade = lampShadeRim();
  const { left, right, top, bottom } = WINDOW;
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="windowSpill" x1="0" y1="${DESK_TOP_Y}" x2="0" y2="${DESK_FRAME.height}" gradientUnits="userSpaceOnUse">
        ${stop(0, "#a9b3c8", 0.9)}${stop(0.35, "#a9b3c8", 0.25)}${stop(1, "#a9b3c8", 0)}
      </linearGradient>
      <radialGradient id="pool" cx="${n(pool.x)}" cy="${n(pool.y)}" r="1350" gradientTransform="translate(${n(pool.x)},${n(pool.y)}) scale(1,0.55) translate(${n(-pool.x)},${n(-pool.y)})" gradientUnits="userSpaceOnUse">
        ${stop(0, "#fff0d8")}${stop(0.3, "#ffe1b8", 0.9)}${stop(0.65, "#e9a967", 0.4)}${stop(1, "#d08a4a", 0)}
      </radialGradient>
      <radialGradient id="wallGlow" cx="${n(shade.x)}" cy="${n(shade.y)}" r="900" gradientUnits="userSpaceOnUse">
        ${stop(0, "#ffd9a8", 0.8)}${stop(1, "#ffd9a8", 0)}
      </radialGradient>
      ${blurFilter("edge", 30)}
    </defs>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="#5f6170"/>
    <rect y="${DESK_TOP_Y}" width="${DESK_FRAME.width}" height="${DESK_FRAME.height - DESK_TOP_Y}" fill="url(#windowSpill)"/>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="url(#pool)"/>
    <rect width="${DESK_FRAME.width}" height="${DESK_TOP_Y}" fill="url(#wallGlow)"/>
    <g filter="url(#edge)">
      <rect x="${left - 30}" y="${top}" width="${right - left + 60}" height="${bottom - top + 40}" fill="#b4b4bc"/>
      <path d="${CURTAIN_OUTLINE}" fill="#cfd0d6"/>
    </g>
    <rect x="${left + 30}" y="${top}" width="${right - left - 60}" height="${bottom - top - 10}" fill="#ffffff"/>
    <path d="${lampShadeOutline(24)}" fill="#ffffff"/>`,
  );
}

/**
 * Light added on top: the window's reflection in the polished desk, the glow under the lamp
 * shade and a warm sheen on the paper.
 */
function deskGlowSvg(): string {
  const shade = lampShadeRim();
  const paper = sheetPoint(LETTER, 0.55, 0.35);
  const { left, right } = WINDOW;
  const third = (right - left) / 3;
  const reflections = [0, 1, 2]
    .map(
      (i) =>
        `<rect x="${n(left + i * third + 40)}" y="${DESK_TOP_Y + 6}" width="${n(third - 80)}" height="260" fill="url(#reflection)"/>`,
    )
    .join("");
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="reflection" x1="0" y1="0" x2="0" y2="1">
        ${stop(0, "#7c8aa4", 0.75)}${stop(1, "#7c8aa4", 0)}
      </linearGradient>
      <radialGradient id="bulb">${stop(0, "#fff1cf")}${stop(0.4, "#ffc77d", 0.6)}${stop(1, "#ff9f45", 0)}</radialGradient>
      <radialGradient id="sheen">${stop(0, "#ffcf95", 0.4)}${stop(1, "#ffcf95", 0)}</radialGradient>
      ${blurFilter("glow", 26)}
    </defs>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="#000"/>
    <g filter="url(#glow)">${reflections}</g>
    <ellipse cx="${n(shade.x)}" cy="${n(shade.y + 10)}" rx="520" ry="170" fill="url(#bulb)"/>
    <ellipse cx="${n(paper.x)}" cy="${n(paper.y)}" rx="520" ry="260" fill="url(#sheen)"/>`,
  );
}

/**
 * The focus map: 0 on the letter's plane, rising with distance from it in dioptres (which is
 * what blur really tracks). On the desk that is linear in screen row, so one gradient does it.
 */
function deskFocusSvg(): string {
  const blurAt = (depth: number) =>
    Math.round(255 * clamp01(Math.abs(1 / depth - 1 / FOCUS_DEPTH) / 1.3));
  const grey = (depth: number) => rgb(blurAt(depth), blurAt(depth), blurAt(depth));
  const focusY = projectDesk(0, FOCUS_DEPTH).y;
  const bottomDepth =
    (DESK_CAMERA.focal * DESK_CAMERA.eyeHeight) / (DESK_FRAME.height - DESK_CAMERA.horizonY);
  const focusAt = (focusY - DESK_TOP_Y) / (DESK_FRAME.height - DESK_TOP_Y);
  const shade = lampShadeRim();
  const base = projectDesk(LAMP.across, LAMP.depth);
  const mugTop = projectDesk(MUG.across, MUG.depth, MUG.height);
  const mugX = projectDesk(MUG.across, MUG.depth).x;
  const mugRx = (DESK_CAMERA.focal * MUG.radius) / MUG.depth;
  const { left, right, top, bottom } = WINDOW;
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="deskDepth" x1="0" y1="${DESK_TOP_Y}" x2="0" y2="${DESK_FRAME.height}" gradientUnits="userSpaceOnUse">
        ${stop(0, grey(DESK_BACK_DEPTH))}${stop(focusAt, grey(FOCUS_DEPTH))}${stop(1, grey(bottomDepth))}
      </linearGradient>
      ${blurFilter("soften", 8)}
    </defs>
    <g filter="url(#soften)">
      <rect width="${DESK_FRAME.width}" height="${DESK_TOP_Y}" fill="${grey(1.5)}"/>
      <rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="${grey(8)}"/>
      <rect y="${DESK_TOP_Y}" width="${DESK_FRAME.width}" height="${DESK_FRAME.height - DESK_TOP_Y}" fill="url(#deskDepth)"/>
      <path d="${CURTAIN_OUTLINE}" fill="${grey(1.4)}"/>
      <rect x="${n(shade.x - 400)}" y="-200" width="800" height="${n(base.y - shade.y + 260)}" fill="${grey(LAMP.depth)}"/>
      <rect x="${n(mugX - mugRx - 10)}" y="${n(mugTop.y - 60)}" width="${n(2 * mugRx + 20)}" height="${DESK_FRAME.height}" fill="${grey(MUG.depth)}"/>
    </g>`,
  );
}

/** The stand-in for the article's lead photograph (`photo.jpg`), 3000 x 2000. */
export async function makeDeskPhoto(): Promise<Buffer> {
  const random = seededRandom(0x1e77e2);
  const frame = DESK_FRAME;
  const wood = paintWalnut(frame, DESK_TOP_Y, 0xdec0de);
  const albedoRgb = await sharp(Buffer.from(deskBackdropSvg(random)))
    .composite([
      {
        input: wood,
        raw: { width: frame.width, height: frame.height - DESK_TOP_Y, channels: 3 },
        top: DESK_TOP_Y,
        left: 0,
      },
      { input: Buffer.from(deskObjectsSvg(random)) },
    ])
    .flatten({ background: "#000000" })
    .removeAlpha()
    .raw()
    .toBuffer();
  const [light, glow, focus] = await Promise.all([
    renderSvg(deskLightSvg(), frame),
    renderSvg(deskGlowSvg(), frame),
    renderMap(deskFocusSvg()),
  ]);
  const lit = screen(applyLight({ frame, rgb: albedoRgb }, light), glow, 0.9);
  const defocused = await depthOfField(lit, focus, [1.3, 11, 21, 31, 41]);
  // Street lights beyond the trees, which the lens turns into discs.
  const streetLights: BokehField = {
    count: 10,
    left: WINDOW.left + 60,
    top: 420,
    width: WINDOW.right - WINDOW.left - 120,
    height: 300,
    minRadius: 40,
    maxRadius: 85,
    warmShare: 0.7,
  };
  const bokeh = await renderSvg(bokehSvg(frame, streetLights, random), frame);
  const glowing = await bloom(screen(defocused, bokeh, 0.45), 170, 60, 0.55);
  const graded = colourGrade(glowing, {
    contrast: 0.25,
    lift: 0.035,
    shadowTint: [-0.01, 0.005, 0.03],
    highlightTint: [0.03, 0.01, -0.03],
  });
  const grain = await filmGrain(frame, 0x6a11, 15, 1.6);
  return encodeWithGrain(vignette(graded, 0.55), grain);
}

// ---------------------------------------------------------------------------------------------
// The video thumbnail: an empty briefing-room podium before a blue backdrop and flags.
// ---------------------------------------------------------------------------------------------

const BRIEFING_FRAME: Frame = { width: 1920, height: 1080 };

/** The podium's outline, in pixels: a slanted top and a slightly tapering front. */
const PODIUM = { left: 720, right: 1200, top: 600, lip: 648, footInset: 36 } as const;

/** The flag poles, in pixels from the left edge. */
const FLAG_POLES = [330, 1600] as const;

/**
 * Sideways sway of a hanging cloth at `offset` pixels from its pole: two incommensurate waves,
 * so the folds are irregular like real fabric rather than a neat zigzag.
 */
function drape(offset: number, phase: number): number {
  return Math.sin(offset / 23 + phase) * 9 + Math.sin(offset / 9.5 + phase * 2.3) * 4;
}

/** How steeply the cloth faces away at `offset`: the derivative of the sway, for shading. */
function drapeSlope(offset: number, phase: number): number {
  return (
    (Math.cos(offset / 23 + phase) * 9) / 23 + (Math.cos(offset / 9.5 + phase * 2.3) * 4) / 9.5
  );
}

/**
 * One band of cloth between two heights (measured down the flag), following the folds: its
 * edges sag with distance from the pole and wave with the drape.
 */
function clothBand(
  poleX: number,
  side: 1 | -1,
  width: number,
  from: number,
  to: number,
  phase: number,
): string {
  const edge = (down: number, reverse: boolean) => {
    const samples: Point[] = [];
    for (let step = 0; step <= width; step += 6) {
      const offset = reverse ? width - step : step;
      samples.push({
        x: poleX + side * offset,
        y: 150 + down + offset * 0.42 + drape(offset, phase),
      });
    }
    return samples;
  };
  return `<polygon points="${points([...edge(from, false), ...edge(to, true)])}"/>`;
}

/** Light and shade across the folds, computed from the same waves that bend the stripes. */
function drapeShading(id: string, poleX: number, side: 1 | -1, width: number, phase: number) {
  const stops: string[] = [];
  for (let offset = 0; offset <= width; offset += 4) {
    const slope = drapeSlope(offset, phase) * side;
    const colour = slope > 0 ? "#ffffff" : "#000000";
    stops.push(
      stop(offset / width, colour, Math.min(slope > 0 ? 0.1 : 0.5, Math.abs(slope) * 0.6)),
    );
  }
  const x2 = poleX + side * width;
  return `<linearGradient id="${id}" x1="${poleX}" y1="0" x2="${x2}" y2="0" gradientUnits="userSpaceOnUse">${stops.join("")}</linearGradient>`;
}

/**
 * A flag hanging from an indoor pole. `bands` lists the cloth's horizontal bands (height,
 * colour), top to bottom; `canton` optionally colours the corner by the pole.
 */
function hangingFlag(
  id: string,
  poleX: number,
  side: 1 | -1,
  bands: readonly (readonly [number, string])[],
  canton: { readonly width: number; readonly depth: number; readonly colour: string } | null,
): string {
  const width = 250;
  const phase = poleX / 97;
  let down = 0;
  const cloth = bands
    .map(([height, colour]) => {
      const band = `<g fill="${colour}">${clothBand(poleX, side, width, down, down + height, phase)}</g>`;
      down += height;
      return band;
    })
    .join("");
  const corner = canton
    ? `<g fill="${canton.colour}">${clothBand(poleX, side, canton.width, 0, canton.depth, phase)}</g>`
    : "";
  const shadeId = `${id}Shade`;
  return `<defs>${drapeShading(shadeId, poleX, side, width, phase)}</defs>
    ${cloth}${corner}
    <g fill="url(#${shadeId})">${clothBand(poleX, side, width, 0, down, phase)}</g>
    <rect x="${poleX - 7}" y="40" width="14" height="1040" fill="url(#pole)"/>
    <path d="M${poleX},0 L${poleX + 14},40 L${poleX},56 L${poleX - 14},40 Z" fill="#d8b56a"/>
    <ellipse cx="${poleX}" cy="58" rx="18" ry="10" fill="#b8914f"/>`;
}

/** Thirteen red and white stripes with a dark-blue canton. */
function stripedFlag(poleX: number): string {
  const stripes = Array.from(
    { length: 13 },
    (_, i) => [52, i % 2 === 0 ? "#a8222f" : "#e6e0d6"] as const,
  );
  return hangingFlag("stripes", poleX, 1, stripes, {
    width: 130,
    depth: 7 * 52,
    colour: "#22305e",
  });
}

/** A plain dark-blue flag with a pale round seal shape (no lettering), hanging to the left. */
function sealFlag(poleX: number): string {
  const flag = hangingFlag("seal", poleX, -1, [[680, "#1c2d61"]], null);
  return `${flag}<ellipse cx="${poleX - 120}" cy="${330 + 120 * 0.42}" rx="46" ry="54" fill="#b8a680" fill-opacity="0.45"/>`;
}

/** The blue backdrop: spotlit, draped fabric with a faint round emblem shape and a haze of light. */
function backdrop(random: () => number): string {
  return `<radialGradient id="spot" cx="960" cy="400" r="1100" gradientUnits="userSpaceOnUse" gradientTransform="translate(960,400) scale(1,0.7) translate(-960,-400)">
      ${stop(0, "#4673bd")}${stop(0.35, "#2a5298")}${stop(0.7, "#163469")}${stop(1, "#0a1839")}
    </radialGradient>
    <linearGradient id="drape" x1="0" y1="0" x2="1" y2="0">${foldStops(random, 26, 0.2)}</linearGradient>
    <rect width="${BRIEFING_FRAME.width}" height="${BRIEFING_FRAME.height}" fill="url(#spot)"/>
    <rect width="${BRIEFING_FRAME.width}" height="${BRIEFING_FRAME.height}" fill="url(#drape)"/>
    <circle cx="960" cy="320" r="200" fill="#88aee6" fill-opacity="0.16"/>
    <circle cx="960" cy="320" r="150" fill="#0c1d45" fill-opacity="0.14"/>
    <ellipse cx="1110" cy="780" rx="360" ry="320" fill="#000" fill-opacity="0.4" filter="url(#wide)"/>
    <polygon points="840,-40 1080,-40 1340,1080 580,1080" fill="#cfe0ff" fill-opacity="0.07" filter="url(#wide)"/>`;
}

/**
 * A flat panel of vertical-grain veneer as a PNG data URI, for SVG to clip into shape. Flat
 * gradients are what make furniture look drawn; real grain is what makes it look made.
 */
async function woodVeneer(width: number, height: number, seed: number): Promise<string> {
  const noise = makeValueNoise(seededRandom(seed));
  const dark = [46, 27, 15] as const;
  const light = [150, 100, 62] as const;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const streak = x * 0.045 + fractalNoise(noise, x * 0.006, y * 0.0025) * 3.5;
      const figure = noise(streak, 3.7) ** 2;
      const fibre = noise(x * 0.5 + 11, y * 0.012);
      const tone = clamp01(0.12 + figure * 0.5 + fibre * 0.25 + noise(x * 0.01, y * 0.004) * 0.2);
      const i = (y * width + x) * 3;
      pixels[i] = Math.round(lerp(dark[0], light[0], tone));
      pixels[i + 1] = Math.round(lerp(dark[1], light[1], tone));
      pixels[i + 2] = Math.round(lerp(dark[2], light[2], tone));
    }
  }
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** The wooden lectern, key-lit from the front left, with a round seal and two microphones. */
function podium(veneer: string): string {
  const { left, right, top, lip, footInset } = PODIUM;
  const bottom = BRIEFING_FRAME.height + 20;
  const centre = (left + right) / 2;
  const desk = points([
    { x: left + 26, y: top },
    { x: right - 26, y: top },
    { x: right + 4, y: lip },
    { x: left - 4, y: lip },
  ]);
  const front = points([
    { x: left, y: lip + 18 },
    { x: right, y: lip + 18 },
    { x: right - footInset, y: bottom },
    { x: left + footInset, y: bottom },
  ]);
  return `<linearGradient id="podiumKey" x1="0" y1="0" x2="1" y2="0">
      ${stop(0, "#000", 0.25)}${stop(0.28, "#000", 0)}${stop(0.7, "#000", 0.35)}${stop(1, "#000", 0.7)}
    </linearGradient>
    <clipPath id="podiumFront"><polygon points="${front}"/></clipPath>
    <linearGradient id="podiumFall" x1="0" y1="0" x2="0" y2="1">${stop(0, "#000", 0)}${stop(1, "#000", 0.55)}</linearGradient>
    <linearGradient id="podiumTop" x1="0" y1="0" x2="0" y2="1">${stop(0, "#1a0f06", 0.7)}${stop(1, "#ffe2bd", 0.12)}</linearGradient>
    <linearGradient id="gilt" x1="0" y1="0" x2="1" y2="1">${stop(0, "#d9bd7e")}${stop(0.5, "#8f7442")}${stop(1, "#5e4a28")}</linearGradient>
    ${blurFilter("seal", 0.9)}
    <radialGradient id="podiumSheen" cx="${left + 120}" cy="${lip + 60}" r="420" gradientUnits="userSpaceOnUse">${stop(0, "#ffe2bd", 0.22)}${stop(1, "#ffe2bd", 0)}</radialGradient>
    <clipPath id="podiumDesk"><polygon points="${desk}"/></clipPath>
    <image href="${veneer}" x="${left - 4}" y="${top}" width="${right - left + 8}" height="${lip - top}" preserveAspectRatio="none" clip-path="url(#podiumDesk)"/>
    <polygon points="${desk}" fill="url(#podiumTop)"/>
    <rect x="${left - 8}" y="${lip}" width="${right - left + 16}" height="18" fill="#7e5a39"/>
    <rect x="${left - 8}" y="${lip}" width="${right - left + 16}" height="4" fill="#b08760"/>
    <image href="${veneer}" x="${left}" y="${lip}" width="${right - left}" height="${bottom - lip}" preserveAspectRatio="none" clip-path="url(#podiumFront)"/>
    <polygon points="${front}" fill="url(#podiumKey)"/>
    <rect x="${left + 46}" y="${lip + 60}" width="${right - left - 92}" height="${bottom - lip}" fill="none" stroke="#24160c" stroke-opacity="0.55" stroke-width="9"/>
    <rect x="${left + 51}" y="${lip + 65}" width="${right - left - 102}" height="${bottom - lip}" fill="none" stroke="#c0936a" stroke-opacity="0.25" stroke-width="3"/>
    <polygon points="${front}" fill="url(#podiumFall)"/>
    <polygon points="${front}" fill="url(#podiumSheen)"/>
    <g filter="url(#seal)">
      <circle cx="${centre}" cy="820" r="72" fill="url(#gilt)"/>
      <circle cx="${centre}" cy="820" r="61" fill="#22386a"/>
      <circle cx="${centre}" cy="820" r="46" fill="none" stroke="#a88f5c" stroke-opacity="0.7" stroke-width="4"/>
      <ellipse cx="${centre - 3}" cy="815" rx="21" ry="25" fill="#bba57a" fill-opacity="0.6"/>
    </g>
    <path d="M${centre - 10},${top + 6} C${centre - 16},548 ${centre - 62},510 ${centre - 64},478" fill="none" stroke="#1b1c20" stroke-width="6"/>
    <path d="M${centre + 10},${top + 6} C${centre + 16},548 ${centre + 62},510 ${centre + 64},478" fill="none" stroke="#1b1c20" stroke-width="6"/>
    <ellipse cx="${centre - 68}" cy="462" rx="12" ry="23" fill="#0e0f12" transform="rotate(-20 ${centre - 68} 462)"/>
    <ellipse cx="${centre + 68}" cy="462" rx="12" ry="23" fill="#0e0f12" transform="rotate(20 ${centre + 68} 462)"/>`;
}

/** The backs of heads and shoulders in the front row, far out of focus. */
function audience(): string {
  const people = [
    [150, 930, 120],
    [470, 1010, 130],
    [1480, 980, 120],
    [1800, 930, 135],
  ] as const;
  return people
    .map(([x, y, r]) => {
      const shoulders = `M${x - r * 2.6},1140 C${x - r * 2.4},${y + r * 1.1} ${x - r * 1.2},${y + r * 0.9} ${x},${y + r * 0.9} C${x + r * 1.2},${y + r * 0.9} ${x + r * 2.4},${y + r * 1.1} ${x + r * 2.6},1140 Z`;
      return (
        `<path d="${shoulders}" fill="#080a10"/>` +
        `<ellipse cx="${x}" cy="${y}" rx="${r * 0.82}" ry="${r}" fill="#0b0d14"/>` +
        `<ellipse cx="${x - r * 0.2}" cy="${y - r * 0.72}" rx="${r * 0.5}" ry="${r * 0.2}" fill="#4c6fa6"/>`
      );
    })
    .join("");
}

function briefingSvg(random: () => number, veneer: string): string {
  const [leftPole, rightPole] = FLAG_POLES;
  return svgDocument(
    BRIEFING_FRAME,
    `<defs>
      ${blurFilter("wide", 60)}
      <linearGradient id="pole" x1="0" y1="0" x2="1" y2="0">${stop(0, "#5b4420")}${stop(0.5, "#d9b873")}${stop(1, "#4d3816")}</linearGradient>
    </defs>
    ${backdrop(random)}
    ${stripedFlag(leftPole)}
    ${sealFlag(rightPole)}
    ${podium(veneer)}
    ${audience()}`,
  );
}

/**
 * How far each part of the briefing room is from the focal plane (the podium): backdrop and
 * flags moderately soft, the front row very soft.
 */
function briefingFocusSvg(): string {
  const { left, right, top, footInset } = PODIUM;
  const [leftPole, rightPole] = FLAG_POLES;
  return svgDocument(
    BRIEFING_FRAME,
    `<defs>${blurFilter("soften", 5)}</defs>
    <g filter="url(#soften)">
      <rect width="${BRIEFING_FRAME.width}" height="${BRIEFING_FRAME.height}" fill="rgb(130,130,130)"/>
      <rect x="${leftPole - 40}" y="0" width="320" height="1080" fill="rgb(96,96,96)"/>
      <rect x="${rightPole - 280}" y="0" width="320" height="1080" fill="rgb(96,96,96)"/>
      <polygon points="${points([
        { x: left - 90, y: top - 170 },
        { x: right + 90, y: top - 170 },
        { x: right + 10, y: top },
        { x: right - footInset + 10, y: 1080 },
        { x: left + footInset - 10, y: 1080 },
        { x: left - 10, y: top },
      ])}" fill="rgb(14,14,14)"/>
      ${audience().replaceAll(/fill="#[0-9a-f]{6}"/g, 'fill="#ffffff"')}
    </g>`,
  );
}

/** The stand-in for the video's poster frame (`video-thumbnail.jpg`), 1920 x 1080. */
export async function makeBriefingThumbnail(): Promise<Buffer> {
  const random = seededRandom(0xb0a2d);
  const frame = BRIEFING_FRAME;
  const [scene, focus] = await Promise.all([
    woodVeneer(PODIUM.right - PODIUM.left, frame.height - PODIUM.lip + 20, 0x0a4).then((veneer) =>
      renderSvg(briefingSvg(random, veneer), frame),
    ),
    renderMap(briefingFocusSvg()),
  ]);
  const defocused = await depthOfField(scene, focus, [2.3, 9, 15.5, 22, 29]);
  const ceilingLights: BokehField = {
    count: 15,
    left: 0,
    top: -20,
    width: frame.width,
    height: 230,
    minRadius: 22,
    maxRadius: 70,
    warmShare: 0.6,
  };
  const bokeh = await renderSvg(bokehSvg(frame, ceilingLights, random), frame);
  const glowing = await bloom(screen(defocused, bokeh, 0.75), 150, 40, 0.5);
  const graded = colourGrade(glowing, {
    contrast: 0.3,
    lift: 0.03,
    shadowTint: [-0.01, 0.0, 0.025],
    highlightTint: [0.03, 0.015, -0.02],
  });
  const grain = await filmGrain(frame, 0x7ee7, 13, 1.3);
  return encodeWithGrain(vignette(graded, 0.5), grain);
}

/** Writes both stand-ins into `folder` and returns their paths. */
export async function writeStandInMedia(folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const [photo, thumbnail] = await Promise.all([makeDeskPhoto(), makeBriefingThumbnail()]);
  const files = [
    [path.join(folder, "photo.jpg"), photo],
    [path.join(folder, "video-thumbnail.jpg"), thumbnail],
  ] as const;
  await Promise.all(files.map(([file, data]) => writeFile(file, data)));
  return files.map(([file]) => file);
}

async function main(): Promise<void> {
  const folder = path.resolve(process.argv[2] ?? SEED_ARTICLE_DIR);
  const started = performance.now();
  const written = await writeStandInMedia(folder);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  console.log(`stand-in media generated in ${seconds}s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
