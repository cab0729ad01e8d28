import type { SitemapIndexSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { sitemapIndexXml } from "../../scripts/site/sitemaps/sitemap.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: SitemapIndexSpec;
}

/** /sitemap.xml: the index over the month and page sitemaps. */
export const data = {
  pagination: { data: "broadsheet.pages.sitemap-index", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return sitemapIndexXml(spec.site, spec.parts);
}
