/**
 * Finding every article and reading only those that changed, in two passes:
 *
 * 1. {@link statArticles} costs two `stat`s per folder (the folder's own, for files added or
 *    removed beside index.md, and index.md's): a folder whose fingerprints are unchanged keeps
 *    its entry from the last build without being read;
 * 2. {@link settleUnchanged} reads and hashes the others in the build process: those whose
 *    content did not change keep their entry (a touched but unchanged file, as after a fresh
 *    clone, costs a read and a hash);
 * 3. {@link readArticles} parses the rest, in the build process, or spread over worker
 *    processes when there are thousands to parse (a cold build).
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import {
  ARTICLES_PATH,
  folderListing,
  noIndexIssue,
  notInFolderIssue,
  readFolderSource,
} from "../content/article-folders.ts";
import { type ArticleCard, recordOf } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import { loadArticle } from "../content/load-article.ts";
import type { Site } from "../content/model.ts";
import { monthKey } from "../site/calendar.ts";
import { type FolderScan, scanArticleFolders } from "./folder-scan.ts";
import { keyOf, sha256 } from "./hashing.ts";
import type { RecordStore } from "./record-store.ts";
import type { ArticleEntry } from "./state.ts";

/** Parsing reads the sections (to validate and to name them), and nothing else of the site. */
export function parseKeyOf(parseVersion: string, site: Pick<Site, "sections">): string {
  return keyOf(parseVersion, JSON.stringify(site.sections));
}

/** A folder whose index.md must be read: new, or changed since the last build. */
export interface PendingArticle {
  readonly name: string;
  readonly folderPrint: string;
  readonly indexPrint: string;
  /** The last build's entry, when it had one from the same parser. */
  readonly before?: ArticleEntry;
}

export interface StatResult {
  /** Entries kept from the last build, by folder name. */
  readonly kept: Map<string, ArticleEntry>;
  readonly pending: readonly PendingArticle[];
  readonly issues: readonly ContentIssue[];
}

/** The first pass: every folder, by name; unchanged ones keep their last entry. */
export function statArticles(
  root: string,
  site: Pick<Site, "timeZone">,
  previous: Readonly<Record<string, ArticleEntry>>,
  sameParser: boolean,
  scan: FolderScan = scanArticleFolders(root),
): StatResult {
  const kept = new Map<string, ArticleEntry>();
  const pending: PendingArticle[] = [];
  const issues: ContentIssue[] = [];
  for (const { name, isDirectory, folderPrint, indexPrint } of scan.folders) {
    const relative = `${ARTICLES_PATH}/${name}`;
    if (!isDirectory) {
      issues.push(notInFolderIssue(relative));
      continue;
    }
    if (folderPrint === undefined || indexPrint === undefined) {
      issues.push(noIndexIssue(relative, path.join(root, relative)));
      continue;
    }
    const before = sameParser ? previous[name] : undefined;
    if (
      before &&
      before.folder !== "" &&
      before.folder === folderPrint &&
      before.index !== "" &&
      before.index === indexPrint
    ) {
      kept.set(name, inZone(before, site.timeZone));
    } else {
      pending.push({ name, folderPrint, indexPrint, ...(before ? { before } : {}) });
    }
  }
  return { kept, pending, issues };
}

/** An entry whose month is reckoned in `zone` (the site's time zone may have changed). */
export function inZone(entry: ArticleEntry, zone: string): ArticleEntry {
  return entry.zone === zone ? entry : { ...entry, month: monthKey(entry.card.dateMs, zone), zone };
}

/** The last entry of a folder whose content is unchanged, under its new fingerprints. */
function unchangedEntry(
  before: ArticleEntry,
  prints: Pick<PendingArticle, "folderPrint" | "indexPrint">,
  zone: string,
): ArticleEntry {
  return inZone({ ...before, folder: prints.folderPrint, index: prints.indexPrint }, zone);
}

/** The files beside index.md an article names: its lead photo, video thumbnail, body photos. */
function mediaNames(card: ArticleCard): string[] {
  const names = [
    card.image?.src,
    card.video?.thumbnail.src,
    ...(card.bodyMedia?.photos ?? []).map((photo) => photo.src),
  ];
  return [...new Set(names.filter((name): name is string => name !== undefined))].sort();
}

/**
 * Where each media file an article names really is, and what it is (real path, device, inode,
 * size, modification time): a link re-pointed anywhere, or a file swapped for one, changes it.
 * Kept in the article's entry, so an article whose folder changed is checked again even when
 * its index.md and the names of its files did not.
 */
export function mediaPrint(folder: string, card: ArticleCard): string {
  return mediaNames(card)
    .map((name) => {
      try {
        const real = realpathSync(path.join(folder, name));
        const stats = statSync(real);
        return `${name}>${real}:${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
      } catch {
        return `${name}>missing`;
      }
    })
    .join("\n");
}

/**
 * Whether every media file an article names is still a regular file inside its folder: the
 * loader's rule (load-article.ts), checked again when a file's real path or identity changed.
 */
function mediaStillInside(folder: string, card: ArticleCard): boolean {
  try {
    const real = realpathSync(folder);
    return mediaNames(card).every((name) => {
      const file = path.join(folder, name);
      return statSync(file).isFile() && path.dirname(realpathSync(file)) === real;
    });
  } catch {
    return false;
  }
}

/**
 * The last entry of an article whose content is unchanged, when its media still pass the
 * loader's check (with their new print); undefined when they do not and the article must be
 * read again, to be refused as a cold build refuses it.
 */
function recheckedMedia(folder: string, before: ArticleEntry): ArticleEntry | undefined {
  const media = mediaPrint(folder, before.card);
  if (media === before.media) return before;
  return mediaStillInside(folder, before.card) ? { ...before, media } : undefined;
}

/** A folder's content key: the parser, its name, index.md's bytes and the files beside it. */
function contentKey(parseKey: string, name: string, bytes: Buffer, listing: string): string {
  return keyOf(parseKey, name, sha256(bytes), listing);
}

/**
 * Between the two passes, in the build process: folders whose fingerprints changed but whose
 * content did not (a fresh clone or checkout touches every file) keep their entry for the cost
 * of a read and a hash. Only what is left is worth spreading over worker processes.
 */
export function settleUnchanged(
  root: string,
  site: Pick<Site, "timeZone">,
  parseKey: string,
  pending: readonly PendingArticle[],
): { readonly entries: [string, ArticleEntry][]; readonly pending: PendingArticle[] } {
  const articlesDir = path.join(root, ARTICLES_PATH);
  const entries: [string, ArticleEntry][] = [];
  const left: PendingArticle[] = [];
  for (const item of pending) {
    const { name, before } = item;
    if (!before) {
      left.push(item);
      continue;
    }
    const folder = path.join(articlesDir, name);
    let key: string;
    try {
      key = contentKey(
        parseKey,
        name,
        readFileSync(path.join(folder, "index.md")),
        folderListing(folder),
      );
    } catch {
      // Reported by the read pass, which tries again.
      left.push(item);
      continue;
    }
    const kept = key === before.recordKey ? recheckedMedia(folder, before) : undefined;
    if (kept) entries.push([name, unchangedEntry(kept, item, site.timeZone)]);
    else if (key === before.recordKey) {
      // A photo that is now a link out of the folder: parsed again, and refused.
      left.push({ name, folderPrint: item.folderPrint, indexPrint: item.indexPrint });
    } else left.push(item);
  }
  return { entries, pending: left };
}

export interface ReadResult {
  readonly entries: readonly [string, ArticleEntry][];
  readonly issues: readonly ContentIssue[];
  readonly parsed: number;
}

/** The second pass, over some pending folders: read, hash, and parse what changed. */
export function readArticles(
  root: string,
  site: Site,
  parseKey: string,
  records: RecordStore,
  pending: readonly PendingArticle[],
): ReadResult {
  const articlesDir = path.join(root, ARTICLES_PATH);
  const entries: [string, ArticleEntry][] = [];
  const issues: ContentIssue[] = [];
  let parsed = 0;
  for (const { name, folderPrint, indexPrint, before } of pending) {
    const folder = path.join(articlesDir, name);
    const file = `${ARTICLES_PATH}/${name}/index.md`;
    const source = readFolderSource(folder, file, "article");
    if ("message" in source) {
      issues.push(source);
      continue;
    }
    const { bytes, listing } = source;
    const recordKey = contentKey(parseKey, name, bytes, listing);
    const kept = before?.recordKey === recordKey ? recheckedMedia(folder, before) : undefined;
    if (kept) {
      entries.push([name, unchangedEntry(kept, { folderPrint, indexPrint }, site.timeZone)]);
      continue;
    }
    const result = loadArticle(folder, file, site, bytes);
    parsed++;
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const record = recordOf(result.value);
    entries.push([
      name,
      {
        folder: folderPrint,
        index: indexPrint,
        recordKey,
        record: records.write(record),
        card: record.card,
        media: mediaPrint(folder, record.card),
        month: monthKey(record.card.dateMs, site.timeZone),
        zone: site.timeZone,
      },
    ]);
  }
  return { entries, issues, parsed };
}
