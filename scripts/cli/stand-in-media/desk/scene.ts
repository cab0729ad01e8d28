/**
 * The desk photograph's geometry: the camera, where the desk, the letter, the window, the lamp
 * and the mug are, and how a point on the desk projects to the picture.
 */

import type { Frame, Point } from "../picture.ts";
import { n, points } from "../svg.ts";

export const DESK_FRAME: Frame = { width: 3000, height: 2000 };

/**
 * A pinhole camera a little above the desk top, looking across it at the window. Distances
 * are in metres; `depth` runs away from the camera. Projecting real sizes keeps the letter,
 * pen and mug in believable proportion and perspective.
 */
export const DESK_CAMERA = { centreX: 1500, horizonY: 300, focal: 2600, eyeHeight: 0.3 } as const;

/** Depth of the desk's back edge and of the letter (the focal plane), in metres. */
export const DESK_BACK_DEPTH = 1.3;
export const FOCUS_DEPTH = 0.78;

/** Screen row of the desk's back edge against the wall. */
export const DESK_TOP_Y = Math.round(
  DESK_CAMERA.horizonY + (DESK_CAMERA.focal * DESK_CAMERA.eyeHeight) / DESK_BACK_DEPTH,
);

/** Projects a point on (or `lift` metres above) the desk top to the screen. */
export function projectDesk(across: number, depth: number, lift = 0): Point {
  return {
    x: DESK_CAMERA.centreX + (DESK_CAMERA.focal * across) / depth,
    y: DESK_CAMERA.horizonY + (DESK_CAMERA.focal * (DESK_CAMERA.eyeHeight - lift)) / depth,
  };
}

/** A flat sheet lying on the desk: its centre, size and turn, all in metres and radians. */
export interface Sheet {
  readonly across: number;
  readonly depth: number;
  readonly width: number;
  readonly length: number;
  readonly turn: number;
}

/**
 * Maps a point on a sheet, `u` across its width and `v` down its length (both 0..1, `v = 0` at
 * the far edge), to the screen.
 */
export function sheetPoint(sheet: Sheet, u: number, v: number): Point {
  const localX = (u - 0.5) * sheet.width;
  const localZ = (0.5 - v) * sheet.length;
  const cos = Math.cos(sheet.turn);
  const sin = Math.sin(sheet.turn);
  return projectDesk(
    sheet.across + localX * cos - localZ * sin,
    sheet.depth + localX * sin + localZ * cos,
  );
}

export function sheetQuad(sheet: Sheet, u0: number, v0: number, u1: number, v1: number): string {
  return points([
    sheetPoint(sheet, u0, v0),
    sheetPoint(sheet, u1, v0),
    sheetPoint(sheet, u1, v1),
    sheetPoint(sheet, u0, v1),
  ]);
}

export const LETTER: Sheet = {
  across: -0.07,
  depth: FOCUS_DEPTH,
  width: 0.21,
  length: 0.297,
  turn: -0.16,
};
export const ENVELOPE: Sheet = { across: -0.3, depth: 0.96, width: 0.23, length: 0.12, turn: 0.2 };

/** The window opening, in pixels. */
export const WINDOW = { left: 520, right: 2260, top: -60, bottom: 790 } as const;

/** The lamp: base on the desk at the right, shade glowing at the top-right corner. */
export const LAMP = { across: 0.5, depth: 1.1 } as const;

/** A foreground mug at the bottom left, well in front of the focal plane. */
export const MUG = { across: -0.255, depth: 0.52, radius: 0.045, height: 0.1 } as const;

/** The outline of the curtain hanging across the left of the window, down to the desk. */
export const CURTAIN_OUTLINE = `M330,-60 L790,-60 C770,300 820,600 760,${DESK_TOP_Y} L300,${DESK_TOP_Y} C330,600 300,300 330,-60 Z`;

/** Where the lamp shade's lower rim meets the picture: 0.32 m above the desk top. */
export function lampShadeRim(): Point {
  return projectDesk(LAMP.across, LAMP.depth, 0.32);
}

/** The lamp shade: a cone of cloth running out of the top of the frame. */
export function lampShadeOutline(drop = 0): string {
  const rim = lampShadeRim();
  return `M${n(rim.x - 380)},${n(rim.y + drop)} L${n(rim.x + 380)},${n(rim.y + drop)} L${n(rim.x + 250)},-200 L${n(rim.x - 250)},-200 Z`;
}
