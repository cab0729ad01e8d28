/** The desk top's wood, painted pixel by pixel in perspective. */

import { seededRandom } from "../../../media/synthetic.ts";
import { clamp01, fractalNoise, lerp, makeValueNoise } from "../noise.ts";
import type { Frame } from "../picture.ts";
import { DESK_CAMERA } from "./scene.ts";

/**
 * Procedural walnut for the desk top, in perspective: the grain follows lines of constant
 * depth, wandering with fractal noise, plus fine fibres, so it foreshortens like a real board.
 */
export function paintWalnut(frame: Frame, top: number, seed: number): Buffer {
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
