// @ts-check
/**
 * Finds the compiled code for the sources as they are, or makes it. A compiled folder is named
 * by its sources' fingerprint (sources.mjs) and holds a manifest with the SHA-256 of every file
 * in it; it is used only when the name matches the sources and every file matches the manifest,
 * so a stale or damaged compile never runs (a damaged one is removed and made again). Compiles
 * are written to a temporary folder and renamed into place: two builds starting together each
 * compile, the first rename wins and the second uses the winner's folder.
 */
import { hash, randomBytes } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { compile, ENTRY_POINTS } from "./compile.mjs";
import { COMPILED_ROOT, compiledPath } from "./layout.mjs";
import { COMPILED_FORMAT, fingerprint, sourceFiles } from "./sources.mjs";

const MANIFEST = "manifest";
const HEADER = `broadsheet-compiled ${COMPILED_FORMAT}`;
const TEMPORARY = ".tmp-";

/** What is kept and how hard to try: one object, each value with its reason. */
const DEFAULTS = {
  /** Compiled folders kept whatever their age: switching between branches reuses them. */
  keepRecent: 3,
  /**
   * Older folders are kept while used within this time: a long build running older code may
   * still start its workers from its folder.
   */
  keepUsedWithinMs: 24 * 60 * 60_000,
  /** A temporary folder older than this was left by a killed compile (one takes seconds). */
  staleTemporaryMs: 60 * 60_000,
  /** Sources edited while compiling: compile again, at most this many times. */
  attempts: 3,
};

/**
 * @typedef {object} Compiled
 * @property {string} dir the compiled folder
 * @property {string} fingerprint
 * @property {boolean} made whether this call compiled it
 */

/**
 * The compiled code of the repository at `root`, made when missing, stale or damaged.
 * @param {string} root
 * @returns {Promise<Compiled>}
 */
export async function compiledCode(root) {
  const base = path.join(root, COMPILED_ROOT);
  for (let attempt = 1; ; attempt++) {
    const files = sourceFiles(root);
    const print = fingerprint(root, files);
    const dir = path.join(base, print);
    if (folderProblem(dir, print) === undefined) {
      markUsed(dir);
      return { dir, fingerprint: print, made: false };
    }
    removeFolder(base, dir);
    const made = await compileInto(root, base, files, print);
    if (made === "sources changed") {
      if (attempt < DEFAULTS.attempts) continue;
      throw new Error("the sources kept changing while they were compiled");
    }
    const problem = folderProblem(dir, print);
    if (problem !== undefined) throw new Error(`the compiled code is not intact: ${problem}`);
    prune(base, print);
    return { dir, fingerprint: print, made: made === "installed" };
  }
}

/**
 * Compiles into a temporary folder and renames it to the fingerprint's name. Says whether
 * this process's compile went into place, another process's did first, or the sources changed
 * while compiling (the output then stands for neither version and is thrown away).
 * @param {string} root
 * @param {string} base
 * @param {readonly string[]} files
 * @param {string} print
 * @returns {Promise<"installed" | "installed by another process" | "sources changed">}
 */
async function compileInto(root, base, files, print) {
  mkdirSync(base, { recursive: true });
  const temporary = path.join(base, `${TEMPORARY}${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const { outputs, inputs } = await compile(root, temporary);
    const known = new Set(files);
    const unknown = inputs.filter((input) => !known.has(input));
    if (unknown.length > 0) {
      throw new Error(
        `compiled code reads files the fingerprint leaves out: ${unknown.join(", ")}`,
      );
    }
    const now = sourceFiles(root);
    if (now.length !== files.length || fingerprint(root, now) !== print) return "sources changed";
    writeManifest(temporary, print, outputs);
    try {
      renameSync(temporary, path.join(base, print));
      return "installed";
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      // Another build renamed its compile into place first: use it (checked by the caller).
      if (code === "ENOTEMPTY" || code === "EEXIST") return "installed by another process";
      throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * @param {string} dir
 * @param {string} print
 * @param {readonly string[]} outputs
 */
function writeManifest(dir, print, outputs) {
  /** @type {Record<string, string>} */
  const hashes = {};
  for (const file of [...outputs].sort()) {
    hashes[file] = hash("sha256", readFileSync(path.join(dir, file)), "hex");
  }
  const body = JSON.stringify({ fingerprint: print, files: hashes });
  writeFileSync(path.join(dir, MANIFEST), `${HEADER} ${hash("sha256", body, "hex")}\n${body}`);
}

/**
 * Why the folder `dir` cannot be run as the compile of `print`, or undefined when it can:
 * its manifest is whole and names this fingerprint, every entry point is in it, and every
 * file's bytes are the ones recorded.
 * @param {string} dir
 * @param {string} print
 * @returns {string | undefined}
 */
export function folderProblem(dir, print) {
  let text;
  try {
    text = readFileSync(path.join(dir, MANIFEST), "utf8");
  } catch {
    return "no manifest";
  }
  const newline = text.indexOf("\n");
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== `${HEADER} ${hash("sha256", body, "hex")}`) {
    return "the manifest is damaged or of another format";
  }
  /** @type {{ fingerprint?: unknown; files?: Record<string, unknown> }} */
  let manifest;
  try {
    manifest = JSON.parse(body);
  } catch {
    return "the manifest is damaged";
  }
  if (manifest.fingerprint !== print) return "the manifest names other sources";
  const files = manifest.files ?? {};
  for (const entry of ENTRY_POINTS) {
    const compiled = path.relative(dir, compiledPath(dir, entry));
    if (!(compiled in files)) return `${compiled} is missing from the manifest`;
  }
  for (const [file, expected] of Object.entries(files)) {
    let bytes;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch {
      return `${file} is missing`;
    }
    if (hash("sha256", bytes, "hex") !== expected) return `${file} is not the file compiled`;
  }
  return undefined;
}

/**
 * Moves a folder that is not a sound compile out of the way (a rename, then removal), so a
 * process that finds it at the same moment never runs a half-removed folder.
 * @param {string} base
 * @param {string} dir
 */
function removeFolder(base, dir) {
  const aside = path.join(base, `${TEMPORARY}${process.pid}-${randomBytes(4).toString("hex")}-old`);
  try {
    renameSync(dir, aside);
  } catch {
    // Absent, or another process moved it first.
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** @param {string} dir */
function markUsed(dir) {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // A read-only cache still runs; it is only pruned sooner.
  }
}

/**
 * Removes compiled folders nobody is likely to run again and temporary folders of killed
 * compiles; keeps the current one, the most recently used few, and any used lately.
 * @param {string} base
 * @param {string} current
 */
function prune(base, current) {
  const now = Date.now();
  /** @type {{ name: string; used: number }[]} */
  const folders = [];
  for (const name of readdirSync(base)) {
    if (name === current) continue;
    let used;
    try {
      used = statSync(path.join(base, name)).mtimeMs;
    } catch {
      continue;
    }
    if (name.startsWith(TEMPORARY)) {
      if (now - used > DEFAULTS.staleTemporaryMs) {
        rmSync(path.join(base, name), { recursive: true, force: true });
      }
    } else folders.push({ name, used });
  }
  folders.sort((a, b) => b.used - a.used);
  for (const [index, { name, used }] of folders.entries()) {
    if (index < DEFAULTS.keepRecent - 1 || now - used < DEFAULTS.keepUsedWithinMs) continue;
    rmSync(path.join(base, name), { recursive: true, force: true });
  }
}
