import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { listFiles } from "./check-output.ts";

/** What indexing produced, for the build's summary. */
export interface SearchIndexStats {
  readonly pages: number;
  /** True when the pages were unchanged and the previous build's index was reused. */
  readonly reused: boolean;
}

/**
 * How many past indexes the cache keeps: the current one and the one before it, so switching
 * back (a reverted edit, a draft shown then hidden) is still free.
 *
 * @default 2
 */
const KEPT_INDEXES = 2;

const PAGEFIND_VERSION = JSON.parse(
  // The package exports no package.json; it sits one folder above its entry point (lib/).
  readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8"),
) as { version: string };

/**
 * Builds the static search index (Pagefind) from the finished pages in `outputDir`, into
 * `<outputDir>/pagefind/`. Only article bodies are indexed: article pages mark their story
 * with `data-pagefind-body`, so listings, topics and the 404 page stay out of results.
 *
 * Indexing is the slowest step of a large build (about 7 s and 1.2 GiB for 4,000 pages), so the
 * index is kept in `cacheDir` under a hash of every page it reads: a rebuild with unchanged
 * pages copies it instead of indexing again.
 */
export async function buildSearchIndex(
  outputDir: string,
  language: string,
  cacheDir: string,
): Promise<SearchIndexStats> {
  const pages = listFiles(outputDir).filter((file) => file.endsWith(".html"));
  const key = indexKey(outputDir, pages, language);
  const cached = path.join(cacheDir, key);
  const target = path.join(outputDir, "pagefind");
  if (existsSync(cached)) {
    cpSync(cached, target, { recursive: true });
    return { pages: pages.length, reused: true };
  }
  const indexed = await runPagefind(outputDir, target, language);
  keepInCache(target, cacheDir, key);
  return { pages: indexed, reused: false };
}

/** A hash of everything Pagefind's output depends on: its version, the language, every page. */
function indexKey(outputDir: string, pages: readonly string[], language: string): string {
  const hash = createHash("sha256").update(`${PAGEFIND_VERSION.version}\n${language}\n`);
  for (const page of [...pages].sort()) {
    hash
      .update(`${page}\n`)
      .update(readFileSync(path.join(outputDir, page)))
      .update("\n");
  }
  return hash.digest("hex").slice(0, 24);
}

async function runPagefind(outputDir: string, target: string, language: string): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: language.split("-")[0] ?? "en" });
  try {
    if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
    const added = await created.index.addDirectory({ path: outputDir });
    if (added.errors.length > 0) {
      throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    }
    const written = await created.index.writeFiles({ outputPath: target });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    }
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Copies a fresh index into the cache (atomically: copy, then rename) and drops old ones. */
function keepInCache(index: string, cacheDir: string, key: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const temporary = path.join(cacheDir, `.tmp-${process.pid}-${key}`);
  cpSync(index, temporary, { recursive: true });
  rmSync(path.join(cacheDir, key), { recursive: true, force: true });
  renameSync(temporary, path.join(cacheDir, key));
  const others = readdirSync(cacheDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== key)
    .map((entry) => path.join(cacheDir, entry.name));
  const byAge = others.sort((a, b) => statTime(b) - statTime(a));
  for (const old of byAge.slice(KEPT_INDEXES - 1)) rmSync(old, { recursive: true, force: true });
}

function statTime(folder: string): number {
  try {
    return statSync(folder).mtimeMs;
  } catch {
    return 0;
  }
}
