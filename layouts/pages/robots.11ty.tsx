import type { SiteData } from "../../scripts/site/prepare.ts";
import { robotsTxt } from "../../scripts/site/sitemaps/robots.ts";

/** /robots.txt: crawl everything; here are the sitemaps. */
export const data = { permalink: "/robots.txt" };

export function render({ broadsheet }: { readonly broadsheet: SiteData }): string {
  return robotsTxt(broadsheet.site);
}
