// @ts-check
/**
 * The sources compiled code is made from, and their fingerprint. The fingerprint hashes every
 * source's content (about 400 files, 1.8 MB: 15 ms here), not its size and modification time: a
 * copy that keeps times (`cp -p`, rsync, a tar or cache restore) must not run code compiled
 * from other sources. It names the compiled folder, so a folder whose name matches holds code
 * compiled from exactly these sources.
 */
import { createHash, hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The folders whose code the launcher compiles (relative to the repository). */
const SOURCE_DIRS = ["scripts", "layouts"];

/**
 * Files at the root the compiled code depends on: the Eleventy configuration, the packages'
 * versions (they stay outside the bundle, but a new lock file means new code to run against),
 * and the TypeScript settings esbuild reads (JSX).
 */
const ROOT_FILES = [".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json"];

/** What a source module can be; anything else (Markdown, SVG, YAML) never reaches a bundle. */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|json)$/;

/**
 * Bumped when what the launcher writes changes shape (the manifest, the folder's layout), so
 * older compiled folders are never read as current ones.
 */
export const COMPILED_FORMAT = 1;

/**
 * Every source file under the repository, relative, sorted.
 * @param {string} root
 * @returns {string[]}
 */
export function sourceFiles(root) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (SOURCE_FILE.test(entry.name)) found.push(relative);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  found.push(...ROOT_FILES);
  return found.sort();
}

/**
 * The installed esbuild's version: its output is part of what a fingerprint stands for.
 * @param {string} root
 */
function esbuildVersion(root) {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(root, "node_modules/esbuild/package.json"), "utf8"),
    );
    return String(manifest.version);
  } catch {
    return "missing";
  }
}

/**
 * The fingerprint of the sources under `root`: the format, the repository's own path (compiled
 * code names its sources' locations), esbuild's version, and each file's path and content.
 * @param {string} root
 * @param {readonly string[]} [files]
 * @returns {string}
 */
export function fingerprint(root, files = sourceFiles(root)) {
  const whole = createHash("sha256");
  whole.update(
    `broadsheet-compiled ${COMPILED_FORMAT}\0${root}\0esbuild ${esbuildVersion(root)}\0`,
  );
  for (const file of files) {
    let content;
    try {
      content = readFileSync(path.join(root, file));
    } catch {
      // A root file that is missing (no package-lock.json) stands as missing.
      content = undefined;
    }
    whole.update(`${file}\0${content ? hash("sha256", content, "hex") : "-"}\n`);
  }
  return whole.digest("hex").slice(0, 32);
}
