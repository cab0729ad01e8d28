/**
 * What a file really is, from its first bytes. Names lie (an SVG or a saved web page called
 * `photo.jpg`), and sharp decodes whatever it recognises, SVG included; so the format is
 * decided here, before sharp sees a byte.
 */
import type { SourceFormat } from "./types.ts";

/** A sniffed kind: a source format we can read, or something we name in an error message. */
export type SniffedKind =
  | SourceFormat
  | "heic"
  | "gif"
  | "svg"
  | "html"
  | "pdf"
  | "bmp"
  | "ico"
  | "jpeg-xl"
  | "text"
  | "unknown";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString("latin1");
}

/** AVIF and HEIC are both ISO-BMFF "ftyp" boxes; the brands say which codec is inside. */
function sniffIsoBmff(bytes: Uint8Array): SniffedKind | undefined {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== "ftyp") return undefined;
  const boxSize = Math.min(bytes.length, Buffer.from(bytes).readUInt32BE(0) || bytes.length, 64);
  const brands: string[] = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.some((b) => b === "avif" || b === "avis")) return "avif";
  if (brands.some((b) => ["heic", "heix", "hevc", "hevx", "heim", "heis"].includes(b))) {
    return "heic";
  }
  // A generic HEIF brand: the codec inside decides, and probe.ts asks libheif which it is.
  if (brands.some((b) => b === "mif1" || b === "msf1")) return "avif";
  return undefined;
}

/** Text formats: looked for after skipping a byte-order mark and leading white space. */
function sniffText(bytes: Uint8Array): SniffedKind | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "svg";
  if (head.startsWith("<!doctype html") || head.startsWith("<head") || head.includes("<html")) {
    return "html";
  }
  if (head.includes("<svg")) return "svg";
  return looksLikeText(bytes.subarray(0, 1024)) ? "text" : undefined;
}

/** Valid UTF-8 with no control characters but tab and line breaks: a note, JSON, an error page. */
function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  try {
    // `stream: true` lets a character cut at the end of the sample pass.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  return sample.every((byte) => byte >= 32 || byte === 9 || byte === 10 || byte === 13);
}

/**
 * Recognises a file from its first bytes.
 *
 * @example
 * sniffFormat(await readFile("photo.jpg")); // "jpeg", or "svg" if it is really an SVG
 */
export function sniffFormat(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return "tiff";
  }
  const isoBmff = sniffIsoBmff(bytes);
  if (isoBmff) return isoBmff;
  if (ascii(bytes, 0, 4) === "GIF8") return "gif";
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  if (ascii(bytes, 0, 2) === "BM") return "bmp";
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return "ico";
  if (
    startsWith(bytes, [0xff, 0x0a]) ||
    startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])
  ) {
    return "jpeg-xl";
  }
  return sniffText(bytes) ?? "unknown";
}

/** How a sniffed kind is named to an editor. */
export function describeKind(kind: SniffedKind): string {
  const names: Record<SniffedKind, string> = {
    jpeg: "a JPEG image",
    png: "a PNG image",
    webp: "a WebP image",
    avif: "an AVIF image",
    tiff: "a TIFF image",
    heic: "a HEIC image (the iPhone's format)",
    gif: "a GIF image",
    svg: "an SVG drawing",
    html: "a web page (HTML), not an image",
    pdf: "a PDF document, not an image",
    bmp: "a BMP image",
    ico: "an icon (ICO) file",
    "jpeg-xl": "a JPEG XL image",
    text: "a text file, not an image",
    unknown: "not an image in any format we recognise",
  };
  return names[kind];
}
