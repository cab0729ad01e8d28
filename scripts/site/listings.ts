import type { Article, Section } from "../content/model.ts";
import { sectionPath, topicPath, topicSlug } from "./urls.ts";

/** A listing page's stories: a section's or a topic's. */
export interface Listing {
  readonly kind: "section" | "topic";
  readonly slug: string;
  readonly name: string;
  /** Site-relative URL. */
  readonly path: string;
  readonly articles: readonly Article[];
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
