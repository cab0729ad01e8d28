import type { SiteData } from "../../scripts/site/prepare.ts";
import {
  type SitemapFile,
  sitemapEntries,
  sitemapFiles,
} from "../../scripts/site/sitemaps/sitemap.ts";

interface SitemapTemplateData {
  readonly broadsheet: SiteData;
  readonly sitemap: SitemapFile;
}

/** /sitemap.xml: every page (an index over numbered parts past 50,000 URLs). */
export const data = {
  pagination: {
    // Any array will do: `before` replaces it with the sitemap files.
    data: "broadsheet.site.sections",
    size: 1,
    alias: "sitemap",
    before: (_items: unknown[], page: { readonly broadsheet: SiteData }) =>
      sitemapFiles(page.broadsheet.site, sitemapEntries(page.broadsheet)),
  },
  permalink: (page: SitemapTemplateData) => page.sitemap.path,
};

export function render({ sitemap }: SitemapTemplateData): string {
  return sitemap.xml;
}
