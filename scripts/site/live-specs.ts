/**
 * What a live blog's pages show, as plain data (see page-specs.ts): its first page (the blog's
 * own URL), each block's page of older updates, and the JSON readers' pages poll. Updates carry
 * their bodies: the plan reads them from the parse cache only for the pages it renders.
 */
import type { BodyBlock, EmbedProvider } from "../content/body/blocks.ts";
import type { UpdateCard } from "../content/live/update.ts";
import type { Section } from "../content/model.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { FeedAuthorSpec } from "./bylines.ts";
import type { ArticleSpec } from "./page-specs.ts";

/** One update as every page shows it (the first page, its block's page, the JSON). */
export interface LiveUpdateSpec {
  readonly card: UpdateCard;
  readonly body: readonly BodyBlock[];
  /** The body's plain text (structured data's articleBody). */
  readonly bodyText: string;
  /** Its photos, processed, by photo index. */
  readonly images: readonly ProcessedImage[];
  /** Its authors, each linked to a profile when there is one. */
  readonly byline?: readonly FeedAuthorSpec[];
  /** Its permanent link, site-relative: its block's page and its anchor. */
  readonly permalink: string;
}

/** A key event in the list at the top of the first page. */
export interface KeyEventSpec {
  readonly name: string;
  /** The update's title, else the start of its text. */
  readonly text: string;
  /** ISO 8601 as written. */
  readonly time: string;
  /** Where it is: `#update-<name>` on the first page, else its permanent link. */
  readonly href: string;
}

/** A page of older updates, linked from the first page. */
export interface OlderPageSpec {
  readonly path: string;
  /** The updates it holds, counted from the oldest (1-based, inclusive). */
  readonly from: number;
  readonly to: number;
}

/** The blog's first page: the article's own fields, then its live part. */
export interface LiveSpec extends Omit<ArticleSpec, "kind"> {
  readonly kind: "live";
  /** The first page's updates, newest first. */
  readonly updates: readonly LiveUpdateSpec[];
  readonly pinned?: LiveUpdateSpec;
  /** Newest first. */
  readonly keyEvents: readonly KeyEventSpec[];
  /** Pages of older updates, newest first. */
  readonly older: readonly OlderPageSpec[];
  /** Published updates in all. */
  readonly count: number;
  /** When the coverage ended (ISO 8601 as written); absent while it is live. */
  readonly ended?: string;
  /** While live: the JSON the page polls, site-relative. */
  readonly poll?: string;
}

/** What a block's page shows of its blog. */
export interface LiveBlogRef {
  readonly url: string;
  readonly title: string;
  readonly section: Section;
  /** The providers whose players the blog's pages may frame (their policy). */
  readonly embeds: readonly EmbedProvider[];
}

/** One block's page: its updates, newest first, between links to its neighbours. */
export interface LiveBlockSpec {
  readonly kind: "live-block";
  readonly path: string;
  readonly blog: LiveBlogRef;
  /** 0 is the oldest block. */
  readonly block: number;
  /** The updates it holds, counted from the oldest (1-based, inclusive). */
  readonly from: number;
  readonly to: number;
  readonly hasNewer: boolean;
  /** Newest first. */
  readonly updates: readonly LiveUpdateSpec[];
}

/** The JSON readers' pages poll for new updates. */
export interface LiveJsonSpec {
  readonly kind: "live-json";
  readonly path: string;
  readonly blogUrl: string;
  readonly count: number;
  readonly ended?: string;
  /** The newest updates, newest first. */
  readonly updates: readonly LiveUpdateSpec[];
}

/**
 * Which page of the blog holds each update (live-paging.ts): block pages' script reads it to
 * send a permanent link whose update has moved to the page that now holds it.
 */
export interface LiveIndexSpec {
  readonly kind: "live-index";
  readonly path: string;
  /** Each block's update names, oldest block first. */
  readonly blocks: readonly (readonly string[])[];
}
