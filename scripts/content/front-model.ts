/**
 * A front as plain data (CONTENT.md, "Fronts"): what load-front.ts makes of a valid front file,
 * what the page plan builds pages from and keys them on, and where each picked slug was written,
 * for messages about it. Shared by the loader, the checks, the pure picks and fills, the plan and
 * the web editor, so it lives below all of them.
 */
import type { FrontLayout } from "./front-schema.ts";
import type { ArticleKind } from "./kinds.ts";

/** Where front files live, relative to the project root. */
export const FRONTS_PATH = "content/fronts";

/** The front page's file name, without `.yaml`. */
export const HOME_FRONT = "home";

/** Where something an editor wrote is, for messages about it. */
export interface Place {
  readonly line?: number;
  readonly column?: number;
}

/** A picked story: the slug as written, and where. */
export interface FrontPick {
  readonly slug: string;
  readonly at: Place;
}

/** What a fill asks for: every condition given must match. */
export interface FrontFill {
  readonly section?: string;
  /** A tag as written; it matches as topic pages do (case and accents folded). */
  readonly topic?: string;
  readonly kind?: ArticleKind;
}

export interface FrontContainer {
  readonly title?: string;
  readonly layout: FrontLayout;
  /** Hand-picked, in order. */
  readonly stories: readonly FrontPick[];
  readonly fill?: FrontFill;
  /** How many stories it shows at most: the file's size, or the layout's default (never fewer than the picks). */
  readonly size: number;
}

/** The banner's link: a story, by slug (checked against the articles), or an https address. */
export type BannerLink =
  | { readonly kind: "article"; readonly slug: string; readonly at: Place }
  | { readonly kind: "url"; readonly url: string };

export interface FrontBanner {
  readonly text: string;
  readonly link?: BannerLink;
  /** When it comes down: ISO 8601 as written, and its instant. */
  readonly until?: { readonly iso: string; readonly ms: number };
}

/** A valid front file. */
export interface FrontFile {
  /** `home`, or the section's slug. */
  readonly name: string;
  /** `content/fronts/<name>.yaml`. */
  readonly sourcePath: string;
  readonly breaking?: FrontBanner;
  /** Absent when the file names none: the page then lists its latest stories, as without a front. */
  readonly containers?: readonly FrontContainer[];
}
