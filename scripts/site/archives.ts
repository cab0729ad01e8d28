/**
 * Date archives: every stream's stories by calendar month, in the site's time zone. A month's
 * stories are cut into pages in the order they were published (oldest first), so a new story
 * lands on its month's last page and no other page of the archive shifts; a month that is over
 * never changes again unless one of its own stories does.
 *
 * URLs: `<archive>/` (the stream's months with their counts), `<archive>/2026/11/` (the month's
 * first page), `<archive>/2026/11/page/2/` (its later pages).
 */
import type { PlannedArticle } from "./planned-article.ts";
import type { Stream, StreamRef } from "./streams.ts";

/**
 * Stories per archive page: compact rows (time, headline, section), so a page stays small on a
 * phone even in a busy month.
 *
 * @default 50
 */
export const ARCHIVE_PAGE_SIZE = 50;

/** A month of a stream, with its stories oldest first. */
export interface ArchiveMonth {
  /** `2026-11`. */
  readonly key: string;
  readonly articles: readonly PlannedArticle[];
}

/** A link to a month's first page. */
export interface MonthLink {
  readonly key: string;
  readonly path: string;
}

/** One page of a month's archive. */
export interface ArchivePage {
  readonly stream: StreamRef;
  readonly month: string;
  /** 1-based. */
  readonly pageNumber: number;
  readonly path: string;
  /** Earlier and later pages of the same month. */
  readonly previousPath?: string;
  readonly nextPath?: string;
  /** Neighbouring months that have stories: shown on a month's first and last pages. */
  readonly previousMonth?: MonthLink;
  readonly nextMonth?: MonthLink;
  /** Oldest first. */
  readonly articles: readonly PlannedArticle[];
}

/** A month in the stream's archive index. */
export interface ArchiveIndexMonth extends MonthLink {
  readonly count: number;
}

/** The stream's archive index: its months, newest first. */
export interface ArchiveIndex {
  readonly stream: StreamRef;
  readonly path: string;
  readonly months: readonly ArchiveIndexMonth[];
}

/** The URL of page `page` of a month of a stream's archive. */
export function monthPath(stream: Pick<StreamRef, "archivePath">, key: string, page = 1): string {
  const [year, month] = key.split("-");
  const first = `${stream.archivePath}${year}/${month}/`;
  return page === 1 ? first : `${first}page/${page}/`;
}

/** The stream's months, newest first, each with its stories oldest first. */
export function archiveMonths(stream: Stream): ArchiveMonth[] {
  const months = new Map<string, PlannedArticle[]>();
  // The stream is newest first: walking it backwards gives each month oldest first.
  for (let index = stream.articles.length - 1; index >= 0; index--) {
    const article = stream.articles[index] as PlannedArticle;
    const month = months.get(article.month);
    if (month) month.push(article);
    else months.set(article.month, [article]);
  }
  return [...months.entries()]
    .map(([key, articles]) => ({ key, articles }))
    .sort((a, b) => b.key.localeCompare(a.key));
}

/** The stream's archive index. */
export function archiveIndex(stream: StreamRef, months: readonly ArchiveMonth[]): ArchiveIndex {
  return {
    stream,
    path: stream.archivePath,
    months: months.map((month) => ({
      key: month.key,
      path: monthPath(stream, month.key),
      count: month.articles.length,
    })),
  };
}

/** Every page of every month of a stream's archive. `months` newest first, as archiveMonths gives them. */
export function archivePages(
  stream: StreamRef,
  months: readonly ArchiveMonth[],
  perPage = ARCHIVE_PAGE_SIZE,
): ArchivePage[] {
  const pages: ArchivePage[] = [];
  months.forEach((month, index) => {
    const later = months[index - 1];
    const earlier = months[index + 1];
    const count = Math.max(1, Math.ceil(month.articles.length / perPage));
    for (let page = 1; page <= count; page++) {
      const edge = page === 1 || page === count;
      pages.push({
        stream,
        month: month.key,
        pageNumber: page,
        path: monthPath(stream, month.key, page),
        ...(page > 1 ? { previousPath: monthPath(stream, month.key, page - 1) } : {}),
        ...(page < count ? { nextPath: monthPath(stream, month.key, page + 1) } : {}),
        ...(edge && earlier
          ? { previousMonth: { key: earlier.key, path: monthPath(stream, earlier.key) } }
          : {}),
        ...(edge && later
          ? { nextMonth: { key: later.key, path: monthPath(stream, later.key) } }
          : {}),
        articles: month.articles.slice((page - 1) * perPage, page * perPage),
      });
    }
  });
  return pages;
}
