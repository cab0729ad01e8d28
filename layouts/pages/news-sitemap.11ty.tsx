import type { NewsSitemapSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { newsSitemapXml } from "../../scripts/site/sitemaps/news.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: NewsSitemapSpec;
}

/** /news-sitemap.xml: Google News' sitemap of the last two days' articles. */
export const data = {
  pagination: { data: "broadsheet.pages.news-sitemap", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return newsSitemapXml(spec.site, spec.articles);
}
