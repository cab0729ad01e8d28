/**
 * The standing pages' scenarios (`--pages`): the project starts with the pages the repository
 * ships (content/pages), then a page's body is edited (its page and its search part re-render)
 * and a page is added to the footer (every HTML page re-renders: each one links it).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where standing pages live in a Broadsheet project. */
const PAGES_DIR = "content/pages";

/** The page whose body the edit scenario changes: one the repository ships. */
export const EDITED_PAGE = "about";

/** Copies the repository's standing pages into the project at `root`. */
export function addShippedPages(root: string, repoRoot: string): void {
  cpSync(path.join(repoRoot, PAGES_DIR), path.join(root, PAGES_DIR), { recursive: true });
}

/** A standing page's body edited, as an editor's save does: a sentence added at its end. */
export function editPageBody(root: string, run: number): void {
  const file = path.join(root, PAGES_DIR, EDITED_PAGE, "index.md");
  writeFileSync(file, `${readFileSync(file, "utf8")}\nEdited for the benchmark, run ${run + 1}.\n`);
}

/** A new page linked from every page's footer, last in its order. */
export function addFooterPage(root: string, run: number): void {
  const folder = path.join(root, PAGES_DIR, `benchmark-policy-${run + 1}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, "index.md"),
    `---\ntitle: Benchmark policy ${run + 1}\nfooter: true\norder: ${100 + run}\n---\n\nA page the footer links from every page.\n`,
  );
}
