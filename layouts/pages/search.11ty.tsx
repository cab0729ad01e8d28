import type { SearchSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { SearchPage } from "../SearchPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: SearchSpec;
}

/** The search page, when the batch has it. */
export const data = {
  pagination: { data: "broadsheet.pages.search", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return <SearchPage context={broadsheet.context} parts={spec.parts} />;
}
