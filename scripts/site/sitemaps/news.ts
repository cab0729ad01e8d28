/**
 * `/news-sitemap.xml`, Google News' sitemap: articles first published in the two days before
 * the build's "now" (`BROADSHEET_NOW` fixes it), newest first, at most 1,000. One file, updated
 * in place each build, as Google asks; with no recent articles it is an empty `urlset`.
 */
import { DateTime, Duration } from "luxon";
import { rfc3339 } from "../feeds/dates.ts";
import { publicUrl } from "../feeds/links.ts";
import { addText, NAMESPACES, serializeXml, xmlRoot } from "../feeds/xml.ts";
import type { NewsSite, NewsSitemapSpec } from "../page-specs.ts";

/** The News sitemap's address, the one robots.txt names. */
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/**
 * How far back the News sitemap reaches: Google's "last two days", as 48 hours.
 *
 * @default 48 hours
 */
export const NEWS_WINDOW = Duration.fromObject({ hours: 48 });

/**
 * `news:news` entries per file, Google's maximum.
 *
 * @default 1000
 */
export const NEWS_LIMIT = 1000;

/**
 * The articles for the News sitemap: first published within {@link NEWS_WINDOW} before `nowMs`
 * (bounds included; anything dated after now is left out), newest first, at most `limit`.
 */
export function recentArticles<T extends { readonly dateMs: number }>(
  articles: readonly T[],
  nowMs: number,
  limit = NEWS_LIMIT,
): T[] {
  const from = nowMs - NEWS_WINDOW.toMillis();
  return articles
    .filter((article) => article.dateMs >= from && article.dateMs <= nowMs)
    .sort((a, b) => b.dateMs - a.dateMs)
    .slice(0, limit);
}

/**
 * The publication's language as Google News wants it: the ISO 639 code (`en-SG` is `en`),
 * except Chinese, written `zh-cn` (Simplified) or `zh-tw` (Traditional).
 */
export function newsLanguage(language: string): string {
  const subtags = language.toLowerCase().split(/[-_]/);
  const primary = subtags[0] ?? "";
  if (primary !== "zh") return primary;
  const traditional = subtags.some((subtag) => ["hant", "tw", "hk", "mo"].includes(subtag));
  return traditional ? "zh-tw" : "zh-cn";
}

/** The News sitemap's XML for the chosen articles (see {@link recentArticles}), newest first. */
export function newsSitemapXml(site: NewsSite, articles: NewsSitemapSpec["articles"]): string {
  const urlset = xmlRoot(NAMESPACES.sitemap, "urlset", { "xmlns:news": NAMESPACES.news });
  for (const article of articles) {
    const url = urlset.ele("url");
    addText(url, "loc", publicUrl(site, article.url));
    const news = url.ele("news:news");
    const publication = news.ele("news:publication");
    addText(publication, "news:name", site.name);
    addText(publication, "news:language", newsLanguage(site.language));
    const published = DateTime.fromISO(article.date, { setZone: true }).setZone(site.timeZone);
    addText(news, "news:publication_date", rfc3339(published));
    addText(news, "news:title", article.title);
  }
  return serializeXml(urlset);
}
