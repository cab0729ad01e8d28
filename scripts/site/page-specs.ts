/**
 * What each page of the site shows, as plain data: the page plan makes one spec per page it
 * renders, render workers turn specs into files. A spec is JSON-able (workers receive it over a
 * pipe) and complete but for article bodies, which it names by where their records are. The kinds form a
 * discriminated union, one template per kind in layouts/pages/.
 */
import type { EmbedProvider } from "../content/body/blocks.ts";
import type { ArticleCard } from "../content/card.ts";
import type { Site } from "../content/model.ts";
import type { PackRef } from "../engine/pack-store.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { ArchiveIndexMonth, MonthLink } from "./archives.ts";
import type { BylineSpec, FeedAuthorSpec } from "./bylines.ts";
import type { CardView, ItemView } from "./card-view.ts";
import type {
  AuthorSpec,
  AuthorsSpec,
  CorrectionsFeedSpec,
  CorrectionsSpec,
} from "./editorial-specs.ts";
import type { EmbedPage } from "./embed-headers.ts";
import type { FeedFormat } from "./feeds/channels.ts";
import type { BreakingSpec, CuratedFrontSpec } from "./front-specs.ts";
import type { LiveBlockSpec, LiveIndexSpec, LiveJsonSpec, LiveSpec } from "./live-specs.ts";
import type { StandingPageSpec } from "./standing-pages.ts";
import type { StreamRef } from "./streams.ts";

/** A story card: what it says of the article, and the image it shows. */
export interface CardSpec {
  readonly view: CardView;
  readonly image?: ProcessedImage;
}

/** Where an article's record is kept: read it there, or parse the source again. */
export type RecordRef = PackRef;

export interface ArticleSpec {
  readonly kind: "article";
  readonly path: string;
  readonly record: RecordRef;
  readonly card: ArticleCard;
  readonly image?: ProcessedImage;
  readonly thumbnail?: ProcessedImage;
  /** The body's photos, in the order of their indexes. */
  readonly bodyImages?: readonly ProcessedImage[];
  readonly related: readonly CardSpec[];
  /** The authors, resolved against their profiles; absent for agency and staff stories. */
  readonly byline?: readonly BylineSpec[];
}

/** A stream's front page: home, a section or a topic, with its latest stories. */
export interface FrontSpec {
  readonly kind: "front";
  readonly path: string;
  readonly stream: StreamRef;
  readonly cards: readonly CardSpec[];
  /** True when the stream has older stories than those shown (its archive is worth a link). */
  readonly hasOlder: boolean;
  /** What a front file (content/fronts/) puts on the page: its banner, its containers. */
  readonly curated?: CuratedFrontSpec;
}

export interface ArchiveIndexSpec {
  readonly kind: "archive-index";
  readonly path: string;
  readonly stream: StreamRef;
  /** Newest first. */
  readonly months: readonly ArchiveIndexMonth[];
}

/** One row of an archive page. */
export type ArchiveItem = ItemView;

export interface ArchiveMonthSpec {
  readonly kind: "archive-month";
  readonly path: string;
  readonly stream: StreamRef;
  /** `2026-11`. */
  readonly month: string;
  readonly pageNumber: number;
  readonly previousPath?: string;
  readonly nextPath?: string;
  readonly previousMonth?: MonthLink;
  readonly nextMonth?: MonthLink;
  /** Oldest first. */
  readonly items: readonly ArchiveItem[];
}

export interface SearchSpec {
  readonly kind: "search";
  readonly path: string;
  /** The search index's parts, newest first: the page's script merges them all. */
  readonly parts: readonly string[];
}

export interface NotFoundSpec {
  readonly kind: "not-found";
  readonly path: string;
}

/** What feeds need of the site. */
export type FeedSite = Pick<
  Site,
  "name" | "origin" | "pathPrefix" | "language" | "timeZone" | "sections"
>;

/** What a feed's spec carries of the site: only these, so a feed's key changes with them alone. */
export function feedSiteOf(site: FeedSite): FeedSite {
  const { name, origin, pathPrefix, language, timeZone, sections } = site;
  return { name, origin, pathPrefix, language, timeZone, sections };
}

export interface FeedItemSpec {
  readonly record: RecordRef;
  readonly card: ArticleCard;
  readonly image?: ProcessedImage;
  readonly thumbnail?: ProcessedImage;
  /** The body's photos, in the order of their indexes. */
  readonly bodyImages?: readonly ProcessedImage[];
  /** The authors as the item names them; absent for agency and staff stories. */
  readonly authors?: readonly FeedAuthorSpec[];
}

export interface FeedSpec {
  readonly kind: "feed";
  readonly path: string;
  readonly site: FeedSite;
  readonly format: FeedFormat;
  /** Site-relative folder of the channel: `/`, `/<section>/` or `/authors/<slug>/`. */
  readonly folder: string;
  readonly title: string;
  readonly description: string;
  /** ISO 8601: when the channel last changed. */
  readonly updated: string;
  /** Newest first. */
  readonly items: readonly FeedItemSpec[];
}

/** What sitemaps need of the site. */
export type SitemapSite = Pick<Site, "origin" | "pathPrefix" | "timeZone">;

export interface SitemapEntrySpec {
  readonly path: string;
  /** ISO 8601 as written; absent for a page with no stories yet. */
  readonly lastmod?: string;
}

export interface SitemapIndexSpec {
  readonly kind: "sitemap-index";
  readonly path: string;
  readonly site: SitemapSite;
  readonly parts: readonly SitemapEntrySpec[];
}

export interface SitemapSpec {
  readonly kind: "sitemap";
  readonly path: string;
  readonly site: SitemapSite;
  readonly entries: readonly SitemapEntrySpec[];
}

/** What the News sitemap needs of the site. */
export type NewsSite = Pick<Site, "name" | "origin" | "pathPrefix" | "language" | "timeZone">;

export interface NewsSitemapSpec {
  readonly kind: "news-sitemap";
  readonly path: string;
  readonly site: NewsSite;
  /** Newest first. */
  readonly articles: readonly {
    readonly url: string;
    readonly title: string;
    readonly date: string;
  }[];
}

export interface RobotsSpec {
  readonly kind: "robots";
  readonly path: string;
  readonly site: Pick<Site, "origin" | "pathPrefix">;
}

export interface HeadersSpec {
  readonly kind: "headers";
  readonly path: string;
  readonly site: Pick<Site, "pathPrefix" | "sections" | "cms" | "imageCdn">;
  /** Pages with embeds and their providers, newest first: each gets its own policy. */
  readonly embedPages: readonly EmbedPage[];
}

export type PageSpec =
  | ArticleSpec
  | FrontSpec
  | ArchiveIndexSpec
  | ArchiveMonthSpec
  | SearchSpec
  | NotFoundSpec
  | FeedSpec
  | SitemapIndexSpec
  | SitemapSpec
  | NewsSitemapSpec
  | RobotsSpec
  | HeadersSpec
  | AuthorSpec
  | AuthorsSpec
  | CorrectionsSpec
  | CorrectionsFeedSpec
  | StandingPageSpec
  | LiveSpec
  | LiveBlockSpec
  | LiveJsonSpec
  | LiveIndexSpec
  | BreakingSpec;

export type PageKind = PageSpec["kind"];

/** Every kind, with the template (in layouts/pages/) that renders it. */
export const PAGE_TEMPLATES: { readonly [kind in PageKind]: string } = {
  article: "article.11ty.tsx",
  front: "front.11ty.tsx",
  "archive-index": "archive-index.11ty.tsx",
  "archive-month": "archive-month.11ty.tsx",
  search: "search.11ty.tsx",
  "not-found": "404.11ty.tsx",
  feed: "feed.11ty.tsx",
  "sitemap-index": "sitemap-index.11ty.tsx",
  sitemap: "sitemap.11ty.tsx",
  "news-sitemap": "news-sitemap.11ty.tsx",
  robots: "robots.11ty.tsx",
  headers: "headers.11ty.tsx",
  author: "author.11ty.tsx",
  authors: "authors.11ty.tsx",
  corrections: "corrections.11ty.tsx",
  "corrections-feed": "corrections-feed.11ty.tsx",
  "standing-page": "standing-page.11ty.tsx",
  live: "live.11ty.tsx",
  "live-block": "live-block.11ty.tsx",
  "live-json": "live-json.11ty.tsx",
  "live-index": "live-index.11ty.tsx",
  breaking: "breaking.11ty.tsx",
};

/**
 * The providers whose players a page may frame: an article's embeds; on a live blog's pages,
 * its own and its updates' (the blog's `_headers` rule allows them all).
 */
export function pageEmbeds(spec: PageSpec): readonly EmbedProvider[] | undefined {
  switch (spec.kind) {
    case "article":
    case "live":
      return spec.card.bodyMedia?.embeds;
    case "live-block":
      return spec.blog.embeds;
    case "standing-page":
      return spec.page.card.bodyMedia?.embeds;
    default:
      return undefined;
  }
}

/** Where a page's URL path is written in the output folder: `/asia/x/` → `asia/x/index.html`. */
export function outputFile(urlPath: string): string {
  const relative = urlPath.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}
