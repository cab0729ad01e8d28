/**
 * Writing into a cache that may be damaged in any way a folder can be: a directory where a file
 * belongs, a file (or a dangling or looping link) where a folder belongs. Reads of such entries
 * already count as "not there" (every read is checked); writes must not be stopped by them, or
 * a damaged cache would stop every later build. So a write that finds something in its way
 * removes it (never outside the cache's own folder) and tries once more; a write that still
 * fails says clearly that the cache cannot be written, and where.
 */
import { lstatSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** The error codes of "something is in the way", as opposed to a full disk or a read-only one. */
export const IN_THE_WAY: ReadonlySet<string> = new Set([
  "EISDIR",
  "ENOTDIR",
  "EEXIST",
  "ENOTEMPTY",
  "ELOOP",
  "EACCES",
  "EPERM",
]);

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

/** A cache that could not be written even after clearing what was in the way. */
export class CacheWriteError extends Error {
  readonly path: string;
  constructor(file: string, cause: unknown) {
    const code = errorCode(cause);
    super(
      code === "ENOSPC"
        ? `the disk is full: ${file} could not be written (ENOSPC)`
        : `the build cache cannot be written at ${file} (${code ?? String(cause)}): check that the folder is writable by this user, or delete it`,
      { cause },
    );
    this.name = "CacheWriteError";
    this.path = file;
  }
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Removes whatever stands where `file` (and its folders) should be, up to and including `root`:
 * `file` itself when it is not a plain file (a folder, a link), and every ancestor that is not a
 * folder (a file, a dangling or looping link; a link to a real folder, as when `.cache` is put on
 * another disk, is kept). Paths outside `root` are never touched.
 */
export function clearWayTo(file: string, root: string): void {
  const chain: string[] = [];
  for (let at = file; isInside(at, root); at = path.dirname(at)) {
    chain.unshift(at);
    if (at === root || path.dirname(at) === at) break;
  }
  for (const at of chain) {
    let exists = true;
    try {
      lstatSync(at);
    } catch {
      exists = false;
    }
    if (!exists) return; // Missing: the write creates it, and everything below it.
    const fits = at === file ? lstatSync(at).isFile() : followsToFolder(at);
    if (!fits) {
      rmSync(at, { recursive: true, force: true });
      return;
    }
  }
}

function followsToFolder(at: string): boolean {
  try {
    return statSync(at).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs `write` (which writes `file`, making its folders as it needs), clearing the way once if
 * something damaged stands in it. `root` is the cache folder: nothing outside it is removed.
 * Throws {@link CacheWriteError} when the write still fails, or when the disk is full.
 */
export function healingWrite<T>(file: string, root: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        return write();
      } catch (again) {
        // Still missing after its folder was made: a dangling link stands for a folder.
        const still = errorCode(again);
        if (still !== "ENOENT" && !IN_THE_WAY.has(still ?? "")) throw asCacheError(file, again);
      }
    } else if (!IN_THE_WAY.has(code ?? "")) throw asCacheError(file, error);
  }
  try {
    clearWayTo(file, root);
    mkdirSync(path.dirname(file), { recursive: true });
    return write();
  } catch (error) {
    throw asCacheError(file, error);
  }
}

/** Makes a cache folder, clearing what stands in its way once. */
export function healingMkdir(dir: string, root: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (followsToFolder(dir)) return;
  } catch (error) {
    // ENOENT from a recursive mkdir: a dangling link stands where a folder belongs.
    const code = errorCode(error) ?? "";
    if (code !== "ENOENT" && !IN_THE_WAY.has(code)) throw asCacheError(dir, error);
  }
  try {
    clearWayTo(path.join(dir, "x"), root);
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw asCacheError(dir, error);
  }
}

/**
 * Removes a cache entry of any kind (a file, or a folder standing where a file belongs), as far
 * as it can: what cannot be removed is cleared by the write that makes the entry again.
 */
export function removeCacheEntry(file: string): void {
  try {
    rmSync(file, { recursive: true, force: true });
  } catch {
    // A file where one of its folders belongs (ENOTDIR): nothing to remove at this path.
  }
}

function asCacheError(file: string, error: unknown): Error {
  if (error instanceof CacheWriteError) return error;
  // A fault injected by a test, or a full disk, keeps its code so the build can say so.
  if (errorCode(error) === "ENOSPC") return error as Error;
  return new CacheWriteError(file, error);
}
