/**
 * What the three providers' URL grammars share: the request, read back from a URL as plain
 * data, and the few spellings they agree on.
 */
import type { OutputFormat } from "../types.ts";

/** What one CDN URL asks for, as read back from it. */
export interface RenditionQuery {
  /** The master's path on the site's origin, path prefix included: `/news/media/x-master.jpg`. */
  readonly master: string;
  readonly width: number;
  /** Present for crops: the exact height asked for. */
  readonly height?: number;
  readonly format: OutputFormat;
  readonly quality: number;
  /** Present when the CDN cuts the crop around a focal point. */
  readonly focus?: readonly [number, number];
}

/**
 * Master paths Broadsheet writes: the path prefix (letters, digits, `. _ ~ -`) and media names
 * (lowercase letters, digits, hyphens). Nothing in them needs escaping in a path or a query, so
 * a URL carries them as written; anything else is a bug, refused rather than mis-escaped.
 */
const SAFE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+$/;

export function checkedMasterPath(path: string): string {
  if (!SAFE_PATH.test(path) || path.split("/").includes("..")) {
    throw new Error(`image CDN: "${path}" is not a master path Broadsheet writes`);
  }
  return path;
}

export function isMasterPath(path: string): boolean {
  return SAFE_PATH.test(path) && !path.split("/").includes("..");
}

/** A focal fraction as the providers read it: at most four decimals, no trailing zeros. */
export function fraction(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** Reads a fraction written by {@link fraction}: a plain decimal from 0 to 1. */
export function readFraction(text: string | undefined): number | undefined {
  if (text === undefined || !/^(?:0|1|0\.\d{0,3}[1-9])$/.test(text)) return undefined;
  return Number(text);
}

/** A positive integer written plainly (no sign, no leading zero), or undefined. */
export function readCount(text: string | undefined, max = 100_000): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,5}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** A quality from 1 to 100. */
export function readQuality(text: string | undefined): number | undefined {
  return readCount(text, 100);
}

/** A DNS host name: letters, digits and hyphens in dot-separated labels, at least two labels. */
export function isHostName(value: string): boolean {
  return (
    value.length <= 253 &&
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(value)
  );
}
