/**
 * Staging a build's output. Every output file comes from somewhere already made and checked (the
 * page store, the media cache, the search-part store, or memory) and is first copied into the
 * staging folder beside `_site/`, its bytes checked against the hash it was made with, before
 * `_site/` is touched (see transaction.ts). Copies keep the modification time of what they copy,
 * so a site rebuilt from the cache on a new machine (a CI runner) still shows unchanged files as
 * unchanged.
 */
import {
  constants,
  copyFileSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { errorCode } from "./cache-write.ts";
import { intoFolderOf } from "./checked-file.ts";
import { faultPoint } from "./fault.ts";
import { sha256 } from "./hashing.ts";
import type { PackRef, PackStore } from "./pack-store.ts";

/** Where an output file's bytes come from, and how to know they are right. */
export type OutputSource =
  | { readonly kind: "bytes"; readonly bytes: Uint8Array }
  /** An object of a pack store, checked against its ref's hash as it is read. */
  | { readonly kind: "pack"; readonly store: PackStore; readonly ref: PackRef }
  /** A file whose bytes must hash to `sha256` (the media cache's files). */
  | { readonly kind: "file"; readonly path: string; readonly sha256: string };

export interface PlannedOutput {
  /**
   * The identity of the bytes (the SHA-256 of them, or its first 128 bits for objects of the
   * pack stores): when it differs from the last build's, the file is rewritten.
   */
  readonly identity: string;
  readonly source: () => OutputSource;
  /** The modification time the file had when these bytes were first published, to keep. */
  readonly mtimeMs?: number;
}

/** Whether `bytes` are the bytes an identity names. */
export function hasIdentity(bytes: Uint8Array, identity: string): boolean {
  const hash = sha256(bytes);
  return hash === identity || (identity.length === 32 && hash.startsWith(identity));
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

/** Copies a source into `to`, checking its bytes; throws DamagedCacheError if they are wrong. */
export function stageOutput(file: string, source: OutputSource, to: string): void {
  faultPoint(`stage ${file}`);
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
      if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOSPC") throw error;
      writeFileSync(to, bytes);
    }
  });
  const { atime, mtime } = statSync(source.path);
  utimesSync(to, atime, mtime);
}

/** Stages every file of `files` not staged yet; every damaged cache file is reported at once. */
export function stageAll(
  files: readonly string[],
  outputs: ReadonlyMap<string, PlannedOutput>,
  staged: ReadonlySet<string>,
  into: (file: string) => string,
  keepTimes: boolean,
): void {
  const damaged: string[] = [];
  for (const file of files) {
    const output = outputs.get(file);
    if (!output) continue;
    const to = into(file);
    try {
      if (!staged.has(file)) stageOutput(file, output.source(), to);
    } catch (error) {
      if (!(error instanceof DamagedCacheError)) throw error;
      damaged.push(...error.files);
      continue;
    }
    if (keepTimes && output.mtimeMs !== undefined) {
      const when = new Date(output.mtimeMs);
      utimesSync(to, when, when);
    }
  }
  if (damaged.length > 0) throw new DamagedCacheError(damaged);
}
