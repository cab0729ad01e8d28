/**
 * Which sitemap files the site has and what each lists: the plan's side of sitemap.ts. Articles
 * go in the file of the month they were first published (in the site's zone); stream pages in
 * the pages file. Dated entries carry their ISO time and milliseconds (for picking the newest).
 */
import { lastModified as cardModified } from "../last-modified.ts";
import type { PlannedArticle } from "../planned-article.ts";
import type { Stream } from "../streams.ts";
import { SITEMAP_LIMIT, SITEMAP_PARTS_FOLDER } from "./sitemap.ts";

/** A sitemap entry as planned. */
export interface PlannedEntry {
  readonly path: string;
  readonly lastmod?: { readonly iso: string; readonly ms: number };
}

/** One sitemap file as planned. */
export interface PlannedSitemap {
  readonly path: string;
  readonly entries: readonly PlannedEntry[];
}

/** When an article last changed: its latest correction or update, else its first publication. */
export function lastModified(article: PlannedArticle): { iso: string; ms: number } {
  return cardModified(article.card);
}

/** The newest of some entries' times. */
export function newest(entries: readonly PlannedEntry[]): PlannedEntry["lastmod"] {
  let latest: PlannedEntry["lastmod"];
  for (const entry of entries) {
    if (entry.lastmod && (!latest || entry.lastmod.ms > latest.ms)) latest = entry.lastmod;
  }
  return latest;
}

/** Splits a file's entries at the protocol's limit: `name.xml`, `name-2.xml`, ... */
function chunked(name: string, entries: readonly PlannedEntry[], limit: number): PlannedSitemap[] {
  const files: PlannedSitemap[] = [];
  for (let start = 0; start === 0 || start < entries.length; start += limit) {
    const number = start / limit + 1;
    files.push({
      path: `${SITEMAP_PARTS_FOLDER}${name}${number === 1 ? "" : `-${number}`}.xml`,
      entries: entries.slice(start, start + limit),
    });
  }
  return files;
}

/**
 * The stream pages (home, sections, topics, authors; each dated by the newest change among the
 * stories it shows) and `others` (listing pages outside the streams), then one file per month of
 * articles, oldest month first, each in publication order. `articles` newest first; `shown`
 * gives the stories a stream's front page shows.
 */
export function plannedSitemaps(
  articles: readonly PlannedArticle[],
  streams: readonly Stream[],
  shown: (stream: Stream) => readonly PlannedArticle[],
  limit = SITEMAP_LIMIT,
  others: readonly PlannedEntry[] = [],
): PlannedSitemap[] {
  const pages = streams.map((stream) => {
    const lastmod = newest(
      shown(stream).map((article) => ({ path: "", lastmod: lastModified(article) })),
    );
    return lastmod ? { path: stream.path, lastmod } : { path: stream.path };
  });
  pages.push(...others);
  const months = new Map<string, PlannedEntry[]>();
  for (let index = articles.length - 1; index >= 0; index--) {
    const article = articles[index] as PlannedArticle;
    const entry = { path: article.card.url, lastmod: lastModified(article) };
    const month = months.get(article.month);
    if (month) month.push(entry);
    else months.set(article.month, [entry]);
  }
  return [
    ...chunked("pages", pages, limit),
    ...[...months.keys()]
      .sort()
      .flatMap((month) => chunked(`articles-${month}`, months.get(month) ?? [], limit)),
  ];
}
