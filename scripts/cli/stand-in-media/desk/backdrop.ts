/** Everything behind the desk top: the wall, the window at dusk and the curtain. */

import { blurFilter, foldStops, n, rgb, stop, svgDocument } from "../svg.ts";
import { CURTAIN_OUTLINE, DESK_FRAME, WINDOW } from "./scene.ts";

/** Outside the window at dusk: a fading sky above dark trees. */
function dusk(random: () => number): string {
  const trees: string[] = [];
  for (let i = 0; i < 70; i++) {
    const x = WINDOW.left + random() * (WINDOW.right - WINDOW.left);
    const y = 330 + random() * 520;
    const shade = 28 + random() * 26;
    trees.push(
      `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(60 + random() * 170)}" ry="${n(50 + random() * 130)}" fill="${rgb(shade, shade + 8, shade + 12)}"/>`,
    );
  }
  return `
    <rect x="${WINDOW.left}" y="${WINDOW.top}" width="${WINDOW.right - WINDOW.left}" height="${WINDOW.bottom - WINDOW.top}" fill="url(#sky)"/>
    <g filter="url(#soft)">${trees.join("")}</g>`;
}

/** The window's painted frame: outer casing, two mullions and a transom. */
function windowFrame(): string {
  const colour = "#cbc3b6";
  const { left, right, top, bottom } = WINDOW;
  const third = (right - left) / 3;
  const bars = [
    `<rect x="${left - 30}" y="${top}" width="60" height="${bottom - top}"/>`,
    `<rect x="${right - 30}" y="${top}" width="60" height="${bottom - top}"/>`,
    `<rect x="${n(left + third - 18)}" y="${top}" width="36" height="${bottom - top}"/>`,
    `<rect x="${n(left + 2 * third - 18)}" y="${top}" width="36" height="${bottom - top}"/>`,
    `<rect x="${left}" y="330" width="${right - left}" height="32"/>`,
    `<rect x="${left - 60}" y="${bottom - 10}" width="${right - left + 120}" height="52" fill="#ddd5c8"/>`,
  ];
  return `<g fill="${colour}">${bars.join("")}</g>`;
}

/** A sheer curtain drawn across the left of the window, its folds lit from behind. */
function curtain(random: () => number): string {
  return `
    <linearGradient id="curtainFolds" x1="0" y1="0" x2="1" y2="0">${foldStops(random, 14, 0.35)}</linearGradient>
    <path d="${CURTAIN_OUTLINE}" fill="#e7dccb" fill-opacity="0.92"/>
    <path d="${CURTAIN_OUTLINE}" fill="url(#curtainFolds)"/>`;
}

/** Wall, window, view and curtain: everything behind the desk top. */
export function deskBackdropSvg(random: () => number): string {
  return svgDocument(
    DESK_FRAME,
    `<defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        ${stop(0, "#5d7396")}${stop(0.45, "#9aa6bb")}${stop(0.8, "#d9b99a")}${stop(1, "#e6c3a0")}
      </linearGradient>
      <linearGradient id="wall" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#6f665e")}${stop(0.5, "#857a6f")}${stop(1, "#6a6058")}
      </linearGradient>
      ${blurFilter("soft", 22)}
    </defs>
    <rect width="${DESK_FRAME.width}" height="${DESK_FRAME.height}" fill="url(#wall)"/>
    ${dusk(random)}
    ${windowFrame()}
    ${curtain(random)}`,
  );
}
