/**
 * The specs of the pages editorial standards add (see page-specs.ts for the others): author
 * profile pages and their index, the corrections pages and the corrections feed. Plain,
 * JSON-able data, like every spec.
 */
import type { ArticleCard, CorrectionCard } from "../content/card.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { ArchiveIndexMonth, MonthLink } from "./archives.ts";
import type { FeedFormat } from "./feeds/channels.ts";
import type { CardSpec, FeedSite } from "./page-specs.ts";
import type { StreamRef } from "./streams.ts";

/** What a profile page shows of the profile. */
export interface ProfileView {
  readonly slug: string;
  readonly name: string;
  readonly role?: string;
  readonly bio?: string;
  readonly links: readonly string[];
  readonly photo?: ProcessedImage;
}

/** An author's page: the profile, then the author's latest stories, like a section's front. */
export interface AuthorSpec {
  readonly kind: "author";
  readonly path: string;
  readonly stream: StreamRef;
  readonly profile: ProfileView;
  readonly cards: readonly CardSpec[];
  /** True when the author has older stories than those shown. */
  readonly hasOlder: boolean;
}

/** One author in the index of profiles. */
export type AuthorListing = Pick<ProfileView, "slug" | "name" | "role" | "photo">;

/** `/authors/`: every profile, by name. */
export interface AuthorsSpec {
  readonly kind: "authors";
  readonly path: string;
  readonly profiles: readonly AuthorListing[];
}

/** One correction as the corrections pages and feed list it, with the article it belongs to. */
export interface CorrectionRow extends Pick<CorrectionCard, "date" | "type" | "text"> {
  readonly articleUrl: string;
  readonly articleTitle: string;
  readonly articleKind?: ArticleCard["kind"];
  /** Its place among the article's corrections, oldest first from 1: its anchor there. */
  readonly number: number;
}

/** Which corrections page: the latest, one month's, or the index of months. */
export type CorrectionsView =
  | { readonly type: "latest"; readonly hasOlder: boolean }
  | {
      readonly type: "month";
      /** `2026-01`. */
      readonly month: string;
      readonly previousMonth?: MonthLink;
      readonly nextMonth?: MonthLink;
    }
  | { readonly type: "index"; readonly months: readonly ArchiveIndexMonth[] };

export interface CorrectionsSpec {
  readonly kind: "corrections";
  readonly path: string;
  readonly view: CorrectionsView;
  /** Newest first. */
  readonly rows: readonly CorrectionRow[];
}

/** The corrections feed, in one format: the latest corrections, newest first. */
export interface CorrectionsFeedSpec {
  readonly kind: "corrections-feed";
  readonly path: string;
  readonly site: FeedSite;
  readonly format: FeedFormat;
  /** ISO 8601: the latest correction's time, or the build's now when there is none. */
  readonly updated: string;
  readonly rows: readonly CorrectionRow[];
}
