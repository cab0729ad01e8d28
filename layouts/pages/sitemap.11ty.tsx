import type { SitemapSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { urlsetXml } from "../../scripts/site/sitemaps/sitemap.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: SitemapSpec;
}

/** /sitemaps/pages.xml and /sitemaps/articles-<yyyy>-<mm>.xml of the batch. */
export const data = {
  pagination: { data: "broadsheet.pages.sitemap", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return urlsetXml(spec.site, spec.entries);
}
