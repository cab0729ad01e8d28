/**
 * The order files enter and leave `_site/` during an update in place, so that a publish stopped
 * at any file leaves no page pointing at a file that is not there: what pages load (images,
 * stylesheets, scripts, the search index's data) arrives before the pages that name it, and
 * leaves after them.
 *
 * | rank | files | why |
 * | ---: | --- | --- |
 * | 0 | `media/`, `assets/`, and the content-hashed files of `pagefind/` and `admin/` | named by hash: a new version is a new file, loaded only once something names it |
 * | 1 | the other files of `pagefind/` and `admin/` (`pagefind.js`, `cms.js`, `config.yml`, ...) | they load rank 0 files by name |
 * | 2 | each search part's `pagefind-entry.json`; `breaking.json` and each live blog's `live.json` | the first names the part's hashed index files; pages' scripts fetch the others by name |
 * | 3 | everything else: pages, feeds, sitemaps, `_headers`, robots.txt | they name all of the above |
 *
 * New and changed files are written lowest rank first; then removed files go highest rank first.
 */

/** Pagefind's and the editors' UI's own hashed names: `pagefind.en_a642fe3627.pf_meta`, `chunk-TK4ZAFYM.js`. */
const HASHED_NAME = /(?:[._-][0-9a-f]{10}|-[A-Z0-9]{8})\.[a-z_]+$|\.pf_(?:index|fragment|filter)$/;

/** A file's rank (see the table above). */
export function publishRank(file: string): number {
  if (file.startsWith("media/") || file.startsWith("assets/")) return 0;
  // Data pages' scripts fetch by a fixed name (the banner, a live blog's latest updates).
  if (file === "breaking.json" || file.endsWith("/live.json")) return 2;
  if (file.startsWith("pagefind/") || file.startsWith("admin/")) {
    if (file.endsWith(".html")) return 3;
    if (file.endsWith("/pagefind-entry.json")) return 2;
    return HASHED_NAME.test(file) ? 0 : 1;
  }
  return 3;
}

function byRank(files: readonly string[], direction: 1 | -1): string[] {
  return files
    .map((file) => ({ file, rank: publishRank(file) }))
    .sort((a, b) => direction * (a.rank - b.rank) || (a.file < b.file ? -1 : 1))
    .map(({ file }) => file);
}

/** Files to write, in the order they are renamed into `_site/`. */
export function writeOrder(files: readonly string[]): string[] {
  return byRank(files, 1);
}

/** Files to remove, in the order they are deleted from `_site/`. */
export function removalOrder(files: readonly string[]): string[] {
  return byRank(files, -1);
}
