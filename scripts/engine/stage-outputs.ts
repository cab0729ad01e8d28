/**
 * Publishing a build. Every output file comes from somewhere already made and checked (the page
 * store, the media cache, the search-part store, or memory) and is first copied into the staging
 * folder beside `_site/`, its bytes checked against the hash it was made with. Only then is
 * `_site/` touched:
 *
 * - in place, when the last build's `_site/` is there and whole: changed files are renamed over
 *   their old versions and removed files deleted, so unchanged files keep their bytes and their
 *   modification time (`aws s3 sync` and rsync send only what changed). A journal marks the few
 *   milliseconds this takes; a build that finds it knows `_site/` may be half-updated and makes
 *   a fresh one.
 * - fresh, otherwise: the staging folder holds the whole site and replaces `_site/` in one rename.
 *
 * Copies keep the modification time of what they copy, so a site rebuilt from the cache on a new
 * machine (a CI runner) still shows unchanged files as unchanged.
 */
import {
  constants,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { Staging } from "../site/staging.ts";
import { intoFolderOf, writeFileAtomically } from "./checked-file.ts";
import { sha256 } from "./hashing.ts";
import type { PackRef, PackStore } from "./pack-store.ts";
import { type BuildTarget, journalPath } from "./target.ts";

/** Where an output file's bytes come from, and how to know they are right. */
export type OutputSource =
  | { readonly kind: "bytes"; readonly bytes: Uint8Array }
  /** An object of a pack store, checked against its ref's hash as it is read. */
  | { readonly kind: "pack"; readonly store: PackStore; readonly ref: PackRef }
  /** A file whose bytes must hash to `sha256` (the media cache's files). */
  | { readonly kind: "file"; readonly path: string; readonly sha256: string };

export interface PlannedOutput {
  /** The identity of the bytes: when it differs from the last build's, the file is rewritten. */
  readonly identity: string;
  readonly source: () => OutputSource;
  /** The modification time the file had when these bytes were first published, to keep. */
  readonly mtimeMs?: number;
}

/** A cache file whose bytes were not the ones recorded: it must be made again. */
export class DamagedCacheError extends Error {
  readonly files: readonly string[];
  constructor(files: readonly string[]) {
    super(`${files.length} cached file(s) were damaged: ${files.slice(0, 3).join(", ")}`);
    this.name = "DamagedCacheError";
    this.files = files;
  }
}

export interface CommitStats {
  readonly mode: "in place" | "fresh";
  readonly written: number;
  readonly removed: number;
}

/** Whether `_site/` can be updated in place: it exists and no update of it was interrupted. */
export function canUpdateInPlace(target: BuildTarget): boolean {
  return existsSync(target.outputDir) && !existsSync(journalPath(target));
}

/** Copies a source into `to`, checking its bytes; throws DamagedCacheError if they are wrong. */
function stage(source: OutputSource, to: string): void {
  if (source.kind === "bytes") {
    intoFolderOf(to, () => writeFileSync(to, source.bytes));
    return;
  }
  if (source.kind === "pack") {
    const bytes = source.store.read(source.ref);
    // Checked before the build chose to reuse it: a change now is another process at work.
    if (!bytes) throw new Error(`the build cache changed during the build (${source.ref.pack})`);
    intoFolderOf(to, () => writeFileSync(to, bytes));
    return;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(source.path);
  } catch {
    throw new DamagedCacheError([source.path]);
  }
  if (sha256(bytes) !== source.sha256) throw new DamagedCacheError([source.path]);
  intoFolderOf(to, () => {
    try {
      // A reflink where the file system has them: no bytes copied, nothing shared afterwards.
      copyFileSync(source.path, to, constants.COPYFILE_FICLONE);
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") throw error;
      writeFileSync(to, bytes);
    }
  });
  const { atime, mtime } = statSync(source.path);
  utimesSync(to, atime, mtime);
}

/** Removes `dir` and its parents up to `stop` while they are empty. */
function pruneEmpty(dir: string, stop: string): void {
  let current = dir;
  while (current.startsWith(`${stop}${path.sep}`)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

/**
 * Publishes `outputs` (output file → planned output) into the target's `_site/`. `previous`
 * holds the identities of the last build's files, trusted only when updating in place; `staged`
 * names the files already written into the staging folder (the pages rendered by this build).
 */
export function commitOutputs(
  target: BuildTarget,
  staging: Staging,
  outputs: ReadonlyMap<string, PlannedOutput>,
  previous: ReadonlyMap<string, string> | undefined,
  staged: ReadonlySet<string>,
): CommitStats {
  if (!previous || !canUpdateInPlace(target)) {
    const damaged: string[] = [];
    for (const [file, output] of outputs) {
      const to = path.join(staging.dir, file);
      try {
        if (!staged.has(file)) stage(output.source(), to);
      } catch (error) {
        if (!(error instanceof DamagedCacheError)) throw error;
        damaged.push(...error.files);
        continue;
      }
      if (output.mtimeMs !== undefined) {
        const when = new Date(output.mtimeMs);
        utimesSync(to, when, when);
      }
    }
    if (damaged.length > 0) throw new DamagedCacheError(damaged);
    rmSync(journalPath(target), { force: true });
    staging.commit();
    return { mode: "fresh", written: outputs.size, removed: 0 };
  }
  const writes: string[] = [];
  const damaged: string[] = [];
  for (const [file, output] of outputs) {
    if (previous.get(file) === output.identity) continue;
    try {
      if (!staged.has(file)) stage(output.source(), path.join(staging.dir, file));
      writes.push(file);
    } catch (error) {
      if (!(error instanceof DamagedCacheError)) throw error;
      damaged.push(...error.files);
    }
  }
  if (damaged.length > 0) throw new DamagedCacheError(damaged);
  const removals = [...previous.keys()].filter((file) => !outputs.has(file));
  if (writes.length > 0 || removals.length > 0) {
    const journal = journalPath(target);
    writeFileAtomically(
      journal,
      JSON.stringify({ writes: writes.length, removals: removals.length }),
    );
    for (const file of writes) {
      const to = path.join(target.outputDir, file);
      intoFolderOf(to, () => renameSync(path.join(staging.dir, file), to));
    }
    for (const file of removals) {
      const gone = path.join(target.outputDir, file);
      rmSync(gone, { force: true });
      pruneEmpty(path.dirname(gone), target.outputDir);
    }
    rmSync(journal, { force: true });
  }
  staging.discard();
  return { mode: "in place", written: writes.length, removed: removals.length };
}
