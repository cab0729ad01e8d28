// @ts-check
/**
 * Where compiled code lives and how a process knows it runs compiled: shared by the launcher
 * (scripts/run.mjs) and the build, which starts its worker processes on the compiled worker
 * when it runs compiled itself (scripts/engine/worker-pool.ts).
 *
 * ```
 * .cache/compiled/<fingerprint>/manifest             the fingerprint and every file's SHA-256
 * .cache/compiled/<fingerprint>/scripts/build.mjs    an entry point (the source's path, .mjs)
 * .cache/compiled/<fingerprint>/chunks/*.mjs         modules entry points share; page templates
 * .cache/compiled/.tmp-<pid>-<random>/               a compile under way, renamed when complete
 * ```
 */
import path from "node:path";

/** The compiled folders' parent, under the repository. */
export const COMPILED_ROOT = path.join(".cache", "compiled");

/**
 * Where the compiled twin of a source file is: the same relative path, `.mjs`.
 * @param {string} dir the compiled folder
 * @param {string} source relative to the repository
 */
export function compiledPath(dir, source) {
  return path.join(dir, source.replace(/\.[cm]?[jt]sx?$/, ".mjs"));
}

/**
 * @typedef {object} RunningCompiled
 * @property {string} root the repository the code was compiled from
 * @property {string} dir its compiled folder
 */

const KEY = Symbol.for("broadsheet.compiled");

/**
 * Records that this process runs the compiled code in `dir` (the launcher does, before it
 * imports the command).
 * @param {RunningCompiled} compiled
 */
export function markCompiled(compiled) {
  /** @type {Record<symbol, unknown>} */ (globalThis)[KEY] = Object.freeze({ ...compiled });
}

/**
 * The compiled code this process runs, or undefined when it runs the TypeScript sources (tsx:
 * `npm start`, the tests' own processes).
 * @returns {RunningCompiled | undefined}
 */
export function runningCompiled() {
  return /** @type {RunningCompiled | undefined} */ (
    /** @type {Record<symbol, unknown>} */ (globalThis)[KEY]
  );
}

/**
 * The module a new process should start on for `source` (an absolute path): its compiled twin
 * when this process runs compiled, else the source itself.
 * @param {string} source
 */
export function runnableModule(source) {
  const compiled = runningCompiled();
  if (!compiled) return source;
  return compiledPath(compiled.dir, path.relative(compiled.root, source));
}
