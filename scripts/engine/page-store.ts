/**
 * Rendered pages, kept by the hash of their bytes (`pages/<2 hex>/<hash>`), so a page that did
 * not change is never rendered or written again, and `_site/` can be rebuilt from here when it
 * is missing. An object is copied into `_site/` only after its bytes are checked against its
 * name: a damaged object is rendered again, never published.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { writeStoreFile } from "./checked-file.ts";
import { sha256 } from "./hashing.ts";

/** The hash a stored page is named by: SHA-256 cut to 128 bits. */
export function contentHash(bytes: Uint8Array): string {
  return sha256(bytes).slice(0, 32);
}

export class PageStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  path(hash: string): string {
    return path.join(this.#dir, hash.slice(0, 2), hash);
  }

  /** Keeps `bytes`; an object already there is rewritten only if it is not intact. */
  put(bytes: Uint8Array): string {
    const hash = contentHash(bytes);
    if (!this.holds(hash)) writeStoreFile(this.path(hash), bytes);
    return hash;
  }

  /** Whether the object is there with exactly the bytes its name promises. */
  holds(hash: string): boolean {
    const file = this.path(hash);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    try {
      return contentHash(readFileSync(file)) === hash;
    } catch {
      return false;
    }
  }

  /** Whether an object of that name exists (without reading it). */
  exists(hash: string): boolean {
    try {
      return statSync(this.path(hash)).isFile();
    } catch {
      return false;
    }
  }

  remove(hash: string): void {
    rmSync(this.path(hash), { force: true });
  }

  /** Removes every object not in `keep`, and temporary files of interrupted builds. */
  sweep(keep: ReadonlySet<string>): number {
    let removed = 0;
    let folders: string[];
    try {
      folders = readdirSync(this.#dir);
    } catch {
      return 0;
    }
    for (const folder of folders) {
      const full = path.join(this.#dir, folder);
      for (const name of readdirSync(full)) {
        if (!keep.has(name)) {
          rmSync(path.join(full, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
