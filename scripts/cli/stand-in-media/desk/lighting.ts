/**
 * The desk photograph's maps: how much light reaches each pixel, the light added on top, and
 * how far each part is out of focus.
 */

import { clamp01 } from "../noise.ts";
import { blurFilter, n, rgb, stop, svgDocument } from "../svg.ts";
import {
  CURTAIN_OUTLINE,
  DESK_BACK_DEPTH,
  DESK_CAMERA,
  DESK_FRAME,
  DESK_TOP_Y,
  FOCUS_DEPTH,
  LAMP,
  LETTER,
  lampShadeOutline,
  lampShadeRim,
  MUG,
  projectDesk,
  sheetPoint,
  WINDOW,
} from "./scene.ts";

/**
 * How much light reaches each pixel: dim, cool room light; cool window light along the back of
 * the desk; a warm pool under the lamp centred on the letter. The window, curtain and shade
 * glow by themselves, so they are left at full value.
 */
export function deskLightSvg(): string {
  const pool = projectDesk(0.02, 0.82);
  const shade = lampShadeRim();
  const { left, right, top, bottom } = WINDOW;
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="windowSpill" x1="0" y1="${DESK_TOP_Y}" x2="0" y2="${DESK_FRAME.height}" gradientUnits="userSpaceOnUse">
        ${stop(0, "#a9b3c8", 0.9)}${stop(0.35, "#a9b3c8", 0.25)}${stop(1, "#a9b3c8", 0)}
      </linearGradient>
      <radialGradient id="pool" cx="${n(pool.x)}" cy="${n(pool.y)}" r="1350" gradientTransform="translate(${n(pool.x)},${n(pool.y)}) scale(1,0.55) translate(${n(-pool.x)},${n(-pool.y)})" gradientUnits="userSpaceOnUse">
        ${stop(0, "#fff0d8")}${stop(0.3, "#ffe1b8", 0.9)}${stop(0.65, "#e9a967", 0.4)}${stop(1, "#d08a4a", 0)}
      </radialGradient>
      <radialGradient id="wallGlow" cx="${n(shade.x)}" cy="${n(shade.y)}" r="900" gradientUnits="userSpaceOnUse">
        ${stop(0, "#ffd9a8", 0.8)}${stop(1, "#ffd9a8", 0)}
      </radialGradient>
      ${blurFilter("edge", 30)}
    </defs>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="#5f6170"/>
    <rect y="${DESK_TOP_Y}" width="${DESK_FRAME.width}" height="${DESK_FRAME.height - DESK_TOP_Y}" fill="url(#windowSpill)"/>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="url(#pool)"/>
    <rect width="${DESK_FRAME.width}" height="${DESK_TOP_Y}" fill="url(#wallGlow)"/>
    <g filter="url(#edge)">
      <rect x="${left - 30}" y="${top}" width="${right - left + 60}" height="${bottom - top + 40}" fill="#b4b4bc"/>
      <path d="${CURTAIN_OUTLINE}" fill="#cfd0d6"/>
    </g>
    <rect x="${left + 30}" y="${top}" width="${right - left - 60}" height="${bottom - top - 10}" fill="#ffffff"/>
    <path d="${lampShadeOutline(24)}" fill="#ffffff"/>`,
  );
}

/**
 * Light added on top: the window's reflection in the polished desk, the glow under the lamp
 * shade and a warm sheen on the paper.
 */
export function deskGlowSvg(): string {
  const shade = lampShadeRim();
  const paper = sheetPoint(LETTER, 0.55, 0.35);
  const { left, right } = WINDOW;
  const third = (right - left) / 3;
  const reflections = [0, 1, 2]
    .map(
      (i) =>
        `<rect x="${n(left + i * third + 40)}" y="${DESK_TOP_Y + 6}" width="${n(third - 80)}" height="260" fill="url(#reflection)"/>`,
    )
    .join("");
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="reflection" x1="0" y1="0" x2="0" y2="1">
        ${stop(0, "#7c8aa4", 0.75)}${stop(1, "#7c8aa4", 0)}
      </linearGradient>
      <radialGradient id="bulb">${stop(0, "#fff1cf")}${stop(0.4, "#ffc77d", 0.6)}${stop(1, "#ff9f45", 0)}</radialGradient>
      <radialGradient id="sheen">${stop(0, "#ffcf95", 0.4)}${stop(1, "#ffcf95", 0)}</radialGradient>
      ${blurFilter("glow", 26)}
    </defs>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="#000"/>
    <g filter="url(#glow)">${reflections}</g>
    <ellipse cx="${n(shade.x)}" cy="${n(shade.y + 10)}" rx="520" ry="170" fill="url(#bulb)"/>
    <ellipse cx="${n(paper.x)}" cy="${n(paper.y)}" rx="520" ry="260" fill="url(#sheen)"/>`,
  );
}

/**
 * The focus map: 0 on the letter's plane, rising with distance from it in dioptres (which is
 * what blur really tracks). On the desk that is linear in screen row, so one gradient does it.
 */
export function deskFocusSvg(): string {
  const blurAt = (depth: number) =>
    Math.round(255 * clamp01(Math.abs(1 / depth - 1 / FOCUS_DEPTH) / 1.3));
  const grey = (depth: number) => rgb(blurAt(depth), blurAt(depth), blurAt(depth));
  const focusY = projectDesk(0, FOCUS_DEPTH).y;
  const bottomDepth =
    (DESK_CAMERA.focal * DESK_CAMERA.eyeHeight) / (DESK_FRAME.height - DESK_CAMERA.horizonY);
  const focusAt = (focusY - DESK_TOP_Y) / (DESK_FRAME.height - DESK_TOP_Y);
  const shade = lampShadeRim();
  const base = projectDesk(LAMP.across, LAMP.depth);
  const mugTop = projectDesk(MUG.across, MUG.depth, MUG.height);
  const mugX = projectDesk(MUG.across, MUG.depth).x;
  const mugRx = (DESK_CAMERA.focal * MUG.radius) / MUG.depth;
  const { left, right, top, bottom } = WINDOW;
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="deskDepth" x1="0" y1="${DESK_TOP_Y}" x2="0" y2="${DESK_FRAME.height}" gradientUnits="userSpaceOnUse">
        ${stop(0, grey(DESK_BACK_DEPTH))}${stop(focusAt, grey(FOCUS_DEPTH))}${stop(1, grey(bottomDepth))}
      </linearGradient>
      ${blurFilter("soften", 8)}
    </defs>
    <g filter="url(#soften)">
      <rect width="${DESK_FRAME.width}" height="${DESK_TOP_Y}" fill="${grey(1.5)}"/>
      <rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="${grey(8)}"/>
      <rect y="${DESK_TOP_Y}" width="${DESK_FRAME.width}" height="${DESK_FRAME.height - DESK_TOP_Y}" fill="url(#deskDepth)"/>
      <path d="${CURTAIN_OUTLINE}" fill="${grey(1.4)}"/>
      <rect x="${n(shade.x - 400)}" y="-200" width="800" height="${n(base.y - shade.y + 260)}" fill="${grey(LAMP.depth)}"/>
      <rect x="${n(mugX - mugRx - 10)}" y="${n(mugTop.y - 60)}" width="${n(2 * mugRx + 20)}" height="${DESK_FRAME.height}" fill="${grey(MUG.depth)}"/>
    </g>`,
  );
}
