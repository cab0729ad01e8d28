/**
 * What the benchmark remembers of a generated archive without holding its articles: one small
 * entry per article (100,000 of them are a few megabytes; the articles with their bodies would
 * be half a gigabyte), and the articles the incremental builds edit, chosen from it.
 */
import type { BenchArticle } from "./generate.ts";

/** One article of the archive, without its body. */
export interface ArchiveEntry {
  readonly index: number;
  readonly slug: string;
  readonly section: string;
  readonly title: string;
  readonly date: string;
}

/** The entry of a generated article. */
export function archiveEntry(index: number, article: BenchArticle): ArchiveEntry {
  const { slug, section, title, date } = article;
  return { index, slug, section, title, date };
}

/** The articles the incremental builds and the dev server change. */
export interface ArchivePicks {
  /** One per repeat of "one edited": the newest articles, whose headlines the listings show. */
  readonly edited: readonly ArchiveEntry[];
  /** The dev server's article: the newest one the builds do not touch. */
  readonly devServer: ArchiveEntry;
  /** One per repeat of "one deleted": from the middle of the archive by date. */
  readonly deleted: readonly ArchiveEntry[];
  /** One per repeat of "older edited": three quarters of the way back, older than the deleted. */
  readonly older: readonly ArchiveEntry[];
}

/** The moment an entry was published, for ordering: dates all carry the same offset. */
function newestFirst(a: ArchiveEntry, b: ArchiveEntry): number {
  return Date.parse(b.date) - Date.parse(a.date) || a.index - b.index;
}

/**
 * Chooses the articles to edit and delete: the `repeat` newest to retitle, the next for the dev
 * server, `repeat` around the median date to delete, and `repeat` three quarters of the way back
 * (a story months old, in a search part that is over) to retitle.
 *
 * @throws when the archive is too small to choose them all distinct.
 */
export function pickArticles(entries: readonly ArchiveEntry[], repeat: number): ArchivePicks {
  if (entries.length < 3 * repeat + 2) {
    throw new Error(`an archive of ${entries.length} is too small for ${repeat} repeat(s)`);
  }
  const byDate = [...entries].sort(newestFirst);
  const middle = Math.max(repeat + 1, Math.floor(byDate.length / 2) - Math.floor(repeat / 2));
  const older = Math.min(
    byDate.length - repeat,
    Math.max(middle + repeat, Math.floor((byDate.length * 3) / 4)),
  );
  return {
    edited: byDate.slice(0, repeat),
    devServer: byDate[repeat] as ArchiveEntry,
    deleted: byDate.slice(middle, middle + repeat),
    older: byDate.slice(older, older + repeat),
  };
}
