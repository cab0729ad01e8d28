import { feedChannel } from "../../scripts/site/feeds/channels.ts";
import { renderFeed } from "../../scripts/site/feeds/outputs.ts";
import type { FeedSpec } from "../../scripts/site/page-specs.ts";
import { feedArticles, moment, type RenderBatch } from "../../scripts/site/render-batch.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: FeedSpec;
}

/** Atom, RSS 2.0 and JSON Feed 1.1 files of the batch: the site's and each section's. */
export const data = {
  pagination: { data: "broadsheet.pages.feed", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData): string {
  const channel = feedChannel(
    spec.site,
    {
      folder: spec.folder,
      title: spec.title,
      description: spec.description,
      updated: moment(spec.updated),
    },
    feedArticles(broadsheet, spec),
  );
  return renderFeed(channel, spec.format);
}
