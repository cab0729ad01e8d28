/**
 * Finding every article and reading only those that changed. Each folder costs two `stat`s when
 * nothing changed (its own, for files added or removed beside index.md, and index.md's); a
 * changed fingerprint costs a read and a hash; a changed hash costs a parse, unless the parse
 * cache already holds that content.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { recordOf } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import { ARTICLES_PATH } from "../content/load.ts";
import { loadArticle } from "../content/load-article.ts";
import type { Site } from "../content/model.ts";
import { monthKey } from "../site/calendar.ts";
import { fingerprintOf } from "./fingerprint.ts";
import { keyOf, sha256 } from "./hashing.ts";
import type { RecordStore } from "./record-store.ts";
import type { ArticleEntry } from "./state.ts";

export interface ScanInput {
  readonly root: string;
  readonly site: Site;
  /** The parser's code version. */
  readonly parseVersion: string;
  readonly records: RecordStore;
  /** The last build's articles, by folder name. */
  readonly previous: Readonly<Record<string, ArticleEntry>>;
  /** The parse key the last build's articles were read with (see {@link parseKeyOf}). */
  readonly previousParseKey: string | undefined;
}

/** Parsing reads the sections (to validate and to name them), and nothing else of the site. */
export function parseKeyOf(parseVersion: string, site: Pick<Site, "sections">): string {
  return keyOf(parseVersion, JSON.stringify(site.sections));
}

export interface ScanResult {
  /** Valid articles, by folder name, in folder-name order. */
  readonly entries: Map<string, ArticleEntry>;
  readonly issues: ContentIssue[];
  readonly stats: { readonly parsed: number; readonly hashed: number; readonly reused: number };
}

/** The names and kinds of the files beside index.md: whether a named photo exists depends on them. */
function folderListing(folder: string): string {
  return readdirSync(folder, { withFileTypes: true })
    .map(
      (entry) =>
        `${entry.name}:${entry.isFile() ? "file" : entry.isSymbolicLink() ? "link" : "other"}`,
    )
    .sort()
    .join("/");
}

/** Scans `content/articles/`: every valid article's entry, and every problem of the others. */
export function scanArticles(input: ScanInput): ScanResult {
  const { root, site, records, previous } = input;
  const articlesDir = path.join(root, ARTICLES_PATH);
  const parseKey = parseKeyOf(input.parseVersion, site);
  const sameParser = input.previousParseKey === parseKey;
  const entries = new Map<string, ArticleEntry>();
  const issues: ContentIssue[] = [];
  let parsed = 0;
  let hashed = 0;
  let reused = 0;
  let names: { name: string; isDirectory: boolean }[] = [];
  try {
    names = readdirSync(articlesDir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory(),
    }));
  } catch {
    // No articles folder: a site with no articles yet.
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const monthOf = (dateMs: number) => monthKey(dateMs, site.timeZone);
  for (const { name, isDirectory } of names) {
    if (name.startsWith(".")) continue;
    const relative = `${ARTICLES_PATH}/${name}`;
    if (!isDirectory) {
      issues.push({
        file: relative,
        message: "Articles live in folders: this file is not inside one.",
        fix: `Move it to ${ARTICLES_PATH}/<slug>/index.md, its photos beside it.`,
      });
      continue;
    }
    const folder = path.join(articlesDir, name);
    const file = `${relative}/index.md`;
    const index = path.join(folder, "index.md");
    const seenAt = Date.now();
    let folderPrint: string;
    let indexPrint: string;
    try {
      folderPrint = fingerprintOf(statSync(folder), seenAt);
      indexPrint = fingerprintOf(statSync(index), seenAt);
    } catch {
      issues.push({
        file: relative,
        message: "The article folder has no index.md.",
        fix: `Write the article as ${file}, or remove the folder.`,
      });
      continue;
    }
    const before = sameParser ? previous[name] : undefined;
    const zoned = (entry: ArticleEntry): ArticleEntry =>
      entry.zone === site.timeZone
        ? entry
        : { ...entry, month: monthOf(entry.card.dateMs), zone: site.timeZone };
    if (
      before &&
      before.folder !== "" &&
      before.folder === folderPrint &&
      before.index !== "" &&
      before.index === indexPrint
    ) {
      entries.set(name, zoned(before));
      reused++;
      continue;
    }
    const bytes = readFileSync(index);
    hashed++;
    const recordKey = keyOf(parseKey, name, sha256(bytes), folderListing(folder));
    if (before && before.recordKey === recordKey) {
      entries.set(name, zoned({ ...before, folder: folderPrint, index: indexPrint }));
      reused++;
      continue;
    }
    let record = records.read(recordKey);
    if (!record) {
      const result = loadArticle(folder, file, site, bytes);
      parsed++;
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      record = recordOf(result.value);
      records.write(recordKey, record);
    }
    entries.set(name, {
      folder: folderPrint,
      index: indexPrint,
      recordKey,
      card: record.card,
      month: monthOf(record.card.dateMs),
      zone: site.timeZone,
    });
  }
  return { entries, issues, stats: { parsed, hashed, reused } };
}
