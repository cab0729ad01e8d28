import { correctionsChannel } from "../../scripts/site/corrections.ts";
import type { CorrectionsFeedSpec } from "../../scripts/site/editorial-specs.ts";
import { renderFeed } from "../../scripts/site/feeds/outputs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: CorrectionsFeedSpec;
}

/** The corrections feed of the batch: /corrections/feed.xml, rss.xml and feed.json. */
export const data = {
  pagination: { data: "broadsheet.pages.corrections-feed", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ spec }: TemplateData): string {
  return renderFeed(correctionsChannel(spec), spec.format);
}
