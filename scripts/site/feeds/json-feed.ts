/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a typed object serialised with
 * JSON.stringify: no library needed, and no library at hand writes 1.1 (the `feed` package
 * writes 1.0, with UTC times).
 */
import type { FeedChannel, FeedItem } from "./channels.ts";
import { rfc3339 } from "./dates.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export interface JsonFeedAuthor {
  readonly name: string;
  readonly url?: string;
  readonly avatar?: string;
}

export interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly content_html: string;
  readonly summary?: string;
  readonly image?: string;
  readonly date_published: string;
  readonly date_modified?: string;
  readonly authors: readonly JsonFeedAuthor[];
  readonly tags?: readonly string[];
}

export interface JsonFeed {
  readonly version: typeof JSON_FEED_VERSION;
  readonly title: string;
  readonly home_page_url: string;
  readonly feed_url: string;
  readonly description?: string;
  readonly language?: string;
  readonly authors: readonly JsonFeedAuthor[];
  readonly items: readonly JsonFeedItem[];
}

/** The channel as a JSON Feed 1.1 object. */
export function jsonFeedObject(channel: FeedChannel): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    language: channel.language,
    authors: [{ name: channel.siteName, url: channel.homeUrl }],
    items: channel.items.map(jsonFeedItem),
  };
}

function jsonFeedItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.url,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.image ? { image: item.image.url } : {}),
    date_published: rfc3339(item.published),
    ...(item.updated ? { date_modified: rfc3339(item.updated) } : {}),
    authors: item.authors.map((author) =>
      author.url ? { name: author.name, url: author.url } : { name: author.name },
    ),
    ...(item.categories.length > 0 ? { tags: item.categories } : {}),
  };
}

/** The feed file's text. */
export function jsonFeed(channel: FeedChannel): string {
  return `${JSON.stringify(jsonFeedObject(channel), null, 2)}\n`;
}
