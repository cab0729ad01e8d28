import { headerRules, headersFile } from "../../scripts/site/headers.ts";
import type { HeadersSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: HeadersSpec;
}

/** /_headers: security and caching headers for Netlify and Cloudflare Pages. */
export const data = {
  pagination: { data: "broadsheet.pages.headers", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return headersFile(headerRules(spec.site, spec.embedPages));
}
