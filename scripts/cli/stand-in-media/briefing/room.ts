/** The briefing room's backdrop, the wooden podium and the front row of the audience. */
import sharp from "sharp";
import { seededRandom } from "../../../media/synthetic.ts";
import { clamp01, fractalNoise, lerp, makeValueNoise } from "../noise.ts";
import { blurFilter, foldStops, points, stop } from "../svg.ts";
import { BRIEFING_FRAME, PODIUM } from "./scene.ts";

/** The blue backdrop: spotlit, draped fabric with a faint round emblem shape and a haze of light. */
export function backdrop(random: () => number): string {
  return `<radialGradient id="spot" cx="960" cy="400" r="1100" gradientUnits="userSpaceOnUse" gradientTransform="translate(960,400) scale(1,0.7) translate(-960,-400)">
      ${stop(0, "#4673bd")}${stop(0.35, "#2a5298")}${stop(0.7, "#163469")}${stop(1, "#0a1839")}
    </radialGradient>
    <linearGradient id="drape" x1="0" y1="0" x2="1" y2="0">${foldStops(random, 26, 0.2)}</linearGradient>
    <rect width="${BRIEFING_FRAME.width}" height="${BRIEFING_FRAME.height}" fill="url(#spot)"/>
    <rect width="${BRIEFING_FRAME.width}" height="${BRIEFING_FRAME.height}" fill="url(#drape)"/>
    <circle cx="960" cy="320" r="200" fill="#88aee6" fill-opacity="0.16"/>
    <circle cx="960" cy="320" r="150" fill="#0c1d45" fill-opacity="0.14"/>
    <ellipse cx="1110" cy="780" rx="360" ry="320" fill="#000" fill-opacity="0.4" filter="url(#wide)"/>
    <polygon points="840,-40 1080,-40 1340,1080 580,1080" fill="#cfe0ff" fill-opacity="0.07" filter="url(#wide)"/>`;
}

/**
 * A flat panel of vertical-grain veneer as a PNG data URI, for SVG to clip into shape. Flat
 * gradients are what make furniture look drawn; real grain is what makes it look made.
 */
export async function woodVeneer(width: number, height: number, seed: number): Promise<string> {
  const noise = makeValueNoise(seededRandom(seed));
  const dark = [46, 27, 15] as const;
  const light = [150, 100, 62] as const;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const streak = x * 0.045 + fractalNoise(noise, x * 0.006, y * 0.0025) * 3.5;
      const figure = noise(streak, 3.7) ** 2;
      const fibre = noise(x * 0.5 + 11, y * 0.012);
      const tone = clamp01(0.12 + figure * 0.5 + fibre * 0.25 + noise(x * 0.01, y * 0.004) * 0.2);
      const i = (y * width + x) * 3;
      pixels[i] = Math.round(lerp(dark[0], light[0], tone));
      pixels[i + 1] = Math.round(lerp(dark[1], light[1], tone));
      pixels[i + 2] = Math.round(lerp(dark[2], light[2], tone));
    }
  }
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** The wooden lectern, key-lit from the front left, with a round seal and two microphones. */
export function podium(veneer: string): string {
  const { left, right, top, lip, footInset } = PODIUM;
  const bottom = BRIEFING_FRAME.height + 20;
  const centre = (left + right) / 2;
  const desk = points([
    { x: left + 26, y: top },
    { x: right - 26, y: top },
    { x: right + 4, y: lip },
    { x: left - 4, y: lip },
  ]);
  const front = points([
    { x: left, y: lip + 18 },
    { x: right, y: lip + 18 },
    { x: right - footInset, y: bottom },
    { x: left + footInset, y: bottom },
  ]);
  return `<linearGradient id="podiumKey" x1="0" y1="0" x2="1" y2="0">
      ${stop(0, "#000", 0.25)}${stop(0.28, "#000", 0)}${stop(0.7, "#000", 0.35)}${stop(1, "#000", 0.7)}
    </linearGradient>
    <clipPath id="podiumFront"><polygon points="${front}"/></clipPath>
    <linearGradient id="podiumFall" x1="0" y1="0" x2="0" y2="1">${stop(0, "#000", 0)}${stop(1, "#000", 0.55)}</linearGradient>
    <linearGradient id="podiumTop" x1="0" y1="0" x2="0" y2="1">${stop(0, "#1a0f06", 0.7)}${stop(1, "#ffe2bd", 0.12)}</linearGradient>
    <linearGradient id="gilt" x1="0" y1="0" x2="1" y2="1">${stop(0, "#d9bd7e")}${stop(0.5, "#8f7442")}${stop(1, "#5e4a28")}</linearGradient>
    ${blurFilter("seal", 0.9)}
    <radialGradient id="podiumSheen" cx="${left + 120}" cy="${lip + 60}" r="420" gradientUnits="userSpaceOnUse">${stop(0, "#ffe2bd", 0.22)}${stop(1, "#ffe2bd", 0)}</radialGradient>
    <clipPath id="podiumDesk"><polygon points="${desk}"/></clipPath>
    <image href="${veneer}" x="${left - 4}" y="${top}" width="${right - left + 8}" height="${lip - top}" preserveAspectRatio="none" clip-path="url(#podiumDesk)"/>
    <polygon points="${desk}" fill="url(#podiumTop)"/>
    <rect x="${left - 8}" y="${lip}" width="${right - left + 16}" height="18" fill="#7e5a39"/>
    <rect x="${left - 8}" y="${lip}" width="${right - left + 16}" height="4" fill="#b08760"/>
    <image href="${veneer}" x="${left}" y="${lip}" width="${right - left}" height="${bottom - lip}" preserveAspectRatio="none" clip-path="url(#podiumFront)"/>
    <polygon points="${front}" fill="url(#podiumKey)"/>
    <rect x="${left + 46}" y="${lip + 60}" width="${right - left - 92}" height="${bottom - lip}" fill="none" stroke="#24160c" stroke-opacity="0.55" stroke-width="9"/>
    <rect x="${left + 51}" y="${lip + 65}" width="${right - left - 102}" height="${bottom - lip}" fill="none" stroke="#c0936a" stroke-opacity="0.25" stroke-width="3"/>
    <polygon points="${front}" fill="url(#podiumFall)"/>
    <polygon points="${front}" fill="url(#podiumSheen)"/>
    <g filter="url(#seal)">
      <circle cx="${centre}" cy="820" r="72" fill="url(#gilt)"/>
      <circle cx="${centre}" cy="820" r="61" fill="#22386a"/>
      <circle cx="${centre}" cy="820" r="46" fill="none" stroke="#a88f5c" stroke-opacity="0.7" stroke-width="4"/>
      <ellipse cx="${centre - 3}" cy="815" rx="21" ry="25" fill="#bba57a" fill-opacity="0.6"/>
    </g>
    <path d="M${centre - 10},${top + 6} C${centre - 16},548 ${centre - 62},510 ${centre - 64},478" fill="none" stroke="#1b1c20" stroke-width="6"/>
    <path d="M${centre + 10},${top + 6} C${centre + 16},548 ${centre + 62},510 ${centre + 64},478" fill="none" stroke="#1b1c20" stroke-width="6"/>
    <ellipse cx="${centre - 68}" cy="462" rx="12" ry="23" fill="#0e0f12" transform="rotate(-20 ${centre - 68} 462)"/>
    <ellipse cx="${centre + 68}" cy="462" rx="12" ry="23" fill="#0e0f12" transform="rotate(20 ${centre + 68} 462)"/>`;
}

/** The backs of heads and shoulders in the front row, far out of focus. */
export function audience(): string {
  const people = [
    [150, 930, 120],
    [470, 1010, 130],
    [1480, 980, 120],
    [1800, 930, 135],
  ] as const;
  return people
    .map(([x, y, r]) => {
      const shoulders = `M${x - r * 2.6},1140 C${x - r * 2.4},${y + r * 1.1} ${x - r * 1.2},${y + r * 0.9} ${x},${y + r * 0.9} C${x + r * 1.2},${y + r * 0.9} ${x + r * 2.4},${y + r * 1.1} ${x + r * 2.6},1140 Z`;
      return (
        `<path d="${shoulders}" fill="#080a10"/>` +
        `<ellipse cx="${x}" cy="${y}" rx="${r * 0.82}" ry="${r}" fill="#0b0d14"/>` +
        `<ellipse cx="${x - r * 0.2}" cy="${y - r * 0.72}" rx="${r * 0.5}" ry="${r * 0.2}" fill="#4c6fa6"/>`
      );
    })
    .join("");
}
