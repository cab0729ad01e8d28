/**
 * Structural similarity (SSIM) of two greyscale images, for comparing encoder settings at equal
 * quality. Measurement only: the build never calls it.
 */

/** Stabilising constants from Wang et al. (2004) for 8-bit images. */
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;
const WINDOW = 8;
const STRIDE = 4;

/**
 * Mean SSIM over 8 x 8 windows (stride 4) of two same-sized 8-bit greyscale images: 1 is
 * identical; for photographs, above about 0.95 differences are hard to see at normal size.
 *
 * @example
 * ssim(reference, decoded, 1200, 800); // 0.9366
 */
export function ssim(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  if (a.length !== width * height || b.length !== width * height) {
    throw new RangeError("ssim: both images must be width x height greyscale");
  }
  const n = WINDOW * WINDOW;
  let total = 0;
  let windows = 0;
  for (let y = 0; y + WINDOW <= height; y += STRIDE) {
    for (let x = 0; x + WINDOW <= width; x += STRIDE) {
      let sumA = 0;
      let sumB = 0;
      let sumAA = 0;
      let sumBB = 0;
      let sumAB = 0;
      for (let j = 0; j < WINDOW; j += 1) {
        const row = (y + j) * width + x;
        for (let i = 0; i < WINDOW; i += 1) {
          const pa = a[row + i] ?? 0;
          const pb = b[row + i] ?? 0;
          sumA += pa;
          sumB += pb;
          sumAA += pa * pa;
          sumBB += pb * pb;
          sumAB += pa * pb;
        }
      }
      const meanA = sumA / n;
      const meanB = sumB / n;
      const varA = (sumAA - n * meanA * meanA) / (n - 1);
      const varB = (sumBB - n * meanB * meanB) / (n - 1);
      const cov = (sumAB - n * meanA * meanB) / (n - 1);
      total +=
        ((2 * meanA * meanB + C1) * (2 * cov + C2)) /
        ((meanA * meanA + meanB * meanB + C1) * (varA + varB + C2));
      windows += 1;
    }
  }
  return windows === 0 ? 1 : total / windows;
}
