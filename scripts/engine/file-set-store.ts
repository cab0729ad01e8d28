/**
 * Folders of files kept whole under a key: the search index's parts and the editors' web UI.
 * Each set has a checked manifest with the SHA-256 of every file, so a set is reused only when
 * every file still holds the bytes it was written with (checked whenever its files are to be
 * copied into a site) and is otherwise made again.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { readCheckedJson, writeCheckedJson, writeStoreFile } from "./checked-file.ts";
import { faultPoint } from "./fault.ts";
import { sha256 } from "./hashing.ts";

/** One file of a set, relative to the set's folder. */
export interface SetFile {
  readonly path: string;
  readonly sha256: string;
}

/** A set as the cache keeps it. */
export interface StoredFileSet {
  readonly files: readonly SetFile[];
}

export class FileSetStore {
  readonly #dir: string;
  readonly #kind: string;

  /**
   * `kind` names what the sets hold, in their manifests. Anything damaged in the way of a write
   * is cleared within `dir`.
   */
  constructor(dir: string, kind: string) {
    this.#dir = dir;
    this.#kind = kind;
  }

  folder(key: string): string {
    return path.join(this.#dir, key);
  }

  #manifest(key: string): string {
    return path.join(this.folder(key), "manifest.json");
  }

  /** Where a stored set's file lies. */
  filePath(key: string, file: string): string {
    return path.join(this.folder(key), "files", file);
  }

  /** The set's files, if it is stored (and, with `verify`, every file holds its bytes). */
  read(key: string, verify: boolean): StoredFileSet | undefined {
    const read = readCheckedJson<StoredFileSet>(this.#manifest(key), this.#kind, 1);
    if (!read.ok) return undefined;
    if (verify) {
      for (const file of read.value.files) {
        try {
          if (sha256(readFileSync(this.filePath(key, file.path))) !== file.sha256) return undefined;
        } catch {
          return undefined;
        }
      }
    }
    return read.value;
  }

  write(key: string, files: readonly { path: string; content: Uint8Array }[]): StoredFileSet {
    const stored: SetFile[] = [];
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      writeStoreFile(this.filePath(key, file.path), file.content, this.#dir);
      stored.push({ path: file.path, sha256: sha256(file.content) });
    }
    const set = { files: stored };
    writeCheckedJson(this.#manifest(key), this.#kind, 1, set, { root: this.#dir });
    return set;
  }

  remove(key: string): void {
    faultPoint(`remove ${this.#kind} set ${key}`);
    rmSync(this.folder(key), { recursive: true, force: true });
  }

  /** Removes every set not in `keep`; returns how many went. */
  sweep(keep: ReadonlySet<string>): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (keep.has(name)) continue;
      this.remove(name);
      removed++;
    }
    return removed;
  }
}
