import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import type { StandingPageSpec } from "../../scripts/site/standing-pages.ts";
import { StandingPage } from "../StandingPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: StandingPageSpec;
}

/** The standing pages of the batch (about us, contact, policies), at /<slug>/. */
export const data = {
  pagination: { data: "broadsheet.pages.standing-page", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return (
    <StandingPage
      context={broadsheet.context}
      page={spec.page}
      {...(spec.bodyImages ? { bodyImages: spec.bodyImages } : {})}
    />
  );
}
