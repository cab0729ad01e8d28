/**
 * Bundles Sveltia CMS from its npm package with esbuild: the editor loads nothing from a CDN.
 * The bundle depends only on the installed packages, esbuild, assets/admin/cms.js and the
 * modules it imports (the preview draws with the site's layouts), so it is kept in
 * node_modules/.cache under a hash of those and rebuilt only when one changes (a build that
 * bundles takes a few seconds; a cached one reads the files).
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, version as esbuildVersion, type Plugin } from "esbuild";
import { CodeVersions } from "../engine/code-version.ts";
import { CMS_VERSION, ENTRY, PACKAGE_DIR } from "./version.ts";

/** One file of /admin/, relative to it: `cms.js`, `assets/...woff2`. */
export interface AdminFile {
  readonly path: string;
  readonly bytes: Buffer;
}

export { CMS_VERSION, ENTRY } from "./version.ts";

/** Fonts, the map marker and WebAssembly the package loads beside its script, by relative URL. */
const PACKAGE_ASSETS = path.join(PACKAGE_DIR, "npm/assets");

const CACHE_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.resolve("esbuild"))),
  "../../.cache/broadsheet-admin",
);

/** The package's own files, rewritten as they are bundled (see `localise`). */
const PACKAGE_CODE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/](?:index|chunks[\\/][^\\/]+)\.js$/;

/** Its user-interface fonts, which its stylesheet would fetch from a CDN. */
const CDN_FONT =
  /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;

/** GitHub's public status page, which it polls: a host other than the git host's API. */
const STATUS_URL = "https://www.githubstatus.com/api/v2/status.json";
/** What the status page answers when all is well, so the editor never asks. */
const STATUS_OK = `data:application/json,${encodeURIComponent('{"status":{"indicator":"none"}}')}`;

/**
 * Keeps the editor on this site: the same fonts from the package's own files (an injected
 * stylesheet resolves `assets/...` against /admin/), no status polling of githubstatus.com, and
 * its encoders' WebAssembly at `./assets/` (they look in `../assets/` from the package's
 * `chunks/` folder; every bundled file sits in /admin/ itself). A font the package no longer
 * ships fails the build rather than falling back to the CDN.
 */
export function localise(code: string, assetNames: readonly string[]): string {
  return code
    .replace(CDN_FONT, (url, family: string, file: string) => {
      const local = assetNames.find((name) => name.startsWith(`${family}-${file}-`));
      if (!local) throw new Error(`@sveltia/cms wants ${url}, and ships no copy of it`);
      return `assets/${local}`;
    })
    .replaceAll(STATUS_URL, STATUS_OK)
    .replaceAll("`../assets/", "`./assets/");
}

const localiseCode: Plugin = {
  name: "localise",
  setup(builder) {
    const assetNames = readdirSync(PACKAGE_ASSETS);
    builder.onLoad({ filter: PACKAGE_CODE }, (args) => ({
      contents: localise(readFileSync(args.path, "utf8"), assetNames),
      loader: "js",
    }));
  },
};

/** Broadsheet's own folder: the bundle is made from there, wherever the site being built is. */
const CODE_ROOT = path.resolve(path.dirname(ENTRY), "../..");

/**
 * Fixed options: the same inputs give the same bytes. esbuild names chunks by hashes that take
 * in module paths relative to its working folder, so that folder is Broadsheet's own (not the
 * site's, which differs between a newsroom's machine and CI) and symbolic links in paths are
 * kept as written (a linked node_modules names its files as a real one would).
 */
const OPTIONS: BuildOptions = {
  absWorkingDir: CODE_ROOT,
  preserveSymlinks: true,
  entryPoints: { cms: path.relative(CODE_ROOT, ENTRY) },
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  minify: true,
  // Keeps the MIT notices of Sveltia CMS and its libraries with the code.
  legalComments: "eof",
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  write: false,
  outdir: "/admin",
  logLevel: "silent",
  plugins: [localiseCode],
};

/** What the bundle depends on, as one hash. */
function bundleKey(): string {
  return (
    createHash("sha256")
      .update(`esbuild ${esbuildVersion}\n@sveltia/cms ${CMS_VERSION}\n`)
      .update(
        JSON.stringify({ ...OPTIONS, plugins: OPTIONS.plugins?.map((plugin) => plugin.name) }),
      )
      // The entry and every module it reaches: the preview bundles the site's own layouts.
      .update(new CodeVersions(CODE_ROOT).of(path.relative(CODE_ROOT, ENTRY)))
      .update(readFileSync(fileURLToPath(import.meta.url)))
      .digest("hex")
      .slice(0, 24)
  );
}

/** The CMS's script, its chunks and its assets, sorted by path. */
export async function cmsBundle(): Promise<AdminFile[]> {
  const key = bundleKey();
  const cached = path.join(CACHE_DIR, key);
  if (existsSync(path.join(cached, "files.json"))) return readCache(cached);
  const result = await build(OPTIONS);
  const files: AdminFile[] = [
    ...(result.outputFiles ?? []).map((file) => ({
      path: path.posix.relative("/admin", file.path.split(path.sep).join("/")),
      bytes: Buffer.from(file.contents),
    })),
    ...readdirSync(PACKAGE_ASSETS)
      .filter((name) => !name.endsWith(".map"))
      .map((name) => ({
        path: `assets/${name}`,
        bytes: readFileSync(path.join(PACKAGE_ASSETS, name)),
      })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  writeCache(cached, files);
  return files;
}

function readCache(dir: string): AdminFile[] {
  const names = JSON.parse(readFileSync(path.join(dir, "files.json"), "utf8")) as string[];
  return names.map((name) => ({ path: name, bytes: readFileSync(path.join(dir, name)) }));
}

/** Written to a temporary folder, then renamed: a half-written cache is never read. */
function writeCache(dir: string, files: readonly AdminFile[]): void {
  const temporary = `${dir}.${process.pid}.tmp`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    for (const file of files) {
      const target = path.join(temporary, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    writeFileSync(
      path.join(temporary, "files.json"),
      JSON.stringify(files.map((file) => file.path)),
    );
    renameSync(temporary, dir);
  } catch {
    // A cache that cannot be written (read-only node_modules, a parallel build) costs time only.
    rmSync(temporary, { recursive: true, force: true });
  }
}
