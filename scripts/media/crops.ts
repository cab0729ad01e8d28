/**
 * Fixed-ratio crops around a focal point. Pure arithmetic, no sharp: easy to test at corners.
 */
import type { CropSize } from "./types.ts";
import type { Size } from "./variants.ts";

/** A rectangle in pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where a crop is cut from the source (`box`) and the size it is written at. */
export interface CropPlan {
  readonly box: Box;
  readonly width: number;
  readonly height: number;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * A focal point made safe: each fraction clamped to 0..1, and the centre for anything that is
 * not a number. The content model validates focus; this keeps a bad value from reaching sharp.
 */
export function normaliseFocus(focus: readonly [number, number]): readonly [number, number] {
  const fraction = (value: number) => (Number.isFinite(value) ? clamp(value, 0, 1) : 0.5);
  return [fraction(focus[0]), fraction(focus[1])];
}

/**
 * Places a span of `length` on an axis of `extent` so its centre is as close to `centre` as the
 * edges allow. The focal point therefore always lies inside the span.
 */
function placeAround(centre: number, length: number, extent: number): number {
  return clamp(Math.round(centre - length / 2), 0, extent - length);
}

/**
 * The largest `target`-ratio rectangle inside the source, centred on the focal point as far as
 * the edges allow, and the size to write it at: `target` itself, or, when the source is too
 * small for that, the rectangle's own size (never upscaled) trimmed to the exact ratio.
 * Undefined when the source cannot hold even one unit of the ratio (e.g. 40 x 21 for 1200 x 630).
 *
 * @example
 * cropPlan({ width: 3000, height: 2000 }, { width: 1200, height: 675 }, [0.5, 0.35]);
 * // { box: { left: 0, top: 0, width: 3000, height: 1688 }, width: 1200, height: 675 }
 */
export function cropPlan(
  source: Size,
  target: CropSize,
  focus: readonly [number, number],
): CropPlan | undefined {
  const divisor = greatestCommonDivisor(target.width, target.height);
  const unitWidth = target.width / divisor;
  const unitHeight = target.height / divisor;
  const sourceIsWider = source.width * target.height >= source.height * target.width;
  let width = sourceIsWider
    ? Math.round((source.height * target.width) / target.height)
    : source.width;
  let height = sourceIsWider
    ? source.height
    : Math.round((source.width * target.height) / target.width);
  let output: Size = target;
  if (width < target.width) {
    // Too small to scale down to the target: keep every pixel, in whole units of the ratio so
    // the crop is exactly 16:9 (4:3, ...) rather than a rounding away from it.
    const units = Math.floor(Math.min(source.width / unitWidth, source.height / unitHeight));
    if (units === 0) return undefined;
    width = units * unitWidth;
    height = units * unitHeight;
    output = { width, height };
  }
  const box: Box = {
    left: placeAround(focus[0] * source.width, width, source.width),
    top: placeAround(focus[1] * source.height, height, source.height),
    width,
    height,
  };
  return { box, width: output.width, height: output.height };
}

/** Maps a box into an image scaled by `scale`, kept inside `image`. */
export function scaleBox(box: Box, scale: number, image: Size): Box {
  if (scale === 1) return box;
  const left = clamp(Math.round(box.left * scale), 0, image.width - 1);
  const top = clamp(Math.round(box.top * scale), 0, image.height - 1);
  return {
    left,
    top,
    width: clamp(Math.round(box.width * scale), 1, image.width - left),
    height: clamp(Math.round(box.height * scale), 1, image.height - top),
  };
}
