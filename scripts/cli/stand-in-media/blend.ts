/** How light is combined with a scene: multiplied in (a lamp) or screened on (a glow). */

import type { Picture } from "./picture.ts";

/** Multiplies a scene's surface colours by a light map: how a lamp "paints" what it falls on. */
export function applyLight(albedo: Picture, light: Picture): Picture {
  const out = Buffer.alloc(albedo.rgb.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.round(((albedo.rgb[i] ?? 0) * (light.rgb[i] ?? 0)) / 255);
  }
  return { frame: albedo.frame, rgb: out };
}

/** Screen blend: adds light without ever clipping, as glows and reflections do on film. */
export function screen(base: Picture, glow: Picture, strength = 1): Picture {
  const out = Buffer.alloc(base.rgb.length);
  for (let i = 0; i < out.length; i++) {
    const a = base.rgb[i] ?? 0;
    const b = ((glow.rgb[i] ?? 0) * strength) / 255;
    out[i] = Math.round(255 - (255 - a) * (1 - b));
  }
  return { frame: base.frame, rgb: out };
}
