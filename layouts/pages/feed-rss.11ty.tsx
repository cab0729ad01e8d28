import { type FeedChannel, feedChannels, feedPath } from "../../scripts/site/feeds/channels.ts";
import { rssFeed } from "../../scripts/site/feeds/rss.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";

interface FeedTemplateData {
  readonly broadsheet: SiteData;
  readonly channel: FeedChannel;
}

/** The RSS 2.0 feeds: the whole site's at /rss.xml, each section's in its folder. */
export const data = {
  pagination: {
    // Any array will do: `before` replaces it with the channels.
    data: "broadsheet.site.sections",
    size: 1,
    alias: "channel",
    before: (_items: unknown[], page: { readonly broadsheet: SiteData }) =>
      feedChannels(page.broadsheet),
  },
  permalink: (page: FeedTemplateData) => feedPath(page.channel.folder, "rss"),
};

export function render({ channel }: FeedTemplateData): string {
  return rssFeed(channel);
}
