/**
 * The site's stylesheets and scripts minified by esbuild, remembered between builds. Every build
 * names its assets by their minified bytes, and starting esbuild and minifying cost about 0.1 s
 * of a build that changes nothing, so each asset's last minified form is kept in a checked file
 * (`.cache/minified/` in Broadsheet's folder, one per asset path), keyed by the source's text,
 * the options and esbuild's version; esbuild is loaded only when one changed.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TransformOptions } from "esbuild";
import { readCheckedJson, writeCheckedJson } from "../engine/checked-file.ts";
import { keyOf, sha256 } from "../engine/hashing.ts";

const require = createRequire(import.meta.url);

/** Where the minified forms are kept: beside the compiled code, in Broadsheet's own cache. */
const CACHE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../.cache/minified",
);

const KIND = "minified";
const VERSION = 1;

interface Entry {
  readonly key: string;
  readonly code: string;
}

let esbuild: typeof import("esbuild") | undefined;

/** esbuild, loaded on the first asset that changed (a synchronous load: assets load so). */
function loadEsbuild(): typeof import("esbuild") {
  esbuild ??= require("esbuild") as typeof import("esbuild");
  return esbuild;
}

/** The installed esbuild's version, read without loading it. */
function esbuildVersion(): string {
  try {
    return (require("esbuild/package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

const VERSION_OF_ESBUILD = esbuildVersion();

/**
 * `text` (the asset at `source`) minified with `options`. A damaged or stale entry is
 * minified again; a cache that cannot be written is skipped.
 */
export function minified(source: string, text: string, options: TransformOptions): string {
  const key = keyOf(VERSION_OF_ESBUILD, JSON.stringify(options), text);
  const file = path.join(CACHE_DIR, `${sha256(source).slice(0, 32)}.json`);
  const kept = readCheckedJson<Entry>(file, KIND, VERSION);
  if (kept.ok && kept.value.key === key && typeof kept.value.code === "string") {
    return kept.value.code;
  }
  const { code } = loadEsbuild().transformSync(text, options);
  try {
    writeCheckedJson(file, KIND, VERSION, { key, code } satisfies Entry, {
      atomic: true,
      root: CACHE_DIR,
    });
  } catch {
    // A read-only checkout minifies on every build, as before.
  }
  return code;
}
