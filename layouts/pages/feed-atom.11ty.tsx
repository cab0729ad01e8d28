import { atomFeed } from "../../scripts/site/feeds/atom.ts";
import { type FeedChannel, feedChannels, feedPath } from "../../scripts/site/feeds/channels.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";

interface FeedTemplateData {
  readonly broadsheet: SiteData;
  readonly channel: FeedChannel;
}

/** The Atom 1.0 feeds: the whole site's at /feed.xml, each section's in its folder. */
export const data = {
  pagination: {
    // Any array will do: `before` replaces it with the channels.
    data: "broadsheet.site.sections",
    size: 1,
    alias: "channel",
    before: (_items: unknown[], page: { readonly broadsheet: SiteData }) =>
      feedChannels(page.broadsheet),
  },
  permalink: (page: FeedTemplateData) => feedPath(page.channel.folder, "atom"),
};

export function render({ channel }: FeedTemplateData): string {
  return atomFeed(channel);
}
