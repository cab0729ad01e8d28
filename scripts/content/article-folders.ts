/**
 * The article folders' own rules, shared by the build's scan (scripts/engine/article-scan.ts)
 * and the in-process loader (load.ts): where articles live, what a folder must hold, and the
 * listing of the files beside index.md that decides whether a named photo exists.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { intendedFile } from "./file-names.ts";
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
export function noIndexIssue(relative: string, folder: string): ContentIssue {
  // `Index.md` or `index.markdown`: the file is there under another name (names are
  // case-sensitive on the servers that build sites).
  const written = intendedFile(folder, "index.md") ?? markdownFileIn(folder);
  if (written) {
    return {
      file: relative,
      message: `The article folder has ${written} but no index.md: the article's file must be named index.md exactly.`,
      fix: `Rename ${relative}/${written} to index.md.`,
    };
  }
  return {
    file: relative,
    message: "The article folder has no index.md.",
    fix: `Write the article as ${relative}/index.md, or remove the folder.`,
  };
}

/** The one Markdown file in `folder`, if there is exactly one. */
function markdownFileIn(folder: string): string | undefined {
  try {
    const names = readdirSync(folder).filter((name) => /\.(md|markdown)$/i.test(name));
    return names.length === 1 ? names[0] : undefined;
  } catch {
    return undefined;
  }
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

/**
 * A folder's index.md and the listing of the files beside it, read together (both decide its
 * record's key), or the issue to report when the folder changed while the build read it.
 * `what` names the folder as the editor knows it: `article`, `page`.
 */
export function readFolderSource(
  folder: string,
  file: string,
  what: string,
): { readonly bytes: Buffer; readonly listing: string } | ContentIssue {
  try {
    return { bytes: readFileSync(path.join(folder, "index.md")), listing: folderListing(folder) };
  } catch {
    return {
      file,
      message: `The ${what}'s index.md could not be read (was it removed during the build?).`,
      fix: `Build again once the ${what}'s folder is complete.`,
    };
  }
}
