/**
 * The parse cache: every valid article as it was parsed, under a key of everything parsing read
 * (the file's bytes, the names of the files beside it, the site's sections and the parser's own
 * code). A touched but unchanged file costs a hash, not a parse; an article whose page must be
 * rendered again has its body read from here. Records check themselves: a damaged one reads as
 * missing, and its article is parsed again.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { ArticleRecord } from "../content/card.ts";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";

const KIND = "article-record";
const VERSION = 1;

export class RecordStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Records fan out over 256 folders so none grows past a few thousand entries. */
  #path(key: string): string {
    return path.join(this.#dir, key.slice(0, 2), `${key}.json`);
  }

  /** The record, or undefined when it is missing or damaged. */
  read(key: string): ArticleRecord | undefined {
    const read = readCheckedJson<ArticleRecord>(this.#path(key), KIND, VERSION);
    return read.ok ? read.value : undefined;
  }

  write(key: string, record: ArticleRecord): void {
    writeCheckedJson(this.#path(key), KIND, VERSION, record);
  }

  remove(key: string): void {
    rmSync(this.#path(key), { force: true });
  }

  /** Removes every record not in `keep` (and temporary files of interrupted builds). */
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
        if (!keep.has(name.replace(/\.json$/, ""))) {
          rmSync(path.join(full, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
