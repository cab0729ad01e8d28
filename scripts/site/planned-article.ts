/**
 * An article as the page plan sees it: its card (plain data), the keys that say when what it
 * shows has changed, its processed media, and the calendar month it belongs to in the site's
 * zone. The plan works on these alone; bodies are read only for pages being rendered.
 */
import type { ArticleCard } from "../content/card.ts";
import type { PackRef } from "../engine/pack-store.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { BylineName } from "./bylines.ts";
import type { CardView } from "./card-view.ts";
import type { PlannedLive } from "./live-model.ts";

/** A processed image and the key of everything a page shows of it. */
export interface MediaRef {
  readonly image: ProcessedImage;
  readonly key: string;
}

/** An article's processed images: the lead photo, the video's thumbnail, the body's photos. */
export interface PlannedMedia {
  readonly image?: MediaRef;
  readonly thumbnail?: MediaRef;
  /** In the order of the body photos' indexes. */
  readonly body?: readonly MediaRef[];
}

export interface PlannedArticle {
  readonly card: ArticleCard;
  /** Changes whenever the stored article (front matter, body, parser) changes. */
  readonly recordKey: string;
  /** Where the parsed article (its body) is kept. */
  readonly record: PackRef;
  /** What its story card shows (card-view.ts), made once per build. */
  readonly view: CardView;
  /** Changes whenever anything a story card shows of the article changes (text or image). */
  readonly cardKey: string;
  /** Changes whenever anything an archive row shows of the article changes. */
  readonly itemKey: string;
  /** `2026-11`: the month of first publication in the site's time zone. */
  readonly month: string;
  readonly media: PlannedMedia;
  /** Its authors resolved against the profiles; absent when it names none. */
  readonly byline?: readonly BylineName[];
  /** A live blog's published updates (`kind: live` only; see live-model.ts). */
  readonly live?: PlannedLive;
}

/**
 * The keys of the body's photos, each with its place: an article's page and its feed items
 * show every one of them, so their keys are part of those pages' keys.
 */
export function bodyImageKeys(media: PlannedMedia): string[] {
  return (media.body ?? []).map((ref, index) => `body ${index}: ${ref.key}`);
}

/** The body's processed photos, as specs carry them (nothing for a body without photos). */
export function bodyImages(media: PlannedMedia): { bodyImages?: readonly ProcessedImage[] } {
  return media.body && media.body.length > 0
    ? { bodyImages: media.body.map((ref) => ref.image) }
    : {};
}

/** The image a card shows: the lead photo, else the video's thumbnail. */
export function cardImage(article: PlannedArticle): MediaRef | undefined {
  return article.media.image ?? article.media.thumbnail;
}

/** Newest first; ties broken by slug, so the order never depends on the disk. */
export function newestFirst(a: PlannedArticle, b: PlannedArticle): number {
  return b.card.dateMs - a.card.dateMs || a.card.slug.localeCompare(b.card.slug);
}
