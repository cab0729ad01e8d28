/**
 * Where one build target keeps its output and its memory of the last build. `npm run build`
 * writes `_site/` and remembers in `.cache/build/site/`; the dev server writes `.cache/serve/`
 * (drafts included) and remembers in `.cache/build/serve/`, so neither undoes the other's work.
 *
 * ```
 * .cache/build/<target>/state.json      which state the last build recorded (its chunks' names)
 * .cache/build/<target>/state/          the state's chunks: what every output was made from
 * .cache/build/<target>/records/        parsed articles, by content key
 * .cache/build/<target>/pages/          rendered pages, by content hash
 * .cache/build/<target>/search/         search-index parts, by part key
 * .cache/build/<target>/admin/          the editors' web UI, by its key
 * .cache/build/<target>/commit.json     the publish journal: present while a publish changes
 *                                       the output folder (see transaction.ts)
 * .cache/build/<target>.lock            the process id of the build running (build-lock.ts)
 * ```
 */
import path from "node:path";

export interface BuildTarget {
  readonly name: "site" | "serve";
  /** The project root (holds content/ and assets/). */
  readonly root: string;
  /** The finished site. */
  readonly outputDir: string;
  /** This target's cache folder. */
  readonly cacheDir: string;
}

/** The production build: `_site/`. */
export function siteTarget(root: string): BuildTarget {
  return {
    name: "site",
    root,
    outputDir: path.join(root, "_site"),
    cacheDir: path.join(root, ".cache", "build", "site"),
  };
}

/** The dev server's build: `.cache/serve/`. */
export function serveTarget(root: string): BuildTarget {
  return {
    name: "serve",
    root,
    outputDir: path.join(root, ".cache", "serve"),
    cacheDir: path.join(root, ".cache", "build", "serve"),
  };
}

export function statePath(target: BuildTarget): string {
  return path.join(target.cacheDir, "state.json");
}

export function recordsDir(target: BuildTarget): string {
  return path.join(target.cacheDir, "records");
}

export function pagesDir(target: BuildTarget): string {
  return path.join(target.cacheDir, "pages");
}

export function searchDir(target: BuildTarget): string {
  return path.join(target.cacheDir, "search");
}

export function adminDir(target: BuildTarget): string {
  return path.join(target.cacheDir, "admin");
}

export function journalPath(target: BuildTarget): string {
  return path.join(target.cacheDir, "commit.json");
}
