/**
 * What a story card and an archive row show of an article, and nothing more: the page plan keys
 * listing pages on these views, so editing a story's body re-renders its own page but no listing,
 * while editing its headline re-renders every page that shows the headline.
 */
import type { ArticleCard } from "../content/card.ts";

/** A story card's words (its image travels beside it). */
export interface CardView {
  readonly url: string;
  readonly title: string;
  readonly description: string;
  /** ISO 8601 as written. */
  readonly date: string;
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

export function cardView(card: ArticleCard): CardView {
  return {
    url: card.url,
    title: card.title,
    description: card.description,
    date: card.date,
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
