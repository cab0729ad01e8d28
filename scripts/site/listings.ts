import type { Article, Section } from "../content/model.ts";
import { sectionPath, topicPath, topicSlug } from "./urls.ts";

/** A listing's identity: the home page, a section, or a topic. */
export type ListingKind = "home" | "section" | "topic";

/** All the stories of one listing, before pagination. */
export interface Listing {
  readonly kind: ListingKind;
  readonly slug: string;
  readonly name: string;
  /** Site-relative URL of its first page. */
  readonly path: string;
  readonly articles: readonly Article[];
}

/** One page of a listing, as the templates render it. */
export interface ListingPage {
  readonly listing: Listing;
  /** 1-based. */
  readonly pageNumber: number;
  readonly pageCount: number;
  /** Site-relative URL of this page. */
  readonly path: string;
  readonly previousPath?: string;
  readonly nextPath?: string;
  readonly articles: readonly Article[];
}

/**
 * Stories per listing page: divisible by the two- and three-column grids, and few enough that a
 * phone on a slow network loads the page's cards quickly.
 *
 * @default 24
 */
export const STORIES_PER_PAGE = 24;

/** The home page's listing: every published story, newest first. */
export function homeListing(name: string, articles: readonly Article[]): Listing {
  return { kind: "home", slug: "", name, path: "/", articles };
}

/** One listing per configured section, empty ones included: the navigation links to all. */
export function sectionListings(
  sections: readonly Section[],
  articles: readonly Article[],
): Listing[] {
  return sections.map((section) => ({
    kind: "section",
    slug: section.slug,
    name: section.name,
    path: sectionPath(section.slug),
    articles: articles.filter((article) => article.section.slug === section.slug),
  }));
}

/**
 * One listing per topic. Tags that differ only in case or accents share a page, named as the
 * newest article wrote it; topics are sorted by name.
 */
export function topicListings(articles: readonly Article[], locale: string): Listing[] {
  const topics = new Map<string, { name: string; articles: Article[] }>();
  for (const article of articles) {
    for (const tag of new Set(article.tags)) {
      const slug = topicSlug(tag);
      const topic = topics.get(slug) ?? { name: tag, articles: [] };
      if (!topic.articles.includes(article)) topic.articles.push(article);
      topics.set(slug, topic);
    }
  }
  return [...topics.entries()]
    .map(([slug, topic]) => ({
      kind: "topic" as const,
      slug,
      name: topic.name,
      path: topicPath(topic.name),
      articles: topic.articles,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The URL of page `number` of a listing: its own path, then `<path>page/<n>/`. */
export function listingPagePath(listing: Pick<Listing, "path">, number: number): string {
  return number === 1 ? listing.path : `${listing.path}page/${number}/`;
}

/** Splits a listing into pages; an empty listing still has its first page. */
export function paginate(listing: Listing, perPage = STORIES_PER_PAGE): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(listing.articles.length / perPage));
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    return {
      listing,
      pageNumber,
      pageCount,
      path: listingPagePath(listing, pageNumber),
      ...(pageNumber > 1 ? { previousPath: listingPagePath(listing, pageNumber - 1) } : {}),
      ...(pageNumber < pageCount ? { nextPath: listingPagePath(listing, pageNumber + 1) } : {}),
      articles: listing.articles.slice(index * perPage, pageNumber * perPage),
    };
  });
}

/**
 * Stories to read next, for every article at once: those sharing the most topics, then from
 * the same section, newest first. Built from an index of topics and sections, so a site of
 * thousands of articles does not compare every pair.
 *
 * @default limit 4
 * @example relatedArticles(articles).get(article.url) // up to 4 articles
 */
export function relatedArticles(
  articles: readonly Article[],
  limit = 4,
): ReadonlyMap<string, readonly Article[]> {
  const topicsOf = new Map(
    articles.map((article) => [article, new Set(article.tags.map(topicSlug))]),
  );
  const byTopic = new Map<string, Article[]>();
  const bySection = new Map<string, Article[]>();
  for (const article of articles) {
    for (const topic of topicsOf.get(article) ?? [])
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), article]);
    bySection.set(article.section.slug, [...(bySection.get(article.section.slug) ?? []), article]);
  }
  const order = new Map(articles.map((article, index) => [article, index]));
  const related = new Map<string, readonly Article[]>();
  for (const article of articles) {
    const shared = new Map<Article, number>();
    for (const topic of topicsOf.get(article) ?? []) {
      for (const other of byTopic.get(topic) ?? []) {
        if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const sameSection = (other: Article) => (other.section.slug === article.section.slug ? 1 : 0);
    const picked = [...shared.keys()]
      .sort(
        (a, b) =>
          (shared.get(b) ?? 0) - (shared.get(a) ?? 0) ||
          sameSection(b) - sameSection(a) ||
          b.date.toMillis() - a.date.toMillis() ||
          (order.get(a) ?? 0) - (order.get(b) ?? 0),
      )
      .slice(0, limit);
    // Then the section's newest stories (the list is newest first) that share no topic.
    for (const other of bySection.get(article.section.slug) ?? []) {
      if (picked.length >= limit) break;
      if (other !== article && !shared.has(other)) picked.push(other);
    }
    related.set(article.url, picked);
  }
  return related;
}
