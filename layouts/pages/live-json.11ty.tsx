import { renderToString } from "preact-render-to-string";
import { liveJson } from "../../scripts/site/live-json.ts";
import type { LiveJsonSpec } from "../../scripts/site/live-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { LiveUpdate } from "../components/LiveUpdate.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: LiveJsonSpec;
}

/** Each live blog's JSON of its newest updates in the batch, at /<section>/<slug>/live.json. */
export const data = {
  pagination: { data: "broadsheet.pages.live-json", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData): string {
  const { site } = broadsheet.context;
  return liveJson(spec, site, (update) =>
    renderToString(<LiveUpdate update={update} site={site} />),
  );
}
