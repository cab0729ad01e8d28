/**
 * What `npm run media-compare` measures and against what: the source image (by default the
 * seed's stand-in photo), how many rounds and calls, and the targets the figures must meet.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ELEVENTY_IMG_WIDTHS } from "../../bench/eleventy-img.ts";
import type { MediaOptions, MediaRequest } from "../../media/index.ts";

/** The repository root, from this file's place in it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The default source: the seed article's stand-in photo, with the focus and credit of its front
 * matter, so the files measured are the very files the site publishes for it.
 */
export const STAND_IN = {
  file: "content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/photo.jpg",
  focus: [0.42, 0.65] as const,
  credit: "AFP",
};

/** Rounds per figure: each round measures everything once; the report gives the median. */
export const ROUNDS = 3;
/** Warm calls per cache-hit figure: one call takes about a millisecond, so take many. */
export const WARM_CALLS = 20;
/** Distinct copies of the source for the batch cache-hit figure. */
export const COPIES = 10;
/** Widths whose SSIM is reported, as `defaults.ts` measured its settings. */
export const SSIM_WIDTHS: readonly number[] = [1200, 1600];

/** The targets the figures are checked against. */
export const TARGETS = {
  /** eleventy-img's cold wall time over Broadsheet's, at least. */
  speedup: 3,
  /** processImages over bare sharp, in percent, below. */
  overheadPercent: 10,
  /** A cache hit, per image, below. */
  cacheHitMs: 2,
} as const;

/** The image and its request, from the command line. */
export function parseImage(argv: readonly string[]): MediaRequest {
  const [argument, ...rest] = argv;
  if (rest.length > 0 || argument?.startsWith("-")) {
    throw new Error("usage: npm run media-compare [-- <image>]");
  }
  const standIn = path.join(REPO_ROOT, STAND_IN.file);
  const file = argument === undefined ? standIn : path.resolve(argument);
  const isStandIn = file === standIn;
  // Another image has no front matter here: centre focus and no credit (so no EXIF is written).
  return {
    article: isStandIn ? path.join(path.dirname(STAND_IN.file), "index.md") : "media-compare",
    field: "image.src",
    file,
    focus: isStandIn ? STAND_IN.focus : [0.5, 0.5],
    ...(isStandIn ? { credit: STAND_IN.credit } : {}),
  };
}

/** Refuses to compare different sets: the widths must be the module's own. */
export function checkSameWidths(options: MediaOptions): void {
  if (options.widths.join() !== ELEVENTY_IMG_WIDTHS.join()) {
    throw new Error(
      `Broadsheet's widths [${options.widths.join(", ")}] are not the ones given to eleventy-img [${ELEVENTY_IMG_WIDTHS.join(", ")}]`,
    );
  }
}
