/**
 * `/sitemap.xml` (sitemaps.org 0.9): every indexable page, with `lastmod` to the second and
 * with offset. Past 50,000 URLs (the protocol's limit per file) it becomes a sitemap index
 * over `/sitemaps/sitemap-1.xml`, `/sitemaps/sitemap-2.xml`, ... so the address search engines know never changes.
 */
import type { DateTime } from "luxon";
import type { Article, Site } from "../../content/model.ts";
import { rfc3339 } from "../feeds/dates.ts";
import { publicUrl } from "../feeds/links.ts";
import { addText, NAMESPACES, serializeXml, xmlRoot } from "../feeds/xml.ts";

/**
 * URLs per sitemap file, the protocol's maximum.
 *
 * @default 50_000
 */
export const SITEMAP_LIMIT = 50_000;

/** The sitemap's address, the one robots.txt names. */
export const SITEMAP_PATH = "/sitemap.xml";

/** Where the numbered parts go when one file is not enough. */
export const SITEMAP_PARTS_FOLDER = "/sitemaps/";

export interface SitemapEntry {
  /** Site-relative path, without the prefix. */
  readonly path: string;
  /** When the page last changed; omitted for a page with no stories yet. */
  readonly lastmod?: DateTime;
}

/** One file to write: site-relative path and its XML. */
export interface SitemapFile {
  readonly path: string;
  readonly xml: string;
}

/** A listing as the sitemap needs it (SiteData's sections and topics). */
export interface SitemapListing {
  readonly path: string;
  readonly articles: readonly Article[];
}

export interface SitemapSource {
  readonly site: Site;
  /** Published articles, newest first. */
  readonly articles: readonly Article[];
  readonly sections: readonly SitemapListing[];
  readonly topics: readonly SitemapListing[];
}

/** When an article last changed: its update, else its first publication. */
export function lastModified(article: Pick<Article, "date" | "updated">): DateTime {
  return article.updated ?? article.date;
}

/** The newest `lastModified` among some articles. */
function newestChange(articles: readonly Article[]): DateTime | undefined {
  let latest: DateTime | undefined;
  for (const article of articles) {
    const moment = lastModified(article);
    if (!latest || moment.toMillis() > latest.toMillis()) latest = moment;
  }
  return latest;
}

/**
 * The pages: home, every section (empty ones too: the navigation links to them), every topic,
 * every article. Listings are dated by their newest story; only their first page is listed,
 * as later pages shift with every new story and each story is listed on its own.
 */
export function sitemapEntries(source: SitemapSource): SitemapEntry[] {
  const zone = (moment: DateTime | undefined) => moment?.setZone(source.site.timeZone);
  const listing = (path: string, articles: readonly Article[]): SitemapEntry => {
    const lastmod = zone(newestChange(articles));
    return lastmod ? { path, lastmod } : { path };
  };
  return [
    listing("/", source.articles),
    ...source.sections.map((section) => listing(section.path, section.articles)),
    ...source.topics.map((topic) => listing(topic.path, topic.articles)),
    ...source.articles.map((article) => ({
      path: article.url,
      lastmod: lastModified(article).setZone(source.site.timeZone),
    })),
  ];
}

/** A `<urlset>` of entries. */
export function urlsetXml(site: Site, entries: readonly SitemapEntry[]): string {
  const urlset = xmlRoot(NAMESPACES.sitemap, "urlset");
  for (const entry of entries) {
    const url = urlset.ele("url");
    addText(url, "loc", publicUrl(site, entry.path));
    if (entry.lastmod) addText(url, "lastmod", rfc3339(entry.lastmod));
  }
  return serializeXml(urlset);
}

/**
 * The sitemap file(s): one `urlset` at {@link SITEMAP_PATH} up to `limit` URLs, else an index
 * there and numbered `urlset` files beside it.
 */
export function sitemapFiles(
  site: Site,
  entries: readonly SitemapEntry[],
  limit = SITEMAP_LIMIT,
): SitemapFile[] {
  if (entries.length <= limit) return [{ path: SITEMAP_PATH, xml: urlsetXml(site, entries) }];
  const chunks: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += limit) {
    chunks.push(entries.slice(start, start + limit));
  }
  const parts = chunks.map((chunk, index) => ({
    path: `${SITEMAP_PARTS_FOLDER}sitemap-${index + 1}.xml`,
    xml: urlsetXml(site, chunk),
    lastmod: newestOf(chunk.map((entry) => entry.lastmod)),
  }));
  const index = xmlRoot(NAMESPACES.sitemap, "sitemapindex");
  for (const part of parts) {
    const sitemap = index.ele("sitemap");
    addText(sitemap, "loc", publicUrl(site, part.path));
    if (part.lastmod) addText(sitemap, "lastmod", rfc3339(part.lastmod));
  }
  return [
    { path: SITEMAP_PATH, xml: serializeXml(index) },
    ...parts.map(({ path, xml }) => ({ path, xml })),
  ];
}

function newestOf(moments: readonly (DateTime | undefined)[]): DateTime | undefined {
  let latest: DateTime | undefined;
  for (const moment of moments) {
    if (moment && (!latest || moment.toMillis() > latest.toMillis())) latest = moment;
  }
  return latest;
}
