import type { ArchiveMonthSpec } from "../../scripts/site/page-specs.ts";
import { type RenderBatch, rowModel } from "../../scripts/site/render-batch.ts";
import { ArchiveMonthPage } from "../ArchiveMonthPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: ArchiveMonthSpec;
}

/** Month pages of the batch: <archive>/2026/11/ and <archive>/2026/11/page/<n>/. */
export const data = {
  pagination: { data: "broadsheet.pages.archive-month", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  const { items, kind: _kind, ...place } = spec;
  return <ArchiveMonthPage context={broadsheet.context} {...place} rows={items.map(rowModel)} />;
}
