/**
 * The plan of an image for an image CDN: one master of the whole photo (and, for a CDN without
 * focal points, each crop pre-cut around the focus), decided before any pixel is touched. Pure,
 * like plan.ts, whose crop arithmetic it shares.
 */
import { scaleBox } from "./crops.ts";
import { CROP_NAMES } from "./defaults.ts";
import { outputName, recipeHash } from "./naming.ts";
import {
  type ImageIdentity,
  type OutputPlan,
  scaledSize,
  sourceCropsOf,
  workingScale,
} from "./plan.ts";
import type { CropName, MediaOptions } from "./types.ts";
import { type Size, variantSizes } from "./variants.ts";

/** What one image needs when a CDN makes its sizes. */
export interface MasterPlan {
  /** The oriented source's size. */
  readonly source: Size;
  /** The master's size, which the source is decoded at. */
  readonly work: Size;
  readonly master: OutputPlan;
  /** Crops cut around the focus at their final size, for a CDN without focal points (Netlify). */
  readonly crops?: { readonly [name in CropName]: OutputPlan };
  readonly outputs: readonly OutputPlan[];
}

/**
 * The scale of the master: its longest side at most `masters.maxSide`, but never smaller than
 * the widest candidate and every crop need (plan.ts's working scale), so the CDN never has to
 * enlarge; never above the source's own size.
 */
export function masterScale(source: Size, needed: number, maxSide: number): number {
  return Math.min(1, Math.max(maxSide / Math.max(source.width, source.height), needed));
}

/**
 * Plans the masters of an image, or names the first crop the source is too small for (the same
 * rule as without a CDN: a crop that cannot be made is an error either way).
 *
 * @example
 * planMasters({ width: 3000, height: 2000 }, identity, { ...createMediaOptions(), cdn });
 * // master 2560 x 1707; with Netlify also 16x9, 4x3, 1x1 and social crops at 1200 px
 */
export function planMasters(
  source: Size,
  identity: ImageIdentity,
  options: MediaOptions,
): { readonly plan: MasterPlan } | { readonly tooSmallFor: CropName } {
  const cut = sourceCropsOf(source, identity.focus, options);
  if ("tooSmallFor" in cut) return cut;
  const sourceCrops = cut.crops;
  const widest = variantSizes(source, options.widths).at(-1)?.width ?? source.width;
  const scale = masterScale(
    source,
    workingScale(source, widest, sourceCrops),
    options.masters.maxSide,
  );
  const work = scaledSize(source, scale);
  const shared = {
    source: identity.sourceHash,
    work,
    credit: identity.credit ?? null,
    background: options.background,
    // Without a code version (callers other than the build) names are what they always were.
    ...(options.codeVersion ? { code: options.codeVersion } : {}),
    format: "jpeg",
    settings: { master: options.masters.quality },
  };
  const master: OutputPlan = {
    name: outputName(identity.stem, recipeHash({ ...shared, size: work }), "master", "jpeg"),
    format: "jpeg",
    encoder: "master",
    ...work,
  };
  if (options.cdn?.provider !== "netlify") {
    return { plan: { source, work, master, outputs: [master] } };
  }
  const crops = Object.fromEntries(
    sourceCrops.map(({ name, box, width, height }) => {
      const workBox = scaleBox(box, scale, work);
      const size = { width, height };
      const hash = recipeHash({ ...shared, workBox, size });
      const plan: OutputPlan = {
        name: outputName(identity.stem, hash, name, "jpeg"),
        format: "jpeg",
        encoder: "master",
        ...size,
        box: workBox,
      };
      return [name, plan];
    }),
  ) as { [name in CropName]: OutputPlan };
  const outputs = [master, ...CROP_NAMES.map((name) => crops[name])];
  return { plan: { source, work, master, crops, outputs } };
}
