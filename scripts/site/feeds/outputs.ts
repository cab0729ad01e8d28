import { atomFeed } from "./atom.ts";
import type { FeedChannel, FeedFormat } from "./channels.ts";
import { jsonFeed } from "./json-feed.ts";
import { rssFeed } from "./rss.ts";

const RENDERERS: { readonly [format in FeedFormat]: (channel: FeedChannel) => string } = {
  atom: atomFeed,
  rss: rssFeed,
  json: jsonFeed,
};

/** The formats every channel is published in: Atom first (readers offer the first they find). */
export const FEED_FORMATS: readonly FeedFormat[] = ["atom", "rss", "json"];

/** The text of one feed file: a channel in one format. */
export function renderFeed(channel: FeedChannel, format: FeedFormat): string {
  return RENDERERS[format](channel);
}
