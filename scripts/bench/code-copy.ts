/**
 * Copies of Broadsheet's own code for the builds to run from (as tests/helpers/repo-copy.ts
 * does for the tests: scripts, layouts and configuration copied, node_modules linked).
 *
 * Every build of a run uses a snapshot taken when the run starts, never the working tree: the
 * build keys every page on a hash of the code that makes it, so an edit to the repository during
 * a run (other work, a checkout) would turn "nothing changed" into a full re-render halfway
 * through a 100,000-article run. The "layout change" build runs a second copy, the snapshot
 * with one visible change in a layout component.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/** What the build needs of the repository, besides node_modules (linked, not copied). */
const COPIED = ["scripts", "layouts", ".eleventy.ts", "package.json", "tsconfig.json", "assets"];

/** A copy of the code. */
export interface CodeCopy {
  readonly root: string;
  /** Its launcher (`npm run build` is `node scripts/run.mjs build`: compiled code). */
  readonly launcher: string;
  /** Its dev server (`npm start`). */
  readonly serve: string;
  /** Named to tsx (TSX_TSCONFIG_PATH): the project folder a build runs in has none. */
  readonly tsconfig: string;
}

/**
 * The options between `node` and the launcher in the code's `npm run build` script (a smaller
 * young generation for the main process, say): the benchmark starts builds as editors do.
 */
export function buildFlags(root: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts?: { build?: string };
  };
  const words = (manifest.scripts?.build ?? "").split(/\s+/);
  const launcher = words.indexOf("scripts/run.mjs");
  if (words[0] !== "node" || launcher < 0) {
    throw new Error(`package.json's build script is not "node [options] scripts/run.mjs build"`);
  }
  return words.slice(1, launcher);
}

/** The parts of a code folder the benchmark runs. */
export function codeAt(root: string): CodeCopy {
  return {
    root,
    launcher: path.join(root, "scripts/run.mjs"),
    serve: path.join(root, "scripts/serve.ts"),
    tsconfig: path.join(root, "tsconfig.json"),
  };
}

/** Copies the code at `from` (a repository or another copy) to `to`; links its node_modules. */
export function copyCode(from: string, to: string): CodeCopy {
  mkdirSync(to, { recursive: true });
  for (const entry of COPIED) {
    const source = path.join(from, entry);
    if (existsSync(source)) cpSync(source, path.join(to, entry), { recursive: true });
  }
  // A copy of a copy links the repository's node_modules, not the first copy's link.
  symlinkSync(realpathSync(path.join(from, "node_modules")), path.join(to, "node_modules"), "dir");
  return codeAt(to);
}

/** The component the layout change edits: every listing's story cards show it. */
export const LAYOUT_FILE = "layouts/components/StoryCard.tsx";

/** The text a layout change puts on every story card, numbered per repeat. */
export function layoutMarker(change: number): string {
  return `Edition ${change}`;
}

/**
 * Applies the `change`-th layout change to the copy: a visible line of text in every story card
 * (after the headline), as a designer's tweak would. Each change replaces the last one's text,
 * so every repeat is a real change.
 *
 * @throws when the component no longer has the anchor the edit is made at (the component was
 * rewritten: update the anchor here).
 */
export function changeLayout(copy: CodeCopy, change: number): void {
  const file = path.join(copy.root, LAYOUT_FILE);
  const source = readFileSync(file, "utf8");
  const marked = /<p class="bench-edition">[^<]*<\/p>/;
  const line = `<p class="bench-edition">${layoutMarker(change)}</p>`;
  if (marked.test(source)) {
    writeFileSync(file, source.replace(marked, line));
    return;
  }
  const anchor = "</Heading>";
  if (!source.includes(anchor)) {
    throw new Error(`${LAYOUT_FILE} has no "${anchor}" to put the layout change after`);
  }
  writeFileSync(file, source.replace(anchor, `${anchor}\n        ${line}`));
}
