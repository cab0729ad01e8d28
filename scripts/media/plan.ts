/**
 * Everything to make for one image, decided before any pixel is touched: the working size it is
 * decoded at, each output's size, crop box and file name. Pure: the same source hash and
 * settings always give the same plan, which is what makes the cache sound.
 */

import { type Box, type CropPlan, cropPlan, scaleBox } from "./crops.ts";
import { CROP_NAMES } from "./defaults.ts";
import { outputName, recipeHash } from "./naming.ts";
import type { CropName, MediaOptions, OutputFormat } from "./types.ts";
import { type Size, variantSizes } from "./variants.ts";

/** One file to encode. */
export interface OutputPlan {
  readonly name: string;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
  /** For crops: the box to cut, in working-image pixels. */
  readonly box?: Box;
  /** `master`: a master for an image CDN (JPEG at `masters.quality`); else the format's own settings. */
  readonly encoder?: "master";
}

/** What one image needs. */
export interface ImagePlan {
  /** The oriented source's size. */
  readonly source: Size;
  /** The size the source is decoded at: the smallest that serves every output without upscaling. */
  readonly work: Size;
  readonly variants: { readonly [format in OutputFormat]: readonly OutputPlan[] };
  readonly crops: { readonly [name in CropName]: OutputPlan };
  /** Every output, costliest first, so the pool is not left waiting on one long AVIF at the end. */
  readonly outputs: readonly OutputPlan[];
}

/** What identifies an image's pixels and metadata, beyond the settings. */
export interface ImageIdentity {
  readonly sourceHash: string;
  readonly stem: string;
  readonly focus: readonly [number, number];
  readonly credit: string | undefined;
}

/** Settings by format, as they go into each file's hash. */
function encoderSettings(format: OutputFormat, options: MediaOptions): object {
  return options[format];
}

/**
 * The scale the source is decoded at: large enough for the widest variant and for every crop
 * box to be written at its full size, never above 1. Decoding a 45-megapixel original at this
 * size keeps each image's working memory to a few megabytes.
 */
export function workingScale(
  source: Size,
  largestVariant: number,
  crops: readonly { readonly box: Box; readonly width: number }[],
): number {
  const needs = [largestVariant / source.width, ...crops.map((c) => c.width / c.box.width)];
  return Math.min(1, Math.max(...needs));
}

/** A crop's box in the source, cut around the focus, with the size it is written at. */
export interface SourceCrop extends CropPlan {
  readonly name: CropName;
}

/** Every crop's box in the source, or the first crop the source is too small for. */
export function sourceCropsOf(
  source: Size,
  focus: readonly [number, number],
  options: Pick<MediaOptions, "crops">,
): { readonly crops: readonly SourceCrop[] } | { readonly tooSmallFor: CropName } {
  const crops: SourceCrop[] = [];
  for (const name of CROP_NAMES) {
    const crop = cropPlan(source, options.crops[name], focus);
    if (!crop) return { tooSmallFor: name };
    crops.push({ name, ...crop });
  }
  return { crops };
}

/** `source` scaled by `scale`, each side rounded and at least a pixel. */
export function scaledSize(source: Size, scale: number): Size {
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}

/**
 * Plans an image, or names the first crop the source is too small for.
 *
 * @example
 * planImage({ width: 3000, height: 2000 }, identity, createMediaOptions());
 */
export function planImage(
  source: Size,
  identity: ImageIdentity,
  options: MediaOptions,
): { readonly plan: ImagePlan } | { readonly tooSmallFor: CropName } {
  const cut = sourceCropsOf(source, identity.focus, options);
  if ("tooSmallFor" in cut) return cut;
  const sourceCrops = cut.crops;
  const sizes = variantSizes(source, options.widths);
  const scale = workingScale(source, sizes.at(-1)?.width ?? source.width, sourceCrops);
  const work = scaledSize(source, scale);
  const shared = {
    source: identity.sourceHash,
    work,
    credit: identity.credit ?? null,
    background: options.background,
    // Without a code version (callers other than the build) names are what they always were.
    ...(options.codeVersion ? { code: options.codeVersion } : {}),
  };
  const variant = (format: OutputFormat, size: Size): OutputPlan => {
    const hash = recipeHash({
      ...shared,
      format,
      settings: encoderSettings(format, options),
      size,
    });
    return { name: outputName(identity.stem, hash, size.width, format), format, ...size };
  };
  const variants = {
    avif: sizes.map((size) => variant("avif", size)),
    webp: sizes.map((size) => variant("webp", size)),
    jpeg: sizes.map((size) => variant("jpeg", size)),
  };
  const cropOutputs = Object.fromEntries(
    sourceCrops.map(({ name, box, width, height }) => {
      const workBox = scaleBox(box, scale, work);
      const size = { width, height };
      const hash = recipeHash({ ...shared, format: "jpeg", settings: options.jpeg, workBox, size });
      const plan: OutputPlan = {
        name: outputName(identity.stem, hash, name, "jpeg"),
        format: "jpeg",
        ...size,
        box: workBox,
      };
      return [name, plan];
    }),
  ) as { [name in CropName]: OutputPlan };
  const outputs = [
    ...[...variants.avif].reverse(),
    ...[...variants.webp].reverse(),
    ...[...variants.jpeg].reverse(),
    ...CROP_NAMES.map((name) => cropOutputs[name]),
  ];
  return { plan: { source, work, variants, crops: cropOutputs, outputs } };
}
