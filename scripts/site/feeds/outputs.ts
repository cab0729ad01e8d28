import { atomFeed } from "./atom.ts";
import {
  type FeedChannel,
  type FeedFormat,
  type FeedSource,
  feedChannels,
  feedPath,
} from "./channels.ts";
import { jsonFeed } from "./json-feed.ts";
import { rssFeed } from "./rss.ts";

/** One feed file: a channel in one format. */
export interface FeedOutput {
  readonly channel: FeedChannel;
  readonly format: FeedFormat;
  /** Site-relative path, e.g. `/asia/rss.xml`. */
  readonly path: string;
}

const RENDERERS: { readonly [format in FeedFormat]: (channel: FeedChannel) => string } = {
  atom: atomFeed,
  rss: rssFeed,
  json: jsonFeed,
};

/** Every feed file the site publishes: each channel (site, then sections) in Atom, RSS and JSON Feed. */
export function feedOutputs(source: FeedSource): FeedOutput[] {
  const formats = Object.keys(RENDERERS) as FeedFormat[];
  return feedChannels(source).flatMap((channel) =>
    formats.map((format) => ({ channel, format, path: feedPath(channel.folder, format) })),
  );
}

/** The text of one feed file. */
export function renderFeed(output: FeedOutput): string {
  return RENDERERS[output.format](output.channel);
}
