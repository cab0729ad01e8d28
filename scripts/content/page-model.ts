/**
 * A standing page as plain data: what the build keeps between builds (in its state), what the
 * page plan decides from, and what render workers receive. Dates are ISO strings as written,
 * with their epoch milliseconds beside them, like an article's card.
 */
import type { BodyBlock, BodyMedia } from "./body/blocks.ts";
import type { BodyLink } from "./model.ts";
import type { Policy } from "./page-schema.ts";

/** Where standing pages live, relative to the project root. */
export const PAGES_PATH = "content/pages";

/** A page without its body: what the footer, the publisher's data and the sitemap need. */
export interface PageCard {
  /** The folder's name: the page's URL is `/<slug>/`. */
  readonly slug: string;
  /** `content/pages/<slug>/index.md`. */
  readonly sourcePath: string;
  /** Site-relative, without the path prefix: `/<slug>/`. */
  readonly url: string;
  readonly title: string;
  /** Written by the editor, or taken from the first paragraph (meta description, search). */
  readonly description: string;
  /** The description as the editor wrote it, shown under the heading; absent when derived. */
  readonly standfirst?: string;
  readonly policy?: Policy;
  /** Where `policy:` was written, for the message when two pages claim one policy. */
  readonly policyLine?: number;
  /** Linked from every page's footer. */
  readonly footer: boolean;
  /** Its place among the footer's links (lower first). */
  readonly order?: number;
  /** ISO 8601 as written; the same instant in `updatedMs`. */
  readonly updated?: string;
  readonly updatedMs?: number;
  /** Links from the body to the site's own pages, checked against the whole site every build. */
  readonly bodyLinks: readonly BodyLink[];
  /** The body's photos and embed providers. */
  readonly bodyMedia?: BodyMedia;
}

/** A whole page: its card and its body as typed blocks (the article body's own blocks). */
export interface PageRecord {
  readonly card: PageCard;
  readonly body: readonly BodyBlock[];
  readonly bodyText: string;
}
