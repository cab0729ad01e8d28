import type { CorrectionsSpec } from "../../scripts/site/editorial-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { CorrectionsPage } from "../CorrectionsPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: CorrectionsSpec;
}

/** Corrections pages of the batch: /corrections/, /archive/corrections/ and its months. */
export const data = {
  pagination: { data: "broadsheet.pages.corrections", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return (
    <CorrectionsPage
      context={broadsheet.context}
      path={spec.path}
      view={spec.view}
      rows={spec.rows}
    />
  );
}
