import * as pagefind from "pagefind";

/** What indexing produced, for the build's summary. */
export interface SearchIndexStats {
  readonly pages: number;
}

/**
 * Builds the static search index (Pagefind) from the finished pages in `outputDir`, into
 * `<outputDir>/pagefind/`. Only article bodies are indexed: article pages mark their story
 * with `data-pagefind-body`, so listings, topics and the 404 page stay out of results.
 */
export async function buildSearchIndex(
  outputDir: string,
  language: string,
): Promise<SearchIndexStats> {
  const created = await pagefind.createIndex({ forceLanguage: language.split("-")[0] ?? "en" });
  try {
    if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
    const added = await created.index.addDirectory({ path: outputDir });
    if (added.errors.length > 0)
      throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await created.index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
