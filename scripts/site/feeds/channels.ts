/**
 * What a feed says, independent of its format: one channel for the whole site and one per
 * section, each with its latest articles. Atom, RSS and JSON Feed are three spellings of it.
 */
import type { DateTime } from "luxon";
import { kindLabel } from "../../content/kinds.ts";
import type { Article, Credit, Site } from "../../content/model.ts";
import type { ImageCandidate, ProcessedImage } from "../../media/index.ts";
import type { FeedAuthorSpec } from "../bylines.ts";
import { imageUrl } from "../image-urls.ts";
import { modifiedAt } from "../last-modified.ts";
import { sectionPath } from "../urls.ts";
import { feedBodyHtml } from "./body-html.tsx";
import { absoluteLinks, publicUrl } from "./links.ts";

/**
 * Articles per feed: enough for a reader who checks once a day on a busy news day.
 *
 * @default 50
 */
export const FEED_SIZE = 50;

/** The feed files written into the site's root and into every section's folder. */
export const FEED_FILES = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" } as const;

export type FeedFormat = keyof typeof FEED_FILES;

/** The lead image as feeds carry it: a JPEG every reader can show. */
export interface FeedImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly type: "image/jpeg";
  /** The alt text (or the video's title for a video thumbnail). */
  readonly description: string;
  readonly credit?: string;
}

/** A person or organisation an item is by: the name, and a page about them when there is one. */
export interface FeedPerson {
  readonly name: string;
  /** Absolute URL (an author's profile page). */
  readonly url?: string;
}

export interface FeedItem {
  /** The article's absolute URL: its permanent id in every format. */
  readonly url: string;
  readonly title: string;
  /** The standfirst, plain text. */
  readonly summary: string;
  /** The rendered body, links made absolute. */
  readonly contentHtml: string;
  readonly published: DateTime;
  /** The last change readers were told of (an update or a correction), when there was one. */
  readonly updated?: DateTime;
  /** `updated`, else `published`: what Atom calls `updated`. */
  readonly modified: DateTime;
  /** Reporters (with their profile pages), else the agencies, else the site's name: never empty. */
  readonly authors: readonly FeedPerson[];
  /** The section's name, then the article's topics. */
  readonly categories: readonly string[];
  readonly image?: FeedImage;
}

export interface FeedChannel {
  /** Site-relative folder the feed files are written to: `/` or `/<section>/`. */
  readonly folder: string;
  readonly title: string;
  readonly description: string;
  /** BCP 47 tag. */
  readonly language: string;
  readonly siteName: string;
  /** The page the channel mirrors (home or section page), absolute. */
  readonly homeUrl: string;
  /** Absolute URL of this channel's file in each format. */
  readonly feedUrls: { readonly [format in FeedFormat]: string };
  /**
   * When the channel last changed: its newest `modified` time; for an empty channel, the whole
   * site's; for an empty site, the build's "now". Never the clock, so builds are reproducible.
   */
  readonly updated: DateTime;
  /** Newest first, at most {@link FEED_SIZE}. */
  readonly items: readonly FeedItem[];
}

/** What one channel is, before its items: the plan decides it, the render fills it. */
export interface ChannelSpec {
  /** Site-relative folder the feed files are written to: `/` or `/<section>/`. */
  readonly folder: string;
  readonly title: string;
  readonly description: string;
  /** When the channel last changed (see {@link FeedChannel.updated}). */
  readonly updated: DateTime;
}

/** An article with the processed media a feed item shows. */
export interface FeedArticle {
  readonly article: Article;
  readonly image?: ProcessedImage;
  readonly thumbnail?: ProcessedImage;
  /** The body's photos, by photo index. */
  readonly bodyImages?: readonly ProcessedImage[];
  /** The authors resolved against their profiles; without it, the credit's names as written. */
  readonly authors?: readonly FeedAuthorSpec[];
}

/** What channels need of the site. */
export type ChannelSite = Pick<Site, "name" | "origin" | "pathPrefix" | "language" | "timeZone">;

/** Site-relative path of a channel's file in one format, e.g. `/asia/feed.xml`. */
export function feedPath(folder: string, format: FeedFormat): string {
  return `${folder}${FEED_FILES[format]}`;
}

/** The site's channel, and one per configured section (empty sections included). */
export function channelFolders(site: Pick<Site, "sections">): string[] {
  return ["/", ...site.sections.map((section) => sectionPath(section.slug))];
}

/** One channel: `items` newest first, at most {@link FEED_SIZE} of them. */
export function feedChannel(
  site: ChannelSite,
  spec: ChannelSpec,
  items: readonly FeedArticle[],
): FeedChannel {
  return {
    folder: spec.folder,
    title: spec.title,
    description: spec.description,
    language: site.language,
    siteName: site.name,
    homeUrl: publicUrl(site, spec.folder),
    feedUrls: {
      atom: publicUrl(site, feedPath(spec.folder, "atom")),
      rss: publicUrl(site, feedPath(spec.folder, "rss")),
      json: publicUrl(site, feedPath(spec.folder, "json")),
    },
    updated: spec.updated.setZone(site.timeZone),
    items: items.map((item) => feedItem(site, item)),
  };
}

// Each channel is written in three formats, and a story is in the site's channel and its
// section's: its body is made absolute once per process, not six times.
const absoluteBodies = new Map<string, string>();

function absoluteBody(html: string, url: string): string {
  const key = `${url}\n${html}`;
  let body = absoluteBodies.get(key);
  if (body === undefined) {
    if (absoluteBodies.size > 1000) absoluteBodies.clear();
    body = absoluteLinks(html, url);
    absoluteBodies.set(key, body);
  }
  return body;
}

function feedItem(site: ChannelSite, item: FeedArticle): FeedItem {
  const { article } = item;
  const url = publicUrl(site, article.url);
  const zone = (moment: DateTime) => moment.setZone(site.timeZone);
  const image = leadImage(site, item);
  const modified = modifiedAt(article);
  const label = kindLabel(article.kind);
  const sponsored = article.kind === "sponsored";
  return {
    url,
    // A feed reader shows no label: the title says a sponsored piece is one.
    title: sponsored ? `${label}: ${article.title}` : article.title,
    summary: article.description,
    contentHtml: absoluteBody(feedBodyHtml(article.body, item.bodyImages ?? [], site), url),
    published: zone(article.date),
    ...(modified > article.date ? { updated: zone(modified) } : {}),
    modified: zone(modified),
    authors:
      item.authors && article.credit.kind === "authors"
        ? item.authors.map((author) =>
            author.path ? { name: author.name, url: publicUrl(site, author.path) } : author,
          )
        : sponsored && article.credit.kind === "staff"
          ? [{ name: SPONSORED_AUTHOR }]
          : creditNames(article.credit, site).map((name) => ({ name })),
    // The kind's label first, so readers that show categories show what sort of piece it is.
    categories: [...new Set([...(label ? [label] : []), article.section.name, ...article.tags])],
    ...(image ? { image } : {}),
  };
}

/** Who a sponsored piece that names no author is by, in feeds: never the newsroom. */
export const SPONSORED_AUTHOR = "Sponsored content";

/** Who the article is by, as names: the same credit the byline shows. */
export function creditNames(credit: Credit, site: Pick<Site, "name">): readonly string[] {
  return credit.kind === "staff" ? [site.name] : credit.names;
}

/** The photo, else the video's thumbnail (the lead media either way). */
function leadImage(site: ChannelSite, item: FeedArticle): FeedImage | undefined {
  const { article } = item;
  if (article.image && item.image) {
    return feedImage(site, item.image, article.image.alt, article.image.credit);
  }
  if (article.video && item.thumbnail) {
    return feedImage(site, item.thumbnail, article.video.title ?? article.title);
  }
  return undefined;
}

/**
 * The image a feed points at: the 1200-pixel JPEG of the responsive set (the narrowest at least
 * that wide), else the 1200 x 630 social crop, so readers and Discover get a large picture.
 */
export function feedImageFile<C extends ImageCandidate>(image: ProcessedImage<C>): C {
  const wide = image.variants.jpeg.filter((file) => file.width >= 1200);
  return wide[0] ?? image.crops.social;
}

function feedImage(
  site: ChannelSite,
  image: ProcessedImage,
  description: string,
  credit?: string,
): FeedImage {
  const file = feedImageFile(image);
  return {
    url: imageUrl(site, file),
    width: file.width,
    height: file.height,
    type: "image/jpeg",
    description,
    ...(credit ? { credit } : {}),
  };
}
