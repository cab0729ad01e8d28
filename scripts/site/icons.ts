/**
 * The site's icons, made from its logo (content/_data/site.yaml `logo`, a file in assets/images/)
 * by sharp: `favicon.ico` (16, 32 and 48 px PNGs in one ICO file, for browsers and tools that ask
 * for /favicon.ico), the Apple touch icon (180 px), the web app manifest's 192 and 512 px icons,
 * and the manifest itself with the site's name and colours. A logo that is not square is centred
 * on the paper colour with a margin, so a wide wordmark still makes a whole icon.
 */
import type { Site } from "../content/model.ts";
import { keyOf, sha256 } from "../engine/hashing.ts";
import { SITE_COLOURS } from "./colours.ts";
import { KeptDerivations } from "./kept-derivation.ts";

/** The sizes and why. */
export const ICON_DEFAULTS = {
  /** What `favicon.ico` holds: tabs (16), taskbars and high-DPI tabs (32), Windows (48). */
  ico: [16, 32, 48],
  /** iOS home screens ask for 180 px. */
  appleTouch: 180,
  /** What Chromium asks of a manifest: 192 px, and 512 px for splash screens. */
  manifest: [192, 512],
  /** The margin around a logo that is not square, as a fraction of the icon. */
  margin: 0.08,
} as const;

/**
 * sharp, loaded when an icon is made: with the icons kept (see {@link keptLogoIcons}), a build
 * that makes no image never loads libvips (about 70 ms and 28 MB of every start).
 */
async function loadSharp() {
  return (await import("sharp")).default;
}

/** Every icon the site publishes, made from its logo, and the logo's size. */
export interface LogoIcons {
  /** The logo's intrinsic size, for pages' `<img>` (`512x512`). */
  readonly size: { readonly width: number; readonly height: number };
  readonly appleTouch: Buffer;
  /** The manifest's icons, in the order of {@link ICON_DEFAULTS}.manifest. */
  readonly manifest: readonly Buffer[];
  /** `favicon.ico`'s images, in the order of {@link ICON_DEFAULTS}.ico. */
  readonly ico: readonly Buffer[];
}

/** Makes every icon from the logo's bytes. */
export async function makeLogoIcons(logo: Buffer): Promise<LogoIcons> {
  const [appleTouch, ...rest] = await Promise.all(
    [ICON_DEFAULTS.appleTouch, ...ICON_DEFAULTS.manifest, ...ICON_DEFAULTS.ico].map((size) =>
      iconPng(logo, size),
    ),
  );
  if (!appleTouch) throw new Error("the icons were not made");
  const manifestCount = ICON_DEFAULTS.manifest.length;
  return {
    size: await logoSize(logo),
    appleTouch,
    manifest: rest.slice(0, manifestCount),
    ico: rest.slice(manifestCount),
  };
}

/** The icons kept between builds, one entry per logo (kept-derivation.ts). */
const KEPT = new KeptDerivations("icons");

/**
 * {@link makeLogoIcons}, remembered between builds: drawing seven PNGs loads sharp and costs
 * about 0.1 s of every build that renders anything, for bytes that change only with the logo or
 * the icon code. `makerVersion` names the code that draws them (the engine's code version of
 * this module, with sharp's and libvips' versions): the key is it and the logo's bytes.
 */
export async function keptLogoIcons(logo: Buffer, makerVersion: string): Promise<LogoIcons> {
  const logoHash = sha256(logo);
  const name = `logo ${logoHash}`;
  const key = keyOf(makerVersion, logoHash);
  const kept = KEPT.read(name, key);
  const stored = kept === undefined ? undefined : storedIcons(kept);
  if (stored) return stored;
  const made = await makeLogoIcons(logo);
  KEPT.keep(name, key, JSON.stringify(toStored(made)));
  return made;
}

/** The icons as a kept entry holds them: the PNGs in base64. */
interface StoredIcons {
  readonly width: number;
  readonly height: number;
  readonly appleTouch: string;
  readonly manifest: readonly string[];
  readonly ico: readonly string[];
}

function toStored(icons: LogoIcons): StoredIcons {
  const base64 = (png: Buffer) => png.toString("base64");
  return {
    width: icons.size.width,
    height: icons.size.height,
    appleTouch: base64(icons.appleTouch),
    manifest: icons.manifest.map(base64),
    ico: icons.ico.map(base64),
  };
}

/** A kept entry's icons, or undefined when it does not hold them as {@link toStored} wrote. */
function storedIcons(text: string): LogoIcons | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const v = value as Partial<Record<keyof StoredIcons, unknown>> | null;
  const strings = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  if (
    typeof v !== "object" ||
    v === null ||
    typeof v.width !== "number" ||
    typeof v.height !== "number" ||
    typeof v.appleTouch !== "string" ||
    !strings(v.manifest) ||
    !strings(v.ico)
  ) {
    return undefined;
  }
  const png = (text: string) => Buffer.from(text, "base64");
  return {
    size: { width: v.width, height: v.height },
    appleTouch: png(v.appleTouch),
    manifest: v.manifest.map(png),
    ico: v.ico.map(png),
  };
}

/** A logo's intrinsic size (SVG: its width and height or viewBox, as sharp reads it). */
async function logoSize(logo: Buffer): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  const meta = await sharp(logo).metadata();
  return { width: meta.width ?? 1, height: meta.height ?? 1 };
}

/** The logo as a square PNG of `size` pixels. */
async function iconPng(logo: Buffer, size: number): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width, height } = await logoSize(logo);
  const square = Math.abs(width - height) / Math.max(width, height) < 0.02;
  // SVGs are drawn at the size they are needed, not scaled from a small bitmap.
  const density = Math.max(72, Math.ceil((72 * size) / Math.min(width, height)));
  const input = sharp(logo, { density });
  if (square) return input.resize(size, size, { fit: "fill" }).png().toBuffer();
  const inner = Math.round(size * (1 - 2 * ICON_DEFAULTS.margin));
  return input
    .resize(inner, inner, { fit: "contain", background: SITE_COLOURS.paper })
    .extend({
      top: Math.floor((size - inner) / 2),
      bottom: Math.ceil((size - inner) / 2),
      left: Math.floor((size - inner) / 2),
      right: Math.ceil((size - inner) / 2),
      background: SITE_COLOURS.paper,
    })
    .flatten({ background: SITE_COLOURS.paper })
    .png()
    .toBuffer();
}

/**
 * An ICO file holding PNG images (Windows Vista's format, read by every current browser): a
 * 6-byte header, a 16-byte entry per image (a size of 256 is written as 0), then the PNGs.
 */
export function icoFile(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** The web app manifest: the site's name, where it starts, its colours and its icons. */
export function webManifest(
  site: Pick<Site, "name" | "pathPrefix" | "language">,
  icons: readonly { src: string; size: number }[],
): string {
  const manifest = {
    name: site.name,
    short_name: site.name,
    lang: site.language,
    start_url: site.pathPrefix,
    scope: site.pathPrefix,
    display: "browser",
    background_color: SITE_COLOURS.paper,
    theme_color: SITE_COLOURS.paper,
    icons: icons.map((icon) => ({
      src: icon.src,
      sizes: `${icon.size}x${icon.size}`,
      type: "image/png",
    })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
