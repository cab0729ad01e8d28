/**
 * What a story card and an archive row show of an article, and nothing more: the page plan keys
 * listing pages on these views, so editing a story's body re-renders its own page but no listing,
 * while editing its headline re-renders every page that shows the headline.
 */
import { DateTime } from "luxon";
import { entryName } from "../content/byline-entry.ts";
import type { ArticleCard } from "../content/card.ts";
import type { BylineName } from "./bylines.ts";
import { cardStandfirst } from "./standfirst.ts";

/** A story card's words (its image travels beside it). */
export interface CardView {
  readonly url: string;
  readonly title: string;
  /** The standfirst as the editor wrote it, or the first paragraph's cut at a sentence end. */
  readonly description: string;
  /** ISO 8601 as written. */
  readonly date: string;
  /**
   * Published on the build's day or the day before (in the site's zone): the card shows the time
   * beside the date. It depends on the build's now, so it is part of the card's key, and it
   * changes at most once a day (see {@link recentSince}).
   */
  readonly recent?: true;
  /** Who wrote a piece whose author matters to the reader (opinion, analysis, a review). */
  readonly byline?: string;
  readonly section: string;
  /** The lead photo's alt text; a video thumbnail is decorative (the headline says it all). */
  readonly alt?: string;
  /** What sort of piece it is, when not news: the card carries its label. */
  readonly kind?: ArticleCard["kind"];
  /** A live blog whose coverage has ended: its label says so. */
  readonly ended?: true;
}

/** An archive row: time, headline, section, and the label of a piece that is not news. */
export interface ItemView {
  readonly url: string;
  readonly title: string;
  readonly date: string;
  readonly section: string;
  readonly kind?: ArticleCard["kind"];
  readonly ended?: true;
}

/** The kinds whose cards name their authors: a reader chooses them by who wrote them. */
export const SIGNED_KINDS: ReadonlySet<ArticleCard["kind"]> = new Set([
  "opinion",
  "analysis",
  "review",
]);

/** What a card's view depends on besides the article: the build's now, the resolved byline. */
export interface CardContext {
  /** Stories published from this moment are recent (see {@link recentSince}). */
  readonly recentSinceMs?: number;
  readonly byline?: readonly BylineName[];
}

/** The names a byline prints, "A, B and C". */
function namesOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function cardView(card: ArticleCard, context: CardContext = {}): CardView {
  const names = context.byline?.map((author) => author.name) ?? card.authors.map(entryName);
  const recent = context.recentSinceMs !== undefined && card.dateMs >= context.recentSinceMs;
  return {
    url: card.url,
    title: card.title,
    description: cardStandfirst(card.description, card.standfirst !== undefined),
    date: card.date,
    ...(recent ? { recent: true } : {}),
    ...(SIGNED_KINDS.has(card.kind) && names.length > 0 ? { byline: namesOf(names) } : {}),
    section: card.section.name,
    ...(card.image ? { alt: card.image.alt } : {}),
    ...(card.kind ? { kind: card.kind } : {}),
    ...(card.kind === "live" && card.ended ? { ended: true } : {}),
  };
}

export function itemView(card: ArticleCard): ItemView {
  return {
    url: card.url,
    title: card.title,
    date: card.date,
    section: card.section.name,
    ...(card.kind ? { kind: card.kind } : {}),
    ...(card.kind === "live" && card.ended ? { ended: true } : {}),
  };
}

/**
 * The moment from which a story is recent: midnight at the start of the day before the build's
 * day, in the site's zone. A card shows the time of a story from today or yesterday; the set of
 * recent stories changes when the build's day does, so a page showing a card is rendered again
 * at most once a day for it, and an incremental build equals a cold one on any day.
 */
export function recentSince(nowMs: number, timeZone: string): number {
  return DateTime.fromMillis(nowMs, { zone: timeZone })
    .startOf("day")
    .minus({ days: 1 })
    .toMillis();
}
