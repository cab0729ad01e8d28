import type { Site } from "../content/model.ts";

/**
 * A link within the site, under its path prefix: `href(site, "/asia/")` is `/news/asia/` when
 * the site is served from `/news/`.
 *
 * @example href({ pathPrefix: "/news/" }, "/asia/kim/") // "/news/asia/kim/"
 */
export function href(site: Pick<Site, "pathPrefix">, path: string): string {
  return `${site.pathPrefix}${path.replace(/^\/+/, "")}`;
}

/** An absolute URL for canonical links, feeds, sitemaps, Open Graph and JSON-LD. */
export function absoluteUrl(site: Pick<Site, "origin" | "pathPrefix">, path: string): string {
  return `${site.origin}${href(site, path)}`;
}

/**
 * The slug of a topic (tag) page: `Kim Jong Un` becomes `kim-jong-un`; non-Latin text is kept.
 * A `+` or `#` written onto a word is spelt out (`C++` is `c-plus-plus`, `C#` is `c-sharp`), so
 * those topics do not share the page of `C`.
 */
export function topicSlug(tag: string): string {
  const slug = tag
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/(?<=[\p{L}\p{N}+#])\+/gu, " plus ")
    .replace(/(?<=[\p{L}\p{N}+#])#/gu, " sharp ")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "topic";
}

/** The site-relative URL of a topic page. */
export function topicPath(tag: string): string {
  return `/topics/${topicSlug(tag)}/`;
}

/** The site-relative URL of a section page. */
export function sectionPath(slug: string): string {
  return `/${slug}/`;
}

/** The site-relative URL of an author's profile page. */
export function authorPath(slug: string): string {
  return `/authors/${slug}/`;
}
