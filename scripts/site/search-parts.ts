/**
 * How the search index is split into parts that are built apart and merged in the browser
 * (Pagefind's `mergeIndex`). A publish re-indexes only the part it touched, and no part is so
 * large that indexing it exceeds the memory bound (Pagefind holds about 0.25 MB per story while
 * indexing). Parts are calendar periods in the site's time zone, so an edit, a deletion or a
 * back-dated story changes its own period's part only:
 *
 * - a year that is over, with at most {@link PART_LIMIT} stories: one part (`2024`);
 * - otherwise each month: one part (`2025-03`);
 * - the month the build's "now" is in, and any month over the limit: a part per day
 *   (`2026-01-15`), so today's stories are re-indexed in a moment; when the month is over its
 *   days are joined into one part, once;
 * - a day over the limit: parts of {@link PART_LIMIT} stories in publication order (`2026-01-15-2`).
 *
 * A live blog is filed by its newest update rather than its first publication (see
 * {@link searchMoment}): while it runs it sits in today's small part, so a new update re-indexes
 * that part and not the whole month the blog began in.
 */
import { dayKey, monthKey } from "./calendar.ts";
import type { PlannedArticle } from "./planned-article.ts";

/**
 * The most stories in one part: Pagefind peaks near 1.2 GB for 5,000 stories of 600 words,
 * within the 2 GiB a build process may use.
 *
 * @default 5000
 */
export const PART_LIMIT = 5000;

/** A part of the search index and its stories, oldest first. */
export interface SearchPart {
  readonly id: string;
  readonly articles: readonly PlannedArticle[];
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const members = groups.get(name);
    if (members) members.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/**
 * When a story last changed for search: a live blog's newest update (its words are the blog's),
 * any other story's first publication.
 */
function searchMoment(article: PlannedArticle): number {
  return article.live?.latest?.ms ?? article.card.dateMs;
}

/** The month a story is filed under: its publication month, or a live blog's newest update's. */
function searchMonth(article: PlannedArticle, timeZone: string): string {
  return article.live?.latest ? monthKey(article.live.latest.ms, timeZone) : article.month;
}

/**
 * The parts, newest first. `articles` are the published stories newest first; `nowMs` is the
 * build's now; `timeZone` the site's.
 */
export function searchParts(
  articles: readonly PlannedArticle[],
  nowMs: number,
  timeZone: string,
  limit = PART_LIMIT,
): SearchPart[] {
  const currentDay = dayKey(nowMs, timeZone);
  const currentMonth = currentDay.slice(0, 7);
  const currentYear = currentDay.slice(0, 4);
  const oldestFirst = [...articles].reverse();
  const parts: SearchPart[] = [];
  const month = (article: PlannedArticle) => searchMonth(article, timeZone);
  for (const [year, ofYear] of group(oldestFirst, (article) => month(article).slice(0, 4))) {
    if (year < currentYear && ofYear.length <= limit) {
      parts.push({ id: year, articles: ofYear });
      continue;
    }
    for (const [id, ofMonth] of group(ofYear, month)) {
      if (id !== currentMonth && ofMonth.length <= limit) {
        parts.push({ id, articles: ofMonth });
        continue;
      }
      const byDay = group(ofMonth, (article) => dayKey(searchMoment(article), timeZone));
      for (const [day, ofDay] of byDay) {
        for (let start = 0; start < ofDay.length; start += limit) {
          const number = start / limit + 1;
          parts.push({
            id: number === 1 ? day : `${day}-${number}`,
            articles: ofDay.slice(start, start + limit),
          });
        }
      }
    }
  }
  return parts.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
