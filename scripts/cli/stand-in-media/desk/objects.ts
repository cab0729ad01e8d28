/** Everything on the desk: the letter and its envelope, the pen, the lamp and the mug. */

import type { Point } from "../picture.ts";
import { blurFilter, n, points, stop, svgDocument } from "../svg.ts";
import {
  DESK_CAMERA,
  DESK_FRAME,
  ENVELOPE,
  LAMP,
  LETTER,
  lampShadeOutline,
  lampShadeRim,
  MUG,
  projectDesk,
  type Sheet,
  sheetPoint,
  sheetQuad,
} from "./scene.ts";

/** The letter: three panels left by its folds, each catching the lamp a little differently. */
function letter(random: () => number): string {
  const panelTones = ["#f7f1e6", "#ebe4d7", "#f4eee2"];
  const panels = panelTones
    .map(
      (tone, i) =>
        `<polygon points="${sheetQuad(LETTER, 0, i / 3, 1, (i + 1) / 3)}" fill="${tone}"/>`,
    )
    .join("");
  const creases = [1 / 3, 2 / 3]
    .map(
      (v) =>
        `<polygon points="${sheetQuad(LETTER, 0, v - 0.004, 1, v)}" fill="#bfb6a6" fill-opacity="0.7"/>` +
        `<polygon points="${sheetQuad(LETTER, 0, v, 1, v + 0.004)}" fill="#ffffff" fill-opacity="0.8"/>`,
    )
    .join("");
  return `<g>${panels}${creases}${writing(random)}</g>`;
}

/**
 * Faint broken strokes where lines of typing would be: they suggest a letter without being
 * legible (the pictures carry no text), and the lens softens them further.
 */
function writing(random: () => number): string {
  const strokes: string[] = [];
  const lineCount = 24;
  for (let line = 0; line < lineCount; line++) {
    const v = 0.14 + (line / lineCount) * 0.7 + (line > 2 ? 0.03 : 0);
    if (line === 3 || line === 11 || line === 19) continue; // paragraph breaks
    let u = line === 0 || line === 4 ? 0.14 : 0.1;
    const end = line === 2 || line === 10 || line === 18 ? 0.35 + random() * 0.3 : 0.88;
    while (u < end) {
      const word = 0.02 + random() * 0.06;
      const stopAt = Math.min(u + word, end);
      strokes.push(`<polygon points="${sheetQuad(LETTER, u, v, stopAt, v + 0.007)}"/>`);
      u = stopAt + 0.008;
    }
  }
  return `<g fill="#3b3648" fill-opacity="0.27" filter="url(#ink)">${strokes.join("")}</g>`;
}

/** The envelope the letter came in, lying face down further back. */
function envelope(): string {
  const body = sheetQuad(ENVELOPE, 0, 0, 1, 1);
  const flap = points([
    sheetPoint(ENVELOPE, 0, 0),
    sheetPoint(ENVELOPE, 0.5, 0.62),
    sheetPoint(ENVELOPE, 1, 0),
  ]);
  return `<polygon points="${body}" fill="#e4dccb"/>
    <polygon points="${flap}" fill="#d6cdbb"/>
    <polyline points="${flap}" fill="none" stroke="#b9af9c" stroke-width="3"/>`;
}

/** A fountain pen lying beside the letter, with the soft shadow the lamp gives it. */
function pen(): string {
  const start = projectDesk(0.13, 0.69, 0.006);
  const end = projectDesk(0.24, 0.86, 0.006);
  const bandStart = projectDesk(0.2, 0.8, 0.006);
  const bandEnd = projectDesk(0.204, 0.806, 0.006);
  const shadowStart = projectDesk(0.118, 0.678);
  const shadowEnd = projectDesk(0.228, 0.848);
  const line = (a: Point, b: Point) =>
    `x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}"`;
  return `<line ${line(shadowStart, shadowEnd)} stroke="#000" stroke-opacity="0.55" stroke-width="40" stroke-linecap="round" filter="url(#shadow)"/>
    <line ${line(start, end)} stroke="#15161b" stroke-width="34" stroke-linecap="round"/>
    <line ${line(start, end)} stroke="#6d7180" stroke-width="6" stroke-linecap="round" transform="translate(4,-9)"/>
    <line ${line(bandStart, bandEnd)} stroke="#b8914f" stroke-width="35"/>`;
}

/** The brass desk lamp at the right; only its base, stem and the rim of its shade show. */
function lamp(): string {
  const base = projectDesk(LAMP.across, LAMP.depth);
  const shade = lampShadeRim();
  return `<ellipse cx="${n(base.x + 40)}" cy="${n(base.y + 14)}" rx="190" ry="46" fill="#000" fill-opacity="0.6" filter="url(#shadow)"/>
    <ellipse cx="${n(base.x)}" cy="${n(base.y)}" rx="160" ry="40" fill="url(#brass)"/>
    <path d="M${n(base.x - 160)},${n(base.y)} C${n(base.x - 150)},${n(base.y - 70)} ${n(base.x + 150)},${n(base.y - 70)} ${n(base.x + 160)},${n(base.y)} Z" fill="url(#brass)"/>
    <rect x="${n(base.x - 14)}" y="${n(shade.y)}" width="28" height="${n(base.y - shade.y - 50)}" fill="url(#brass)"/>
    <path d="${lampShadeOutline()}" fill="url(#shadeCloth)"/>
    <ellipse cx="${n(shade.x)}" cy="${n(shade.y)}" rx="380" ry="22" fill="#fff6df"/>`;
}

/** A mug in the near foreground, so the eye reads depth in front of the letter too. */
function mug(): string {
  const bottom = projectDesk(MUG.across, MUG.depth);
  const top = projectDesk(MUG.across, MUG.depth, MUG.height);
  const rx = (DESK_CAMERA.focal * MUG.radius) / MUG.depth;
  const ryTop = rx * ((DESK_CAMERA.eyeHeight - MUG.height) / MUG.depth);
  const ryBottom = rx * (DESK_CAMERA.eyeHeight / MUG.depth);
  return `<ellipse cx="${n(bottom.x - 60)}" cy="${n(bottom.y + 30)}" rx="${n(rx * 1.3)}" ry="${n(ryBottom * 1.2)}" fill="#000" fill-opacity="0.55" filter="url(#shadow)"/>
    <path d="M${n(top.x - rx)},${n(top.y)} L${n(bottom.x - rx)},${n(bottom.y)} A${n(rx)},${n(ryBottom)} 0 0 0 ${n(bottom.x + rx)},${n(bottom.y)} L${n(top.x + rx)},${n(top.y)} Z" fill="url(#mugBody)"/>
    <ellipse cx="${n(top.x)}" cy="${n(top.y)}" rx="${n(rx)}" ry="${n(ryTop)}" fill="#6b7a8e"/>
    <rect x="${n(top.x + rx * 0.62)}" y="${n(top.y + 20)}" width="${n(rx * 0.14)}" height="${n(bottom.y - top.y - 40)}" fill="#f2c58c" fill-opacity="0.55"/>
    <ellipse cx="${n(top.x)}" cy="${n(top.y + 4)}" rx="${n(rx * 0.9)}" ry="${n(ryTop * 0.82)}" fill="#2b1a10"/>`;
}

/** Everything standing or lying on the desk, over a transparent background. */
export function deskObjectsSvg(random: () => number): string {
  const shadowOffset = (sheet: Sheet): Sheet => ({
    ...sheet,
    across: sheet.across - 0.006,
    depth: sheet.depth - 0.008,
  });
  return svgDocument(
    DESK_FRAME,
    `<defs>
      ${blurFilter("shadow", 14)}
      ${blurFilter("ink", 1.4)}
      <linearGradient id="brass" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#4a3516")}${stop(0.35, "#b08a45")}${stop(0.55, "#e3c27a")}${stop(1, "#5a4119")}
      </linearGradient>
      <linearGradient id="shadeCloth" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#cdb48c")}${stop(0.5, "#f3e2c2")}${stop(1, "#c4a97f")}
      </linearGradient>
      <linearGradient id="mugBody" x1="0" y1="0" x2="1" y2="0">
        ${stop(0, "#1c2530")}${stop(0.35, "#3d4c5e")}${stop(0.7, "#2a3644")}${stop(0.88, "#8d8a86")}${stop(1, "#222a35")}
      </linearGradient>
    </defs>
    <polygon points="${sheetQuad(shadowOffset(ENVELOPE), 0, 0, 1, 1)}" fill="#000" fill-opacity="0.5" filter="url(#shadow)"/>
    ${envelope()}
    <polygon points="${sheetQuad(shadowOffset(LETTER), 0, 0, 1, 1)}" fill="#000" fill-opacity="0.55" filter="url(#shadow)"/>
    ${letter(random)}
    ${pen()}
    ${lamp()}
    ${mug()}`,
  );
}
