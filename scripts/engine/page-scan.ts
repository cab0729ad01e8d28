/**
 * Finding every standing page and reading only those that changed, with the articles' discipline
 * (article-scan.ts): a folder whose fingerprints (the folder's own, for photos added or removed
 * beside index.md, and index.md's) are those of the last build keeps its entry unread; a touched
 * one is read and hashed, and parsed only when its content (index.md's bytes, the folder's
 * listing, the parser) changed. Pages are few, so all of this runs in the build's own process.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { readFolderSource } from "../content/article-folders.ts";
import type { ContentIssue } from "../content/issues.ts";
import { loadPage, pageFolders } from "../content/load-page.ts";
import { PAGES_PATH, type PageRecord } from "../content/page-model.ts";
import { fingerprintOf, UNTRUSTED } from "./fingerprint.ts";
import { keyOf, sha256 } from "./hashing.ts";

/** A valid page as the last build saw it: kept whole in the build state (pages are few). */
export interface StandingEntry {
  /** Fingerprints of the folder and of its index.md; {@link UNTRUSTED} never matches. */
  readonly folder: string;
  readonly index: string;
  /** The key of everything parsing read: the parser, the slug, index.md's bytes, the listing. */
  readonly recordKey: string;
  readonly record: PageRecord;
}

export interface PageScan {
  /** By slug, in slug order. */
  readonly entries: ReadonlyMap<string, StandingEntry>;
  /** Every page folder, valid or not, by its address: their slugs are checked in the same run. */
  readonly folders: readonly {
    readonly slug: string;
    readonly sourcePath: string;
    readonly url: string;
  }[];
  readonly issues: readonly ContentIssue[];
  /** How many pages were parsed (not kept). */
  readonly parsed: number;
}

const trusted = (print: string) => print !== UNTRUSTED;

/** Every page, by slug; unchanged ones keep their last entry. `parseKey` is the parser's version. */
export function scanPages(
  root: string,
  previous: Readonly<Record<string, StandingEntry>>,
  parseKey: string,
): PageScan {
  const { folders, issues } = pageFolders(root);
  const entries = new Map<string, StandingEntry>();
  let parsed = 0;
  for (const { slug } of folders) {
    const folder = path.join(root, PAGES_PATH, slug);
    const file = `${PAGES_PATH}/${slug}/index.md`;
    const seenAt = Date.now();
    let folderPrint: string;
    let indexPrint: string;
    try {
      folderPrint = fingerprintOf(statSync(folder), seenAt);
      indexPrint = fingerprintOf(statSync(path.join(folder, "index.md")), seenAt);
    } catch {
      issues.push({
        file: `${PAGES_PATH}/${slug}`,
        message: "The page's folder has no index.md.",
        fix: `Write the page as ${file} (title: and the text), or remove the folder.`,
      });
      continue;
    }
    const before = previous[slug];
    if (
      before &&
      trusted(folderPrint) &&
      trusted(indexPrint) &&
      before.folder === folderPrint &&
      before.index === indexPrint
    ) {
      entries.set(slug, before);
      continue;
    }
    const source = readFolderSource(folder, file, "page");
    if ("message" in source) {
      issues.push(source);
      continue;
    }
    const { bytes, listing } = source;
    const recordKey = keyOf(parseKey, slug, sha256(bytes), listing);
    if (before && before.recordKey === recordKey) {
      // Touched, not changed (a fresh clone): the same content as when it was last parsed.
      entries.set(slug, { ...before, folder: folderPrint, index: indexPrint });
      continue;
    }
    const loaded = loadPage(folder, file, bytes);
    parsed++;
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      continue;
    }
    entries.set(slug, { folder: folderPrint, index: indexPrint, recordKey, record: loaded.value });
  }
  const all = folders.map(({ slug }) => ({
    slug,
    sourcePath: `${PAGES_PATH}/${slug}/index.md`,
    url: `/${slug}/`,
  }));
  return { entries, folders: all, issues, parsed };
}
