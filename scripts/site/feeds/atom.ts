import type { FeedChannel, FeedItem } from "./channels.ts";
import { rfc3339 } from "./dates.ts";
import { mediaContent } from "./media-rss.ts";
import {
  addText,
  cleanAttributes,
  NAMESPACES,
  serializeXml,
  type XmlElement,
  xmlRoot,
} from "./xml.ts";

/**
 * An Atom 1.0 feed (RFC 4287). Titles and summaries are `type="text"`; the body is
 * `type="html"`, escaped as text (never CDATA, which a body holding `]]>` would break).
 * The lead image is a Media RSS `media:content`, which the common readers show.
 */
export function atomFeed(channel: FeedChannel): string {
  const feed = xmlRoot(NAMESPACES.atom, "feed", {
    "xml:lang": channel.language,
    "xmlns:media": NAMESPACES.media,
  });
  addText(feed, "id", channel.feedUrls.atom);
  addText(feed, "title", channel.title, { type: "text" });
  addText(feed, "subtitle", channel.description, { type: "text" });
  addText(feed, "updated", rfc3339(channel.updated));
  feed.ele(
    "link",
    cleanAttributes({ rel: "self", type: "application/atom+xml", href: channel.feedUrls.atom }),
  );
  feed.ele("link", cleanAttributes({ rel: "alternate", type: "text/html", href: channel.homeUrl }));
  addText(feed.ele("author"), "name", channel.siteName);
  for (const item of channel.items) entry(feed.ele("entry"), item);
  return serializeXml(feed);
}

function entry(element: XmlElement, item: FeedItem): void {
  addText(element, "id", item.url);
  addText(element, "title", item.title, { type: "text" });
  element.ele("link", cleanAttributes({ rel: "alternate", type: "text/html", href: item.url }));
  addText(element, "published", rfc3339(item.published));
  addText(element, "updated", rfc3339(item.modified));
  for (const author of item.authors) {
    const person = element.ele("author");
    addText(person, "name", author.name);
    if (author.url) addText(person, "uri", author.url);
  }
  for (const term of item.categories) element.ele("category", cleanAttributes({ term }));
  addText(element, "summary", item.summary, { type: "text" });
  addText(element, "content", item.contentHtml, { type: "html" });
  if (item.image) mediaContent(element, item.image);
}
