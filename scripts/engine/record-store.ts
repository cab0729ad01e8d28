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
import type { ArticleEntry } from "./state.ts";

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
   * Entries whose record lies in a pack that is gone, is not a file or is shorter than the
   * record's end get their article parsed again and the record written anew: a parse cache that
   * lost a pack heals in one build instead of costing a parse on every later render. A stat per
   * pack, not a read per record: a pack garbled at the same size is found only when read, as
   * {@link RecordStore.load} does.
   */
  heal(entries: Map<string, ArticleEntry>, root: string, site: Site): number {
    const sizes = new Map<string, number | undefined>();
    let healed = 0;
    for (const [name, entry] of entries) {
      const { pack, offset, length } = entry.record;
      if (!sizes.has(pack)) sizes.set(pack, this.packs.sizeOf(pack));
      const size = sizes.get(pack);
      if (size !== undefined && size >= offset + length) continue;
      const record = this.load(entry.record, root, site, entry.card.sourcePath);
      entries.set(name, { ...entry, record: this.write(record) });
      healed++;
    }
    return healed;
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
