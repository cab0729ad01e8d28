import type { Site } from "../../content/model.ts";
import { href, sectionPath } from "../urls.ts";
import { type FeedFormat, feedPath } from "./channels.ts";

/** Each feed format's media type, for `<link rel="alternate" type>` and servers. */
export const FEED_MEDIA_TYPES: { readonly [format in FeedFormat]: string } = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

const FORMAT_NAMES: { readonly [format in FeedFormat]: string } = {
  atom: "Atom",
  rss: "RSS",
  json: "JSON Feed",
};

/** One `<link rel="alternate">` for feed readers to discover. */
export interface FeedLink {
  readonly type: string;
  readonly title: string;
  /** Site path under the prefix, as every internal link. */
  readonly href: string;
}

/**
 * The feeds a page advertises: the site's in each format (Atom first: readers offer the first),
 * then, on a section's pages and its articles, that section's.
 */
export function feedLinks(
  site: Pick<Site, "name" | "pathPrefix" | "sections">,
  sectionSlug?: string,
): FeedLink[] {
  const links = (folder: string, title: string) => channelLinks(site, folder, title);
  const section = site.sections.find((candidate) => candidate.slug === sectionSlug);
  return [
    ...links("/", site.name),
    ...(section ? links(sectionPath(section.slug), `${section.name} | ${site.name}`) : []),
  ];
}

/** One channel's feeds in every format, Atom first: `folder` is where its files are. */
export function channelLinks(
  site: Pick<Site, "pathPrefix">,
  folder: string,
  title: string,
): FeedLink[] {
  return (Object.keys(FORMAT_NAMES) as FeedFormat[]).map((format) => ({
    type: FEED_MEDIA_TYPES[format],
    title: `${title} (${FORMAT_NAMES[format]})`,
    href: href(site, feedPath(folder, format)),
  }));
}
