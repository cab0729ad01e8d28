/**
 * The site's stylesheets and scripts minified by esbuild, remembered between builds. Every build
 * names its assets by their minified bytes, and starting esbuild and minifying cost about 0.1 s
 * of a build that changes nothing, so each asset's last minified form is kept in a checked file
 * (`.cache/minified/` in Broadsheet's folder, one per asset path), keyed by the source's text,
 * the options and esbuild's version; esbuild is loaded only when one changed.
 */
import { createRequire } from "node:module";
import type { TransformOptions } from "esbuild";
import { keyOf } from "../engine/hashing.ts";
import { installedVersion, KeptDerivations } from "./kept-derivation.ts";

const require = createRequire(import.meta.url);

/** The minified forms, by asset path: beside the compiled code, in Broadsheet's own cache. */
const KEPT = new KeptDerivations("minified");

let esbuild: typeof import("esbuild") | undefined;

/** esbuild, loaded on the first asset that changed (a synchronous load: assets load so). */
function loadEsbuild(): typeof import("esbuild") {
  esbuild ??= require("esbuild") as typeof import("esbuild");
  return esbuild;
}

const VERSION_OF_ESBUILD = installedVersion("esbuild");

/**
 * `text` (the asset at `source`) minified with `options`. A damaged or stale entry is
 * minified again; a cache that cannot be written is skipped.
 */
export function minified(source: string, text: string, options: TransformOptions): string {
  const key = keyOf(VERSION_OF_ESBUILD, JSON.stringify(options), text);
  const kept = KEPT.read(source, key);
  if (kept !== undefined) return kept;
  const { code } = loadEsbuild().transformSync(text, options);
  KEPT.keep(source, key, code);
  return code;
}
