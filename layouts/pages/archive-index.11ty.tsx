import type { ArchiveIndexSpec } from "../../scripts/site/page-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { ArchiveIndexPage } from "../ArchiveIndexPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: ArchiveIndexSpec;
}

/** Archive indexes of the batch: /archive/, /archive/<section>/, /archive/topics/<topic>/. */
export const data = {
  pagination: { data: "broadsheet.pages.archive-index", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return (
    <ArchiveIndexPage context={broadsheet.context} stream={spec.stream} months={spec.months} />
  );
}
