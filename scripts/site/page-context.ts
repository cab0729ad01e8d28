/**
 * What every HTML page shows besides its content: the site (masthead, navigation, footer), the
 * URLs of the stylesheet, scripts and logo, the year and the standing pages' links in the
 * footer. The page plan keys every HTML page on all four; the publisher's policies only on the
 * pages whose structured data names them (the home page and the standing pages).
 */
import type { DateTime } from "luxon";
import type { Site } from "../content/model.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { AssetPaths } from "./assets.ts";
import type { CardView } from "./card-view.ts";
import type { FooterLink, PolicyLink } from "./standing-pages.ts";

export interface PageContext {
  readonly site: Site;
  readonly assets: AssetPaths;
  readonly year: number;
  /** The standing pages every page's footer links, in order (keyed with the site: page-plan.ts). */
  readonly footer?: readonly FooterLink[];
  /** The policies the standing pages state: the home and standing pages' publisher data. */
  readonly policies?: readonly PolicyLink[];
}

/** A story card as components take it: its words, its date as a moment, its image. */
export interface CardModel {
  readonly view: CardView;
  readonly date: DateTime;
  readonly image?: ProcessedImage;
}
