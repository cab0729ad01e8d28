/**
 * Stories to read next, chosen among OLDER stories only: a new story never changes the pages of
 * the stories before it, so publishing rewrites no archive page. For each story, the candidates
 * are the {@link RELATED_WINDOW} stories published just before it in each of its topics and in
 * its section (sponsored pieces are never among them); they are ranked by topics shared, then
 * same section, then the newest. Bounded work per story, so the whole archive costs time in
 * proportion to its size.
 */
import type { PlannedArticle } from "./planned-article.ts";
import { topicSlug } from "./urls.ts";

/**
 * Stories shown under an article.
 *
 * @default 4
 */
export const RELATED_LIMIT = 4;

/**
 * How far back each topic and the section are searched: enough to find the stories sharing the
 * most topics among the recent ones, little enough that a story's neighbours are its context.
 *
 * @default 32
 */
export const RELATED_WINDOW = 32;

/** The topics of each article as slugs, computed once per distinct tag. */
function topicSets(articles: readonly PlannedArticle[]): Map<PlannedArticle, readonly string[]> {
  const slugs = new Map<string, string>();
  const sets = new Map<PlannedArticle, readonly string[]>();
  for (const article of articles) {
    const topics = new Set<string>();
    for (const tag of article.card.tags) {
      let slug = slugs.get(tag);
      if (slug === undefined) {
        slug = topicSlug(tag);
        slugs.set(tag, slug);
      }
      topics.add(slug);
    }
    sets.set(article, [...topics]);
  }
  return sets;
}

/**
 * Related stories for every article at once. `articles` must be newest first (the build's
 * order); the result maps each article to at most `limit` older ones.
 */
export function relatedStories(
  articles: readonly PlannedArticle[],
  limit = RELATED_LIMIT,
  window = RELATED_WINDOW,
): Map<PlannedArticle, PlannedArticle[]> {
  const topics = topicSets(articles);
  const rank = new Map<PlannedArticle, number>(articles.map((article, index) => [article, index]));
  // Each topic's and section's stories newest first, and where each story sits in them.
  const lists = new Map<string, PlannedArticle[]>();
  const positions = new Map<PlannedArticle, [string, number][]>();
  const place = (list: string, article: PlannedArticle) => {
    const members = lists.get(list) ?? [];
    if (members.length === 0) lists.set(list, members);
    positions.get(article)?.push([list, members.length]);
    members.push(article);
  };
  for (const article of articles) {
    positions.set(article, []);
    for (const topic of topics.get(article) ?? []) place(`t:${topic}`, article);
    place(`s:${article.card.section.slug}`, article);
  }

  const related = new Map<PlannedArticle, PlannedArticle[]>();
  for (const article of articles) {
    const own = new Set(topics.get(article));
    const scored = new Map<PlannedArticle, number>();
    for (const [list, position] of positions.get(article) ?? []) {
      const members = lists.get(list) ?? [];
      const end = Math.min(members.length, position + 1 + window);
      for (let index = position + 1; index < end; index++) {
        const other = members[index] as PlannedArticle;
        // Advertising is not offered as further reading beside journalism.
        if (scored.has(other) || other.card.kind === "sponsored") continue;
        let shared = 0;
        for (const topic of topics.get(other) ?? []) if (own.has(topic)) shared++;
        const sameSection = other.card.section.slug === article.card.section.slug ? 1 : 0;
        // Topics shared first, then the same section: one number ranks both.
        scored.set(other, shared * 2 + sameSection);
      }
    }
    const picked = [...scored.entries()]
      .sort(
        ([a, scoreA], [b, scoreB]) => scoreB - scoreA || (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
      )
      .slice(0, limit)
      .map(([other]) => other);
    related.set(article, picked);
  }
  return related;
}
