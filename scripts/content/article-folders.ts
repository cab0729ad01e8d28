/**
 * The article folders' own rules, shared by the build's scan (scripts/engine/article-scan.ts)
 * and the in-process loader (load.ts): where articles live, what a folder must hold, and the
 * listing of the files beside index.md that decides whether a named photo exists.
 */
import { readdirSync } from "node:fs";
import type { ContentIssue } from "./issues.ts";

/** Where articles live, relative to the project root. */
export const ARTICLES_PATH = "content/articles";

/** A file directly in the articles folder, where only folders belong. */
export function notInFolderIssue(relative: string): ContentIssue {
  return {
    file: relative,
    message: "Articles live in folders: this file is not inside one.",
    fix: `Move it to ${ARTICLES_PATH}/<slug>/index.md, its photos beside it.`,
  };
}

/** An article folder without its index.md. */
export function noIndexIssue(relative: string): ContentIssue {
  return {
    file: relative,
    message: "The article folder has no index.md.",
    fix: `Write the article as ${relative}/index.md, or remove the folder.`,
  };
}

/**
 * The names and kinds of the files beside index.md, sorted: whether a photo the article names
 * exists depends on them, so a change here is a change to the article.
 */
export function folderListing(folder: string): string {
  return readdirSync(folder, { withFileTypes: true })
    .map(
      (entry) =>
        `${entry.name}:${entry.isFile() ? "file" : entry.isSymbolicLink() ? "link" : "other"}`,
    )
    .sort()
    .join("/");
}
