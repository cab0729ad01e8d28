/**
 * The sitemaps (sitemaps.org 0.9): `/sitemap.xml` is an index over one file per month of
 * articles (`/sitemaps/articles-2026-11.xml`) and the stream pages (`/sitemaps/pages.xml`), so
 * a new story rewrites its month's file, the pages file and the index, never the whole archive.
 * Any file past 50,000 URLs (the protocol's limit) is split into numbered files
 * (`articles-2026-11-2.xml`). `lastmod` is to the second, with the site zone's offset.
 */
import { DateTime } from "luxon";
import { rfc3339 } from "../feeds/dates.ts";
import { publicUrl } from "../feeds/links.ts";
import { addText, NAMESPACES, serializeXml, xmlRoot } from "../feeds/xml.ts";
import type { SitemapEntrySpec, SitemapSite } from "../page-specs.ts";

/**
 * URLs per sitemap file, the protocol's maximum.
 *
 * @default 50_000
 */
export const SITEMAP_LIMIT = 50_000;

/** The sitemap's address, the one robots.txt names. */
export const SITEMAP_PATH = "/sitemap.xml";

/** Where the index's files go. */
export const SITEMAP_PARTS_FOLDER = "/sitemaps/";

function lastmodText(site: SitemapSite, iso: string): string {
  return rfc3339(DateTime.fromISO(iso, { setZone: true }).setZone(site.timeZone));
}

/** A `<urlset>` of entries. */
export function urlsetXml(site: SitemapSite, entries: readonly SitemapEntrySpec[]): string {
  const urlset = xmlRoot(NAMESPACES.sitemap, "urlset");
  for (const entry of entries) {
    const url = urlset.ele("url");
    addText(url, "loc", publicUrl(site, entry.path));
    if (entry.lastmod) addText(url, "lastmod", lastmodText(site, entry.lastmod));
  }
  return serializeXml(urlset);
}

/** A `<sitemapindex>` over the files. */
export function sitemapIndexXml(site: SitemapSite, parts: readonly SitemapEntrySpec[]): string {
  const index = xmlRoot(NAMESPACES.sitemap, "sitemapindex");
  for (const part of parts) {
    const sitemap = index.ele("sitemap");
    addText(sitemap, "loc", publicUrl(site, part.path));
    if (part.lastmod) addText(sitemap, "lastmod", lastmodText(site, part.lastmod));
  }
  return serializeXml(index);
}
