/**
 * What every HTML page shows besides its content: the site (masthead, navigation, footer), the
 * URLs of the stylesheet, scripts and logo, and the year in the footer. The page plan keys every
 * HTML page on all three.
 */
import type { DateTime } from "luxon";
import type { Site } from "../content/model.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { AssetPaths } from "./assets.ts";
import type { CardView } from "./card-view.ts";

export interface PageContext {
  readonly site: Site;
  readonly assets: AssetPaths;
  readonly year: number;
}

/** A story card as components take it: its words, its date as a moment, its image. */
export interface CardModel {
  readonly view: CardView;
  readonly date: DateTime;
  readonly image?: ProcessedImage;
}
