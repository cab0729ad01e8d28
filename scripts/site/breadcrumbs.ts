import type { Article } from "../content/model.ts";
import type { Listing } from "./listings.ts";

/** One step of a breadcrumb trail. */
export interface Crumb {
  readonly name: string;
  /** Site-relative URL. */
  readonly path: string;
}

/** Home › Section › Article: shown on the page and given to search engines as a BreadcrumbList. */
export function articleTrail(article: Article): Crumb[] {
  return [
    { name: "Home", path: "/" },
    { name: article.section.name, path: `/${article.section.slug}/` },
    { name: article.title, path: article.url },
  ];
}

/** Home › Section, or Home › Topics › Topic. The home page has no trail. */
export function listingTrail(listing: Listing): Crumb[] {
  if (listing.kind === "home") return [];
  return [
    { name: "Home", path: "/" },
    { name: listing.name, path: listing.path },
  ];
}
