/**
 * The search index, in parts (see scripts/site/search-parts.ts). A part is indexed again only
 * when its key changes: the key of every story in it (their records, which hold everything the
 * index reads), the language and the versions of Pagefind and of this code. A part is indexed
 * from the stories' records as Pagefind custom records (no HTML is parsed), then kept under its
 * key in the build cache with the hash of every file, so a damaged part is indexed again rather
 * than published.
 */
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import * as pagefind from "pagefind";
import { bodyExtraText } from "../content/body/blocks.ts";
import { entryName } from "../content/byline-entry.ts";
import type { ArticleRecord } from "../content/card.ts";
import { kindLabel } from "../content/kinds.ts";
import type { UpdateRecord } from "../content/live/update.ts";
import type { Site } from "../content/model.ts";
import { bylineOf } from "../site/bylines.ts";
import { displayTime } from "../site/dates.ts";
import type { SearchPart } from "../site/search-parts.ts";
import { keyOf } from "./hashing.ts";
import { loadUpdateRecord } from "./live-stage.ts";
import type { PackRef, PackStore } from "./pack-store.ts";
import type { RecordStore } from "./record-store.ts";
import type { PartEntry } from "./state.ts";

/** The installed Pagefind's version: part keys change with it. */
export const PAGEFIND_VERSION = (
  JSON.parse(
    // The package exports no package.json; it sits one folder above its entry point (lib/).
    readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8"),
  ) as { version: string }
).version;

/** The language Pagefind indexes in: the site's primary language subtag. */
export function indexLanguage(language: string): string {
  return language.split("-")[0]?.toLowerCase() || "en";
}

/**
 * A part's key. `codeVersion` is this module's and the record mapping's. Bylines are resolved
 * against the profiles, so a renamed author re-indexes the parts holding their stories; results
 * show dates in the site's time zone, so a new zone re-indexes every part.
 */
export function partKey(
  part: SearchPart,
  site: Pick<Site, "language" | "timeZone">,
  codeVersion: string,
): string {
  return keyOf(
    PAGEFIND_VERSION,
    indexLanguage(site.language),
    site.timeZone,
    codeVersion,
    ...part.articles.flatMap((article) => [
      article.recordKey,
      bylineOf(article)
        .map((author) => author.name)
        .join("\n"),
    ]),
  );
}

/**
 * What Pagefind indexes of a story: its words, as a reader finds them on the page (headline,
 * the byline's names as `authors` are printed, standfirst, video, captions, body, pull quotes),
 * and what a result shows beside its headline: the label of a piece that is not news, its
 * section and its date. The body comes first: Pagefind's excerpt is the first stretch of the
 * content with the most hits, so a result quotes the story's text, not its headline again or
 * its video's title.
 */
export function searchRecord(
  record: ArticleRecord,
  site: Pick<Site, "language" | "timeZone">,
  authors: readonly string[] = record.card.authors.map(entryName),
  /** A live blog's updates: their words are the blog's (scripts/engine/live-stage.ts). */
  updates: readonly UpdateRecord[] = [],
): pagefind.CustomRecord {
  const { card } = record;
  const label = kindLabel(card.kind);
  const content = [
    record.bodyText,
    ...updates.flatMap((update) => [
      update.card.title,
      update.bodyText,
      ...bodyExtraText(update.body),
    ]),
    // Photo captions and pull quotes: words a reader sees on the page and may search for.
    ...bodyExtraText(record.body),
    card.standfirst,
    card.title,
    authors.length > 0 ? `By ${authors.join(", ")}` : undefined,
    card.image?.caption,
    card.video?.title,
    card.video?.description,
  ]
    .filter((text): text is string => Boolean(text))
    .join("\n\n");
  const shown = displayTime(DateTime.fromISO(card.date, { setZone: true }), site);
  return {
    url: card.url,
    content,
    language: indexLanguage(site.language),
    meta: {
      title: card.title,
      ...(label ? { kind: label } : {}),
      section: card.section.name,
      date: shown.date,
      datetime: shown.iso,
    },
  };
}

/** Where the search index's parts come from: their records, and the site's settings. */
export interface IndexSource {
  readonly root: string;
  readonly site: Site;
  readonly records: RecordStore;
}

/** A part to index, as plain data (a worker process may index it). */
export interface PartJob {
  readonly id: string;
  readonly key: string;
  /**
   * In publication order: where each story's record is, its source for a re-parse, and its
   * byline's names as resolved against the profiles.
   */
  readonly articles: readonly {
    readonly record: PackRef;
    readonly sourcePath: string;
    readonly authors: readonly string[];
    /** A live blog's published updates, newest last. */
    readonly updates?: readonly { readonly record: PackRef; readonly sourcePath: string }[];
  }[];
  /** Records made by the build itself (the standing pages' part, page-search.ts), indexed as they are. */
  readonly records?: readonly pagefind.CustomRecord[];
}

/** A part's job: its stories' records and sources. */
export function partJob(part: SearchPart, key: string): PartJob {
  return {
    id: part.id,
    key,
    articles: part.articles.map((article) => ({
      record: article.record,
      sourcePath: article.card.sourcePath,
      authors: bylineOf(article).map((author) => author.name),
      ...(article.live
        ? {
            updates: article.live.updates.map((update) => ({
              record: update.record,
              sourcePath: update.card.sourcePath,
            })),
          }
        : {}),
    })),
  };
}

/**
 * Indexes parts one after another in Pagefind's own process (one at a time, so its memory stays
 * that of the largest part), appending each part's files to the search store.
 */
export async function indexParts(
  parts: readonly PartJob[],
  source: IndexSource,
  store: PackStore,
): Promise<Map<string, PartEntry>> {
  const made = new Map<string, PartEntry>();
  if (parts.length === 0) return made;
  const { root, site, records } = source;
  try {
    for (const part of parts) {
      const created = await pagefind.createIndex({ forceLanguage: indexLanguage(site.language) });
      if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
      const { index } = created;
      // Sent all at once, in publication order: Pagefind orders pages itself, so its output
      // depends on the part's stories only (the incremental tests compare parts built apart).
      const added = await Promise.all([
        ...part.articles.map((article) => {
          const record = records.load(article.record, root, site, article.sourcePath);
          const updates = (article.updates ?? []).map((update) =>
            loadUpdateRecord(records.packs, update.record, root, update.sourcePath),
          );
          return index.addCustomRecord(searchRecord(record, site, article.authors, updates));
        }),
        ...(part.records ?? []).map((record) => index.addCustomRecord(record)),
      ]);
      const failed = added.flatMap((result) => result.errors);
      if (failed.length > 0)
        throw new Error(`Pagefind could not index part ${part.id}: ${failed[0]}`);
      const files = await index.getFiles();
      if (files.errors.length > 0) {
        throw new Error(`Pagefind could not write part ${part.id}: ${files.errors.join("; ")}`);
      }
      const stored = [...files.files]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((file) => ({ path: file.path, ref: store.append(file.content) }));
      made.set(part.key, { key: part.key, files: stored });
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
  return made;
}

/** Whether every file of a stored part can be read back intact. */
export function partIntact(entry: PartEntry, store: PackStore): boolean {
  return entry.files.every((file) => store.holds(file.ref));
}
