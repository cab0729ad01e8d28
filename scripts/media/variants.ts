/**
 * Which widths an image is published at. Pure arithmetic, no sharp: easy to test at the edges.
 */

/** A pixel size. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The height that keeps the source's aspect ratio at `width`, never below one pixel. */
export function heightAt(source: Size, width: number): number {
  return Math.max(1, Math.round((width * source.height) / source.width));
}

/**
 * The responsive set's sizes, ascending. Never wider than the source: widths above it are
 * dropped and the source's own width becomes the last candidate, so a small photo is served
 * at full size rather than blown up.
 *
 * @example
 * variantSizes({ width: 1000, height: 500 }, [400, 800, 1200, 1600]);
 * // [{ width: 400, height: 200 }, { width: 800, height: 400 }, { width: 1000, height: 500 }]
 */
export function variantSizes(source: Size, widths: readonly number[]): Size[] {
  const fitting = widths.filter((width) => width <= source.width);
  const chosen = fitting.length < widths.length ? [...fitting, source.width] : fitting;
  return [...new Set(chosen)].map((width) => ({ width, height: heightAt(source, width) }));
}
