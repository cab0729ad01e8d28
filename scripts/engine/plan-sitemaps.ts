/**
 * The sitemaps: an index of files split by month (a month that is over never changes unless one
 * of its stories does), and the Google News sitemap of the last two days' stories. Each file's
 * key is its own content: its entries and their times.
 */
import type { NewsSite, SitemapSite } from "../site/page-specs.ts";
import type { PlannedArticle } from "../site/planned-article.ts";
import { NEWS_SITEMAP_PATH, recentArticles } from "../site/sitemaps/news.ts";
import { newest, type PlannedEntry, plannedSitemaps } from "../site/sitemaps/parts.ts";
import { SITEMAP_PATH } from "../site/sitemaps/sitemap.ts";
import type { Stream } from "../site/streams.ts";
import { jsonKey } from "./hashing.ts";
import type { PlanInput } from "./page-plan.ts";
import type { Add } from "./plan-listings.ts";

/** The sitemap index and its files; `others` are listing pages outside the streams. */
export function planSitemaps(
  add: Add,
  input: PlanInput,
  streams: readonly Stream[],
  shown: (stream: Stream) => readonly PlannedArticle[],
  others: readonly PlannedEntry[],
) {
  const { site } = input;
  const sitemapSite: SitemapSite = {
    origin: site.origin,
    pathPrefix: site.pathPrefix,
    timeZone: site.timeZone,
  };
  const files = plannedSitemaps(input.articles, streams, shown, undefined, others);
  const entrySpec = (entry: { path: string; lastmod?: { iso: string } }) =>
    entry.lastmod ? { path: entry.path, lastmod: entry.lastmod.iso } : { path: entry.path };
  const parts = files.map((file) => {
    const lastmod = newest(file.entries);
    return entrySpec(lastmod ? { path: file.path, lastmod } : { path: file.path });
  });
  const index = { kind: "sitemap-index", path: SITEMAP_PATH, site: sitemapSite, parts } as const;
  add("sitemap-index", SITEMAP_PATH, jsonKey(index), () => index);
  for (const file of files) {
    const spec = {
      kind: "sitemap",
      path: file.path,
      site: sitemapSite,
      entries: file.entries.map(entrySpec),
    } as const;
    add("sitemap", file.path, jsonKey(spec), () => spec);
  }
}

/** The Google News sitemap. */
export function planNewsSitemap(add: Add, input: PlanInput) {
  const { site, articles } = input;
  const news: NewsSite = {
    name: site.name,
    origin: site.origin,
    pathPrefix: site.pathPrefix,
    language: site.language,
    timeZone: site.timeZone,
  };
  // Sponsored pieces are advertising, not news: Google News must not list them.
  const recent = recentArticles(
    articles.map((article) => article.card).filter((card) => card.kind !== "sponsored"),
    input.nowMs,
  ).map((card) => ({ url: card.url, title: card.title, date: card.date }));
  const newsSpec = {
    kind: "news-sitemap",
    path: NEWS_SITEMAP_PATH,
    site: news,
    articles: recent,
  } as const;
  add("news-sitemap", NEWS_SITEMAP_PATH, jsonKey(newsSpec), () => newsSpec);
}
