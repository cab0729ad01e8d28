/**
 * How the search index is split into parts that are built apart and merged in the browser
 * (Pagefind's `mergeIndex`). An edit re-indexes the whole part its story is in (Pagefind cannot
 * change an index in place: about 2 ms a story, see docs/engine.md), so parts are small enough
 * for an older story's edit to be cheap, and few enough for the search page, which fetches every
 * part's metadata and one index chunk (about 25 KB) per part and word searched. Parts are
 * calendar periods in the site's time zone, so they are a function of the content and the
 * build's "now" alone (an incremental build indexes exactly the parts a cold one would), and an
 * edit, a deletion or a back-dated story changes its own period's part only:
 *
 * - a year that is over, with at most {@link PART_LIMIT} stories: one part (`2024`);
 * - otherwise each month that is over and within the limit: one part (`2025-03`);
 * - a month over the limit, or not over yet, is halved by its days (`2025-03-01-to-16`,
 *   `2025-03-17-to-31`), and each half again (`2025-03-01-to-08`), until every period that is
 *   over is within the limit, down to single days (`2025-03-05`). Today is always a part of its
 *   own, so a publish re-indexes today's stories only; when a day is over, the largest period it
 *   completes that is within the limit becomes one part (at most {@link PART_LIMIT} stories
 *   indexed again, once);
 * - a day over the limit: parts of {@link PART_LIMIT} stories in publication order (`2026-01-15-2`).
 *
 * A live blog is filed by its newest update rather than its first publication (see
 * {@link searchMoment}): while it runs it sits in today's small part, so a new update re-indexes
 * that part and not the whole month the blog began in.
 */
import { dayKeys } from "./calendar.ts";
import type { PlannedArticle } from "./planned-article.ts";

/**
 * The most stories in one part that is over: an older story's edit indexes at most this many
 * again (Pagefind takes about 2 ms a story here), and a crowded archive of N stories has between
 * N / 2,500 and N / 1,250 parts for the search page to fetch, each costing a reader about 25 KB
 * per word searched. Near where the two costs meet for archives of 50,000 to 100,000 stories
 * (measured: docs/engine.md, "Search in parts"); it also bounds Pagefind's memory (about 0.6 GB).
 *
 * @default 2500
 */
export const PART_LIMIT = 2500;

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

/** The number of days in a month (`2025-02` → 28). */
function monthLength(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

const two = (day: number) => String(day).padStart(2, "0");

/** A story with the day it is filed under. */
interface Filed {
  readonly article: PlannedArticle;
  readonly day: string;
}

/** How one month's stories become parts (see the module's comment). */
function monthParts(
  month: string,
  stories: readonly Filed[],
  today: string,
  limit: number,
  parts: SearchPart[],
): void {
  const last = monthLength(month);
  const period = (from: number, to: number, members: readonly Filed[]): void => {
    if (members.length === 0) return;
    const over = `${month}-${two(to)}` < today;
    const articles = () => members.map((story) => story.article);
    if (over && members.length <= limit) {
      const id =
        from === 1 && to === last
          ? month
          : from === to
            ? `${month}-${two(from)}`
            : `${month}-${two(from)}-to-${two(to)}`;
      parts.push({ id, articles: articles() });
    } else if (from === to) {
      const ofDay = articles();
      for (let start = 0; start < ofDay.length; start += limit) {
        const number = start / limit + 1;
        const id = `${month}-${two(from)}`;
        parts.push({
          id: number === 1 ? id : `${id}-${number}`,
          articles: ofDay.slice(start, start + limit),
        });
      }
    } else {
      const middle = from + Math.floor((to - from) / 2);
      const split = `${month}-${two(middle)}`;
      period(
        from,
        middle,
        members.filter((story) => story.day <= split),
      );
      period(
        middle + 1,
        to,
        members.filter((story) => story.day > split),
      );
    }
  };
  period(1, last, stories);
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
  const dayOf = dayKeys(timeZone);
  const today = dayOf(nowMs);
  const filed: Filed[] = [];
  for (let index = articles.length - 1; index >= 0; index -= 1) {
    const article = articles[index] as PlannedArticle;
    filed.push({ article, day: dayOf(searchMoment(article)) });
  }
  const parts: SearchPart[] = [];
  for (const [year, ofYear] of group(filed, (story) => story.day.slice(0, 4))) {
    if (year < today.slice(0, 4) && ofYear.length <= limit) {
      parts.push({ id: year, articles: ofYear.map((story) => story.article) });
      continue;
    }
    for (const [month, ofMonth] of group(ofYear, (story) => story.day.slice(0, 7))) {
      monthParts(month, ofMonth, today, limit, parts);
    }
  }
  return parts.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
