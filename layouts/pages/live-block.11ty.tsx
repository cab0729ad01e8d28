import type { LiveBlockSpec } from "../../scripts/site/live-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { LiveBlockPage } from "../LiveBlockPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: LiveBlockSpec;
}

/** Each page of a live blog's updates in the batch, at /<section>/<slug>/updates/<n>/. */
export const data = {
  pagination: { data: "broadsheet.pages.live-block", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return <LiveBlockPage spec={spec} context={broadsheet.context} />;
}
