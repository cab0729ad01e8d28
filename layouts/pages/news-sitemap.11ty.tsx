import type { SiteData } from "../../scripts/site/prepare.ts";
import { NEWS_SITEMAP_PATH, newsSitemap } from "../../scripts/site/sitemaps/news.ts";

/** /news-sitemap.xml: Google News' sitemap of the last two days' articles. */
export const data = { permalink: NEWS_SITEMAP_PATH };

export function render({ broadsheet }: { readonly broadsheet: SiteData }): string {
  return newsSitemap(broadsheet.site, broadsheet.articles, broadsheet.now);
}
