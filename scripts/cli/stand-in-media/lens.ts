/**
 * What a camera lens does to a scene: depth of field, bloom around bright areas, a vignette,
 * and out-of-focus points of light (bokeh). These make SVG shapes read as a photograph.
 */

import { screen } from "./blend.ts";
import { lerp, smoothstep } from "./noise.ts";
import { blur, type Frame, type Picture } from "./picture.ts";
import { blurFilter, n, stop, svgDocument } from "./svg.ts";

/**
 * Fakes a lens's depth of field. `focusMap` holds, per pixel, how far out of focus it is
 * (0 = on the focal plane, 255 = furthest); the picture is blurred at a few strengths and each
 * pixel is interpolated between the two nearest, which reads as a continuous falloff.
 */
export async function depthOfField(
  picture: Picture,
  focusMap: Buffer,
  sigmas: readonly number[],
): Promise<Picture> {
  const levels = await Promise.all(sigmas.map((sigma) => blur(picture, sigma)));
  const last = levels.length - 1;
  const out = Buffer.alloc(picture.rgb.length);
  for (let p = 0; p < focusMap.length; p++) {
    const t = ((focusMap[p] ?? 0) / 255) * last;
    const index = Math.min(Math.floor(t), last - 1);
    const weight = t - index;
    const near = levels[index]?.rgb;
    const far = levels[index + 1]?.rgb;
    if (!near || !far) continue;
    for (let c = 0; c < 3; c++) {
      const i = p * 3 + c;
      out[i] = Math.round(lerp(near[i] ?? 0, far[i] ?? 0, weight));
    }
  }
  return { frame: picture.frame, rgb: out };
}

/** Bright areas bleed a soft halo into their surroundings, as they do through real glass. */
export async function bloom(
  picture: Picture,
  threshold: number,
  sigma: number,
  strength: number,
): Promise<Picture> {
  const bright = Buffer.alloc(picture.rgb.length);
  for (let i = 0; i < bright.length; i++) {
    const v = picture.rgb[i] ?? 0;
    bright[i] = v > threshold ? Math.round(((v - threshold) / (255 - threshold)) * 255) : 0;
  }
  const halo = await blur({ frame: picture.frame, rgb: bright }, sigma);
  return screen(picture, halo, strength);
}

/** Darkens the corners the way a real lens does, drawing the eye to the middle. */
export function vignette(picture: Picture, strength: number): Picture {
  const { width, height } = picture.frame;
  const out = Buffer.alloc(picture.rgb.length);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const ny = (y + 0.5 - cy) / cy;
    for (let x = 0; x < width; x++) {
      const nx = (x + 0.5 - cx) / cx;
      const falloff = 1 - strength * smoothstep(0.45, 1.45, Math.hypot(nx, ny));
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        out[i + c] = Math.round((picture.rgb[i + c] ?? 0) * falloff);
      }
    }
  }
  return { frame: picture.frame, rgb: out };
}

/** Where and how large out-of-focus points of light should be. */
export interface BokehField {
  readonly count: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly minRadius: number;
  readonly maxRadius: number;
  /** Share of discs that are warm (tungsten) rather than cool (daylight, LED). */
  readonly warmShare: number;
}

/**
 * Out-of-focus points of light: soft, even discs with a slightly brighter rim, the shape a lens
 * aperture gives them. They are screened on after the blur, which is when a lens forms them.
 */
export function bokehSvg(frame: Frame, field: BokehField, random: () => number): string {
  const discs: string[] = [];
  for (let i = 0; i < field.count; i++) {
    const x = field.left + random() * field.width;
    const y = field.top + random() * field.height;
    const r = lerp(field.minRadius, field.maxRadius, random());
    const fill = random() < field.warmShare ? "url(#warm)" : "url(#cool)";
    discs.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" fill-opacity="${n(0.25 + random() * 0.4)}"/>`,
    );
  }
  const disc = (id: string, colour: string) =>
    `<radialGradient id="${id}">${stop(0, colour, 0.8)}${stop(0.86, colour, 0.88)}${stop(0.95, colour, 1)}${stop(1, colour, 0)}</radialGradient>`;
  return svgDocument(
    frame,
    `<defs>${disc("warm", "#ffdcae")}${disc("cool", "#a9c3ff")}${blurFilter("edge", frame.width / 900)}</defs>
    <rect width="${frame.width}" height="${frame.height}" fill="#000"/>
    <g filter="url(#edge)">${discs.join("")}</g>`,
  );
}
