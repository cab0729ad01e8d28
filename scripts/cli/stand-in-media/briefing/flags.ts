/** The two flags hanging from indoor poles, their cloth folded by two waves. */

import type { Point } from "../picture.ts";
import { points, stop } from "../svg.ts";

/**
 * Sideways sway of a hanging cloth at `offset` pixels from its pole: two incommensurate waves,
 * so the folds are irregular like real fabric rather than a neat zigzag.
 */
function drape(offset: number, phase: number): number {
  return Math.sin(offset / 23 + phase) * 9 + Math.sin(offset / 9.5 + phase * 2.3) * 4;
}

/** How steeply the cloth faces away at `offset`: the derivative of the sway, for shading. */
function drapeSlope(offset: number, phase: number): number {
  return (
    (Math.cos(offset / 23 + phase) * 9) / 23 + (Math.cos(offset / 9.5 + phase * 2.3) * 4) / 9.5
  );
}

/**
 * One band of cloth between two heights (measured down the flag), following the folds: its
 * edges sag with distance from the pole and wave with the drape.
 */
function clothBand(
  poleX: number,
  side: 1 | -1,
  width: number,
  from: number,
  to: number,
  phase: number,
): string {
  const edge = (down: number, reverse: boolean) => {
    const samples: Point[] = [];
    for (let step = 0; step <= width; step += 6) {
      const offset = reverse ? width - step : step;
      samples.push({
        x: poleX + side * offset,
        y: 150 + down + offset * 0.42 + drape(offset, phase),
      });
    }
    return samples;
  };
  return `<polygon points="${points([...edge(from, false), ...edge(to, true)])}"/>`;
}

/** Light and shade across the folds, computed from the same waves that bend the stripes. */
function drapeShading(id: string, poleX: number, side: 1 | -1, width: number, phase: number) {
  const stops: string[] = [];
  for (let offset = 0; offset <= width; offset += 4) {
    const slope = drapeSlope(offset, phase) * side;
    const colour = slope > 0 ? "#ffffff" : "#000000";
    stops.push(
      stop(offset / width, colour, Math.min(slope > 0 ? 0.1 : 0.5, Math.abs(slope) * 0.6)),
    );
  }
  const x2 = poleX + side * width;
  return `<linearGradient id="${id}" x1="${poleX}" y1="0" x2="${x2}" y2="0" gradientUnits="userSpaceOnUse">${stops.join("")}</linearGradient>`;
}

/**
 * A flag hanging from an indoor pole. `bands` lists the cloth's horizontal bands (height,
 * colour), top to bottom; `canton` optionally colours the corner by the pole.
 */
function hangingFlag(
  id: string,
  poleX: number,
  side: 1 | -1,
  bands: readonly (readonly [number, string])[],
  canton: { readonly width: number; readonly depth: number; readonly colour: string } | null,
): string {
  const width = 250;
  const phase = poleX / 97;
  let down = 0;
  const cloth = bands
    .map(([height, colour]) => {
      const band = `<g fill="${colour}">${clothBand(poleX, side, width, down, down + height, phase)}</g>`;
      down += height;
      return band;
    })
    .join("");
  const corner = canton
    ? `<g fill="${canton.colour}">${clothBand(poleX, side, canton.width, 0, canton.depth, phase)}</g>`
    : "";
  const shadeId = `${id}Shade`;
  return `<defs>${drapeShading(shadeId, poleX, side, width, phase)}</defs>
    ${cloth}${corner}
    <g fill="url(#${shadeId})">${clothBand(poleX, side, width, 0, down, phase)}</g>
    <rect x="${poleX - 7}" y="40" width="14" height="1040" fill="url(#pole)"/>
    <path d="M${poleX},0 L${poleX + 14},40 L${poleX},56 L${poleX - 14},40 Z" fill="#d8b56a"/>
    <ellipse cx="${poleX}" cy="58" rx="18" ry="10" fill="#b8914f"/>`;
}

/** Thirteen red and white stripes with a dark-blue canton. */
export function stripedFlag(poleX: number): string {
  const stripes = Array.from(
    { length: 13 },
    (_, i) => [52, i % 2 === 0 ? "#a8222f" : "#e6e0d6"] as const,
  );
  return hangingFlag("stripes", poleX, 1, stripes, {
    width: 130,
    depth: 7 * 52,
    colour: "#22305e",
  });
}

/** A plain dark-blue flag with a pale round seal shape (no lettering), hanging to the left. */
export function sealFlag(poleX: number): string {
  const flag = hangingFlag("seal", poleX, -1, [[680, "#1c2d61"]], null);
  return `${flag}<ellipse cx="${poleX - 120}" cy="${330 + 120 * 0.42}" rx="46" ry="54" fill="#b8a680" fill-opacity="0.45"/>`;
}
