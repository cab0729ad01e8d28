import { type FeedOutput, feedOutputs, renderFeed } from "../../scripts/site/feeds/outputs.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";

interface FeedTemplateData {
  readonly broadsheet: SiteData;
  readonly feed: FeedOutput;
}

/** Atom, RSS 2.0 and JSON Feed 1.1: the whole site's at /feed.xml, /rss.xml, /feed.json, each section's in its folder. */
export const data = {
  pagination: {
    // Eleventy paginates over data it can name; `before` swaps in the feed files, computed once.
    data: "broadsheet.site.sections",
    size: 1,
    alias: "feed",
    before: (_sections: unknown[], page: { readonly broadsheet: SiteData }) =>
      feedOutputs(page.broadsheet),
  },
  permalink: (page: FeedTemplateData) => page.feed.path,
};

export function render({ feed }: FeedTemplateData): string {
  return renderFeed(feed);
}
