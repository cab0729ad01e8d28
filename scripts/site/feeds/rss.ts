import type { FeedChannel, FeedItem } from "./channels.ts";
import { rfc822, rfc3339 } from "./dates.ts";
import { mediaContent } from "./media-rss.ts";
import {
  addText,
  cleanAttributes,
  NAMESPACES,
  serializeXml,
  type XmlElement,
  xmlRoot,
} from "./xml.ts";

/** `<`, `>`, `&` and quotes as HTML entities: RSS readers read `description` as HTML. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ??
      character,
  );
}

/**
 * An RSS 2.0 feed with the common namespaces only: `atom:link` (self), `content:encoded` (the
 * body, escaped as text, never CDATA), `dc:creator` (bylines, as RSS's own `author` must be
 * an e-mail address), `dcterms:modified` (updates) and Media RSS `media:content` (the lead image
 * with width and height, as `enclosure` would need the file's length in bytes).
 */
export function rssFeed(channel: FeedChannel): string {
  const rss = xmlRoot(null, "rss", {
    version: "2.0",
    "xmlns:atom": NAMESPACES.atom,
    "xmlns:content": NAMESPACES.content,
    "xmlns:dc": NAMESPACES.dc,
    "xmlns:dcterms": NAMESPACES.dcterms,
    "xmlns:media": NAMESPACES.media,
  });
  const rssChannel = rss.ele("channel");
  addText(rssChannel, "title", channel.title);
  addText(rssChannel, "link", channel.homeUrl);
  addText(rssChannel, "description", channel.description);
  addText(rssChannel, "language", channel.language);
  addText(rssChannel, "lastBuildDate", rfc822(channel.updated));
  rssChannel.ele(
    "atom:link",
    cleanAttributes({ href: channel.feedUrls.rss, rel: "self", type: "application/rss+xml" }),
  );
  for (const item of channel.items) rssItem(rssChannel.ele("item"), item);
  return serializeXml(rss);
}

function rssItem(element: XmlElement, item: FeedItem): void {
  addText(element, "title", item.title);
  addText(element, "link", item.url);
  addText(element, "guid", item.url, { isPermaLink: "true" });
  addText(element, "pubDate", rfc822(item.published));
  if (item.updated) addText(element, "dcterms:modified", rfc3339(item.updated));
  for (const author of item.authors) addText(element, "dc:creator", author.name);
  for (const category of item.categories) addText(element, "category", category);
  addText(element, "description", escapeHtml(item.summary));
  addText(element, "content:encoded", item.contentHtml);
  if (item.image) mediaContent(element, item.image);
}
