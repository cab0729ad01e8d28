/**
 * THE one place media settings get their values. Every other file receives a finished
 * `MediaOptions` and never invents a default of its own.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { isHostName } from "./cdn/shared.ts";
import type { CropName, MediaOptions, SourceFormat } from "./types.ts";

/** Crop names in the order they are made and listed. */
export const CROP_NAMES: readonly CropName[] = ["16x9", "4x3", "1x1", "social"];

/** Every source format the module can read; `allowedFormats` may narrow it, never widen it. */
export const SUPPORTED_SOURCE_FORMATS: readonly SourceFormat[] = [
  "jpeg",
  "png",
  "webp",
  "avif",
  "tiff",
];

/**
 * Builds the media options: the defaults below, with `overrides` laid over them.
 *
 * How the encoder settings were chosen: each format's quality is set so all three give about
 * the same SSIM as the JPEG fallback (mozjpeg q80, the newsroom standard), so a reader sees the
 * same picture whichever format the browser takes; then the lowest effort whose extra bytes
 * are small. Measured with `node --import tsx scripts/media/measure.ts [photo]`, one encode at
 * a time on the 2-core build machine (sharp 0.35.5, libvips 8.18.7), on two 3000 x 2000
 * JPEGs: the seed article's photo (smooth, shallow focus) and a grainy, detailed synthetic one.
 * Time and bytes are sums over the four widths; SSIM (luma) is at 1200 and 1600 px.
 *
 * | setting                                 | seed photo               | grainy photo             |
 * | --------------------------------------- | ------------------------ | ------------------------ |
 * | AVIF q58 effort 2 4:2:0 (chosen)        |  573 ms  85 KB .954 .950 | 1055 ms 253 KB .940 .945 |
 * | AVIF q58 effort 3 4:2:0                 |  735 ms  76 KB .954 .950 | 1547 ms 245 KB .942 .947 |
 * | AVIF q58 effort 4 4:2:0                 | 3955 ms  46 KB .949 .937 | 7297 ms 242 KB .943 .949 |
 * | AVIF q50 effort 4 4:4:4 (sharp default) | 6658 ms  36 KB .947 .932 | 8055 ms 164 KB .903 .923 |
 * | WebP q80 effort 4 (chosen)              |  301 ms  89 KB .951 .944 |  329 ms 297 KB .939 .940 |
 * | WebP q80 effort 6                       |  463 ms  77 KB .948 .940 |  792 ms 268 KB .933 .934 |
 * | JPEG mozjpeg q80 (chosen)               |  209 ms 141 KB .956 .950 |  288 ms 353 KB .937 .946 |
 * | JPEG libjpeg q80 progressive            |   91 ms 206 KB .962 .959 |   92 ms 437 KB .947 .956 |
 *
 * The whole set for one photo (12 variants, 4 crops, placeholder) took 0.8-1.1 s cold on
 * 2 cores (2.4-3.6 s while other builds loaded the machine) and 1-3 ms warm (cache hit).
 *
 * @throws {RangeError} when an override is out of range (a programming error, not content).
 * @example
 * const options = createMediaOptions({ widths: [320, 640], concurrency: 1 });
 */
export function createMediaOptions(overrides: Partial<MediaOptions> = {}): MediaOptions {
  const cpus = availableParallelism();
  const options: MediaOptions = {
    // The lead slot is 100vw on phones and at most a 720 px column on desktop. The pixels it
    // needs: 750 (375 px at DPR 2), 1125 (375 px at DPR 3), 720 (desktop DPR 1) and 1440
    // (desktop DPR 2). The browser picks 800, 1200, 800 and 1600: each within 1.11x of need,
    // well inside 1.5x, and 400 serves small DPR 1 screens and thumbnails. A fifth width would
    // add an AVIF encode per image for a few percent of bytes on some devices.
    widths: [400, 800, 1200, 1600],
    // AVIF: the smallest files (28-40% under JPEG at the same SSIM) but the slowest encoder.
    // Effort 4 (sharp's default) took 7x as long as effort 2; on the grainy photo its files were
    // only 4% smaller, on the smooth one half the size but softer (SSIM 0.937 against
    // 0.950 at 1600 px). Effort 3 saved 3-11% for 1.3-1.5x the time: the knob to turn if build
    // time is cheaper than bandwidth. Quality 58 matches the JPEG fallback's SSIM at every
    // width (q50 fell up to 0.02 below it). 4:2:0 chroma, as camera JPEGs already are, is
    // 4-5% smaller than sharp's default 4:4:4 at the same luma SSIM.
    avif: { quality: 58, effort: 2, chromaSubsampling: "4:2:0" },
    // WebP: q80 (libwebp's default) comes within 0.007 of JPEG q80's SSIM with 16-37% fewer
    // bytes. Effort 6 took 1.5-2.4x as long for 10-14% fewer bytes at a lower SSIM; effort 2
    // halved the time for 6-7% more bytes. Effort 4 costs about what mozjpeg does.
    webp: { quality: 80, effort: 4 },
    // JPEG: the fallback every browser and every social scraper reads. mozjpeg q80 is 19-32%
    // smaller than libjpeg q80; its tables are tuned for perceived quality, which luma SSIM does
    // not reward, so its SSIM reads up to 0.011 lower. Progressive, so a slow connection sees
    // the whole picture early.
    jpeg: { quality: 80 },
    // Google asks for 16x9, 4x3 and 1x1 images of at least 50,000 pixels for articles and
    // 1200 px wide for Discover; 1200 x 630 is the Open Graph / X large card size.
    crops: {
      "16x9": { width: 1200, height: 675 },
      "4x3": { width: 1200, height: 900 },
      "1x1": { width: 1200, height: 1200 },
      social: { width: 1200, height: 630 },
    },
    // Masters for an image CDN (absent `cdn`: none are made). Longest side 2560: the widest
    // candidate is 1600 px, and 2560 also covers a full-width 1280 px slot at DPR 2 without new
    // masters; a crop or the widest candidate may raise it for an odd shape (a panorama's square
    // crop). JPEG, which every CDN reads, at q90 so the CDN's re-encode starts from near the
    // source. libjpeg rather than mozjpeg, measured on the stand-in photo at 2560 x 1707 (one
    // encode, 2 cores): libjpeg q90 30 ms, 505 KB; mozjpeg q90 480 ms, 380 KB; libjpeg q92
    // 4:4:4 99 ms, 615 KB. A master is read once per size by the CDN and cached there, so a
    // quarter more bytes costs nothing a reader sees, and 16 times the encode would be most of
    // the image stage (a full decode of the source is about 110-200 ms).
    masters: { maxSide: 2560, quality: 90 },
    // 20 px wide, blurred, WebP q50: about 170 bytes as a data: URI, small enough to inline in
    // the HTML of every card, large enough to show the photo's main colours and shapes.
    placeholderWidth: 20,
    // Transparent PNG graphics land on white, the page's background, in every format alike.
    background: "#ffffff",
    // Inside the project so CI caches can keep it, outside the site so it is never published.
    cacheDir: join(process.cwd(), ".cache", "media"),
    outputSubdir: "media",
    // One encode per core: libvips runs single-threaded here (sharp.concurrency() is 1 on glibc),
    // and two encodes side by side on 2 cores measured 1.7-1.9x the throughput of one.
    concurrency: cpus,
    // A 100-megapixel source (e.g. 12000 x 8000) is beyond any camera a newsroom ships; anything
    // larger is a mistake (a scan, a panorama) and costs seconds and hundreds of MB per decode.
    limitInputPixels: 100_000_000,
    // "warning" is libvips' strictest level and sharp's default. FIELD-NOTES: "error" and
    // "truncated" let a corrupted JPEG through with garbage pixels; "warning" refuses it, along
    // with truncated files, broken markers and bad Huffman codes. (No setting catches a single
    // flipped bit that still decodes: JPEG carries no checksum.)
    failOn: "warning",
    // Decided by the file's bytes, never its name: an SVG or a web page renamed .jpg is refused.
    // GIF (animation, 256 colours), SVG (scripts, external references) and HEIC (no decoder
    // here) are not photographs we can publish safely.
    allowedFormats: SUPPORTED_SOURCE_FORMATS,
    // The build names its code's version (scripts/engine/build-code-keys.ts): a change to the
    // code that makes images then changes every image's key and name. Callers that keep a cache
    // of their own (the media tests, the comparisons) need none.
    codeVersion: "",
    ...overrides,
  };
  const concurrency = Number.isFinite(options.concurrency) ? options.concurrency : cpus;
  return checkOptions({ ...options, concurrency: clamp(concurrency, 1, cpus) });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.floor(value)));
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function checkRange(name: string, value: number, low: number, high: number): void {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw new RangeError(
      `media option ${name} must be an integer from ${low} to ${high}, got ${value}`,
    );
  }
}

/** Refuses settings that would make broken output, so a typo fails the build loudly. */
function checkOptions(options: MediaOptions): MediaOptions {
  const { widths } = options;
  if (widths.length === 0 || !widths.every(isPositiveInteger)) {
    throw new RangeError(
      `media option widths must be positive integers, got [${widths.join(", ")}]`,
    );
  }
  if (!widths.every((width, i) => i === 0 || width > (widths[i - 1] ?? 0))) {
    throw new RangeError(`media option widths must be ascending, got [${widths.join(", ")}]`);
  }
  checkRange("avif.quality", options.avif.quality, 1, 100);
  checkRange("avif.effort", options.avif.effort, 0, 9);
  checkRange("webp.quality", options.webp.quality, 1, 100);
  checkRange("webp.effort", options.webp.effort, 0, 6);
  checkRange("jpeg.quality", options.jpeg.quality, 1, 100);
  checkRange("placeholderWidth", options.placeholderWidth, 4, 64);
  checkRange("masters.quality", options.masters.quality, 1, 100);
  checkRange("masters.maxSide", options.masters.maxSide, 64, 16_384);
  if (options.cdn?.provider === "imgix" && !isHostName(options.cdn.domain)) {
    throw new RangeError(
      `media option cdn.domain must be a host name like example.imgix.net, got "${options.cdn.domain}"`,
    );
  }
  for (const name of CROP_NAMES) {
    const crop = options.crops[name];
    if (!isPositiveInteger(crop.width) || !isPositiveInteger(crop.height)) {
      throw new RangeError(`media option crops.${name} must have positive integer sides`);
    }
  }
  if (!isPositiveInteger(options.limitInputPixels)) {
    throw new RangeError("media option limitInputPixels must be a positive integer");
  }
  const unknown = options.allowedFormats.filter((f) => !SUPPORTED_SOURCE_FORMATS.includes(f));
  if (unknown.length > 0) {
    throw new RangeError(`media option allowedFormats has unsupported ${unknown.join(", ")}`);
  }
  if (!/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/i.test(options.outputSubdir)) {
    throw new RangeError(
      `media option outputSubdir must be a relative folder like "media", got "${options.outputSubdir}"`,
    );
  }
  return options;
}
