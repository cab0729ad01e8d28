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
  const formats = Object.keys(FORMAT_NAMES) as FeedFormat[];
  const links = (folder: string, title: string) =>
    formats.map((format) => ({
      type: FEED_MEDIA_TYPES[format],
      title: `${title} (${FORMAT_NAMES[format]})`,
      href: href(site, feedPath(folder, format)),
    }));
  const section = site.sections.find((candidate) => candidate.slug === sectionSlug);
  return [
    ...links("/", site.name),
    ...(section ? links(sectionPath(section.slug), `${section.name} | ${site.name}`) : []),
  ];
}
