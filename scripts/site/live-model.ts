/**
 * A live blog as the page plan sees it: the updates this build publishes (drafts and embargoed
 * ones left out), each with its processed photos, its byline and the key of everything a page
 * shows of it; the end of coverage when it has come; the newest update's time. Plain data, built
 * by the engine (scripts/engine/live-stage.ts) from the updates' cards.
 */
import type { UpdateCard } from "../content/live/update.ts";
import type { PackRef } from "../engine/pack-store.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { BylineName } from "./bylines.ts";

/** A moment as written (ISO 8601) and in epoch milliseconds. */
export interface Moment {
  readonly iso: string;
  readonly ms: number;
}

/** One published update. */
export interface PlannedUpdate {
  readonly card: UpdateCard;
  /** Where its parsed body is kept. */
  readonly record: PackRef;
  /** Its photos, processed, in the order of their indexes, each with the key of what it shows. */
  readonly images: readonly { readonly image: ProcessedImage; readonly key: string }[];
  /** Its authors resolved against the profiles; absent when it names none. */
  readonly byline?: readonly BylineName[];
  /** Changes whenever anything a page shows of the update changes (text, photos, byline). */
  readonly key: string;
}

export interface PlannedLive {
  /** Published updates, oldest first (ties by name): the order pages are cut from. */
  readonly updates: readonly PlannedUpdate[];
  /** When the coverage ended, once the build's now has passed it. */
  readonly ended?: Moment;
  /** The newest published update's time. */
  readonly latest?: Moment;
  /** The key of the blog's own record (index.md), without its updates. */
  readonly blogRecordKey: string;
  /** The key of every published update and the end: what search and feeds read of the blog. */
  readonly key: string;
}
