/**
 * The scan of `content/articles/`: every entry by name, with two `stat`s per folder (the folder's
 * own, for files added or removed beside index.md, and index.md's), nothing read. Both the last
 * state's entries (article-scan.ts) and the quick check that nothing changed at all
 * (input-digest.ts) are decided from it, so a build stats each folder once.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ARTICLES_PATH } from "../content/article-folders.ts";
import { fingerprintOf } from "./fingerprint.ts";

/** One entry of `content/articles/` as the scan saw it. */
export interface ScannedFolder {
  readonly name: string;
  readonly isDirectory: boolean;
  /** Fingerprints of the folder and its index.md; absent when either could not be read. */
  readonly folderPrint?: string;
  readonly indexPrint?: string;
}

export interface FolderScan {
  /** The fingerprint of `content/articles/` itself ("missing" when there is none). */
  readonly dirPrint: string;
  /** Every entry but hidden ones, in the order the directory lists them. */
  readonly folders: readonly ScannedFolder[];
}

/** Scans every entry of `content/articles/` under `root`. */
export function scanArticleFolders(root: string): FolderScan {
  const articlesDir = path.join(root, ARTICLES_PATH);
  let dirPrint = "missing";
  let names: { name: string; isDirectory: boolean }[] = [];
  try {
    dirPrint = fingerprintOf(statSync(articlesDir));
    names = readdirSync(articlesDir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory(),
    }));
  } catch {
    // No articles folder: a site with no articles yet.
  }
  const statBase = shortestPathTo(articlesDir);
  const folders: ScannedFolder[] = [];
  for (const { name, isDirectory } of names) {
    if (name.startsWith(".")) continue;
    if (!isDirectory) {
      folders.push({ name, isDirectory });
      continue;
    }
    const folder = `${statBase}${name}`;
    const seenAt = Date.now();
    try {
      const folderPrint = fingerprintOf(statSync(folder), seenAt);
      const indexPrint = fingerprintOf(statSync(`${folder}${path.sep}index.md`), seenAt);
      folders.push({ name, isDirectory, folderPrint, indexPrint });
    } catch {
      folders.push({ name, isDirectory });
    }
  }
  return { dirPrint, folders };
}

/**
 * The folder as a prefix for names inside it, relative to the working directory when it lies
 * within it (as when `npm run build` runs in the project): the kernel resolves every component of
 * a path on each `stat`, and two fewer components save a fifth of this pass at 100,000 folders.
 */
function shortestPathTo(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return `${inside ? relative : dir}${path.sep}`;
}
