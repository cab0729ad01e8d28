import type { NotFoundSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { NotFoundPage } from "../NotFoundPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: NotFoundSpec;
}

/** The page static hosts serve for a missing URL, when the batch has it. */
export const data = {
  pagination: { data: "broadsheet.pages.not-found", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet }: TemplateData) {
  return <NotFoundPage context={broadsheet.context} />;
}
