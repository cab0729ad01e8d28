import type { RobotsSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { robotsTxt } from "../../scripts/site/sitemaps/robots.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: RobotsSpec;
}

/** /robots.txt: crawl everything; here are the sitemaps. */
export const data = {
  pagination: { data: "broadsheet.pages.robots", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return robotsTxt(spec.site);
}
