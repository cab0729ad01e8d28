import type { ArticleSummary } from "../content/model.ts";
import type { StreamRef } from "./streams.ts";

/** One step of a breadcrumb trail. */
export interface Crumb {
  readonly name: string;
  /** Site-relative URL. */
  readonly path: string;
}

/** Home › Section › Article: shown on the page and given to search engines as a BreadcrumbList. */
export function articleTrail(article: ArticleSummary): Crumb[] {
  return [
    { name: "Home", path: "/" },
    { name: article.section.name, path: `/${article.section.slug}/` },
    { name: article.title, path: article.url },
  ];
}

/** Home › Section, Home › Topic, or Home › Authors › Author. The home page has no trail. */
export function streamTrail(stream: StreamRef): Crumb[] {
  if (stream.kind === "home") return [];
  return [
    { name: "Home", path: "/" },
    ...(stream.kind === "author" ? [AUTHORS_CRUMB] : []),
    { name: stream.name, path: stream.path },
  ];
}

/** The index of author profiles, where every author's trail passes. */
export const AUTHORS_CRUMB: Crumb = { name: "Authors", path: "/authors/" };

/** Home › (Section or Topic ›) Archive: where an archive page sits. */
export function archiveTrail(stream: StreamRef): Crumb[] {
  return [
    ...(stream.kind === "home" ? [{ name: "Home", path: "/" }] : streamTrail(stream)),
    {
      name: "Archive",
      path: stream.archivePath,
    },
  ];
}
