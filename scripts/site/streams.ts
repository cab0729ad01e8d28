/**
 * Streams: the home page (every story), each section, each topic. A stream's front page shows
 * its latest stories only, so a new story changes one page per stream it joins, whatever the
 * archive's size; everything older stays reachable through the stream's date archive.
 */
import type { Section } from "../content/model.ts";
import { bylineOf } from "./bylines.ts";
import type { PlannedArticle } from "./planned-article.ts";
import { authorPath, sectionPath, topicPath, topicSlug } from "./urls.ts";

export type StreamKind = "home" | "section" | "topic" | "author";

/** A stream's identity, as pages name and link it. */
export interface StreamRef {
  readonly kind: StreamKind;
  /** The section's or topic's slug; empty for home. */
  readonly slug: string;
  readonly name: string;
  /** Site-relative URL of its front page. */
  readonly path: string;
  /** Site-relative URL of its archive's index. */
  readonly archivePath: string;
}

export interface Stream extends StreamRef {
  /** Newest first. */
  readonly articles: readonly PlannedArticle[];
}

/**
 * Stories on a front page: divisible by the two- and three-column grids, few enough that a
 * phone on a slow network loads the page's cards quickly.
 *
 * @default 24
 */
export const LATEST_COUNT = 24;

/**
 * Where the date archives live: `/archive/`, `/archive/<section>/`, `/archive/topics/<topic>/`,
 * `/archive/authors/<slug>/`.
 */
export const ARCHIVE_ROOT = "/archive/";

export function homeStream(name: string, articles: readonly PlannedArticle[]): Stream {
  return { kind: "home", slug: "", name, path: "/", archivePath: ARCHIVE_ROOT, articles };
}

/** One stream per configured section, empty ones included: the navigation links to all. */
export function sectionStreams(
  sections: readonly Section[],
  articles: readonly PlannedArticle[],
): Stream[] {
  const bySection = new Map<string, PlannedArticle[]>(sections.map((s) => [s.slug, []]));
  for (const article of articles) bySection.get(article.card.section.slug)?.push(article);
  return sections.map((section) => ({
    kind: "section",
    slug: section.slug,
    name: section.name,
    path: sectionPath(section.slug),
    archivePath: `${ARCHIVE_ROOT}${section.slug}/`,
    articles: bySection.get(section.slug) ?? [],
  }));
}

/**
 * One stream per topic. Tags that differ only in case or accents share a page, named as the
 * newest article wrote it; topics are sorted by name.
 */
export function topicStreams(articles: readonly PlannedArticle[], locale: string): Stream[] {
  const topics = new Map<string, { name: string; articles: PlannedArticle[] }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const tag of article.card.tags) {
      const slug = topicSlug(tag);
      if (seen.has(slug)) continue;
      seen.add(slug);
      const topic = topics.get(slug);
      if (topic) topic.articles.push(article);
      else topics.set(slug, { name: tag, articles: [article] });
    }
  }
  const collator = new Intl.Collator(locale);
  return [...topics.entries()]
    .map(([slug, topic]) => ({
      kind: "topic" as const,
      slug,
      name: topic.name,
      path: topicPath(topic.name),
      archivePath: `${ARCHIVE_ROOT}topics/${slug}/`,
      articles: topic.articles,
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}

/**
 * One stream per author profile, in the order given (by slug), those no article names included:
 * a profile's page is published whether or not the author has stories yet.
 */
export function authorStreams(
  profiles: readonly { readonly slug: string; readonly name: string }[],
  articles: readonly PlannedArticle[],
): Stream[] {
  const byProfile = new Map<string, PlannedArticle[]>(profiles.map((p) => [p.slug, []]));
  for (const article of articles) {
    for (const author of bylineOf(article)) {
      if (author.profile) byProfile.get(author.profile)?.push(article);
    }
  }
  return profiles.map((profile) => ({
    kind: "author",
    slug: profile.slug,
    name: profile.name,
    path: authorPath(profile.slug),
    archivePath: `${ARCHIVE_ROOT}authors/${profile.slug}/`,
    articles: byProfile.get(profile.slug) ?? [],
  }));
}

/** A stream without its articles: what a page names and links. */
export function streamRef(stream: Stream): StreamRef {
  const { kind, slug, name, path, archivePath } = stream;
  return { kind, slug, name, path, archivePath };
}
