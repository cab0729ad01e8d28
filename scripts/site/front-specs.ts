/**
 * What a front page shows when a front file drives it, as plain data (specs travel to render
 * workers as JSON): the banner, and each container's layout, title and cards, each card with the
 * labels that add something where it stands.
 */
import type { FrontLayout } from "../content/front-schema.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { CardView } from "./card-view.ts";
import type { ShownBanner } from "./fronts.ts";

/** A story on a front: its card, and which of its labels are worth showing here. */
export interface FrontCardSpec {
  readonly view: CardView;
  readonly image?: ProcessedImage;
  /** Its section's name, unless every story around it is of that section (its own front, a section fill). */
  readonly showSection: boolean;
  /** Its kind's label, unless the container is filled by that kind (a sponsored piece always shows it). */
  readonly showKind: boolean;
}

export interface FrontContainerSpec {
  readonly title?: string;
  readonly layout: FrontLayout;
  readonly cards: readonly FrontCardSpec[];
}

/** A front file's part of a front page. */
export interface CuratedFrontSpec {
  /** The breaking-news banner (front page only), while it lasts. */
  readonly banner?: ShownBanner;
  /** The containers that have stories; absent when the page lists its latest stories instead. */
  readonly containers?: readonly FrontContainerSpec[];
}

/** `/breaking.json`: the banner article pages show through assets/js/breaking.js, or none. */
export interface BreakingSpec {
  readonly kind: "breaking";
  readonly path: string;
  /** The link already under the site's path prefix (a page of the site) or an https address. */
  readonly banner?: ShownBanner;
}

/** Where the banner's data is published: one small file, so changing it rewrites no page. */
export const BREAKING_PATH = "/breaking.json";

/** The JSON the file holds: `{}` when there is no banner. */
export function breakingJson(spec: Pick<BreakingSpec, "banner">): string {
  return `${JSON.stringify(spec.banner ?? {})}\n`;
}
