/**
 * SVG markup helpers for the scenes: numbers are rounded so the markup (and so the render) is
 * stable and compact.
 */
import { clamp01 } from "./noise.ts";
import type { Frame, Point } from "./picture.ts";

export function n(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

export function rgb(r: number, g: number, b: number): string {
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

export function points(corners: readonly Point[]): string {
  return corners.map((p) => `${n(p.x)},${n(p.y)}`).join(" ");
}

export function svgDocument(frame: Frame, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">${body}</svg>`;
}

/** A gradient stop; `opacity` defaults to fully opaque. */
export function stop(offset: number, color: string, opacity = 1): string {
  return `<stop offset="${n(offset * 100)}%" stop-color="${color}" stop-opacity="${n(opacity)}"/>`;
}

/** A Gaussian-blur filter definition; soft edges are what stop shapes looking drawn. */
export function blurFilter(id: string, deviation: number): string {
  return `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${n(deviation)}"/></filter>`;
}

/**
 * Many soft light and dark bands across a width: the folds of a curtain, a drape or a flag.
 * Returned as gradient stops so one rectangle can carry all of them.
 */
export function foldStops(random: () => number, count: number, strength: number): string {
  const stops: string[] = [];
  for (let i = 0; i <= count; i++) {
    const offset = (i + (random() - 0.5) * 0.6) / count;
    const light = random() > 0.5;
    stops.push(
      stop(clamp01(offset), light ? "#ffffff" : "#000000", strength * (0.3 + 0.7 * random())),
    );
  }
  return stops.join("");
}
