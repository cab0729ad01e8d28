/**
 * The parse cache: every valid article as it was parsed, in packs (pack-store.ts), found by the
 * ref its build-state entry keeps. A touched but unchanged file costs a hash, not a parse; an
 * article whose page must be rendered again has its body read from here. A record that cannot
 * be read back intact is parsed again from its source.
 */
import path from "node:path";
import { type ArticleRecord, recordOf } from "../content/card.ts";
import { loadArticle } from "../content/load-article.ts";
import type { Site } from "../content/model.ts";
import { type PackRef, PackStore } from "./pack-store.ts";

export class RecordStore {
  readonly packs: PackStore;

  constructor(dir: string) {
    this.packs = new PackStore(dir);
  }

  /** The record, or undefined when it is missing or damaged. */
  read(ref: PackRef): ArticleRecord | undefined {
    const bytes = this.packs.read(ref);
    if (!bytes) return undefined;
    try {
      return JSON.parse(bytes.toString("utf8")) as ArticleRecord;
    } catch {
      return undefined;
    }
  }

  write(record: ArticleRecord): PackRef {
    return this.packs.append(Buffer.from(JSON.stringify(record)));
  }

  /**
   * The record at `ref`, or, when it cannot be read back intact, the article parsed again from
   * its source (parsing is deterministic, so the record is the same).
   */
  load(ref: PackRef, root: string, site: Site, sourcePath: string): ArticleRecord {
    const stored = this.read(ref);
    if (stored) return stored;
    const parsed = loadArticle(path.join(root, path.dirname(sourcePath)), sourcePath, site);
    if (!parsed.ok) {
      throw new Error(`${sourcePath} changed while it was being built: build again`);
    }
    return recordOf(parsed.value);
  }
}
