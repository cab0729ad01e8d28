import { type BreakingSpec, breakingJson } from "../../scripts/site/front-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: BreakingSpec;
}

/** /breaking.json: the breaking-news banner article pages show, or `{}` when there is none. */
export const data = {
  pagination: { data: "broadsheet.pages.breaking", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return breakingJson(spec);
}
