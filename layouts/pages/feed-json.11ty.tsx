import { type FeedChannel, feedChannels, feedPath } from "../../scripts/site/feeds/channels.ts";
import { jsonFeed } from "../../scripts/site/feeds/json-feed.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";

interface FeedTemplateData {
  readonly broadsheet: SiteData;
  readonly channel: FeedChannel;
}

/** The JSON Feed 1.1 feeds: the whole site's at /feed.json, each section's in its folder. */
export const data = {
  pagination: {
    // Any array will do: `before` replaces it with the channels.
    data: "broadsheet.site.sections",
    size: 1,
    alias: "channel",
    before: (_items: unknown[], page: { readonly broadsheet: SiteData }) =>
      feedChannels(page.broadsheet),
  },
  permalink: (page: FeedTemplateData) => feedPath(page.channel.folder, "json"),
};

export function render({ channel }: FeedTemplateData): string {
  return jsonFeed(channel);
}
