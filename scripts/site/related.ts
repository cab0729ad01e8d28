/**
 * Stories to read next, chosen among OLDER stories only: a new story never changes the pages of
 * the stories before it, so publishing rewrites no archive page. For each story, the candidates
 * are the {@link RELATED_WINDOW} stories published just before it in each of its topics and in
 * its section (sponsored pieces are never among them); they are ranked by topics shared, then
 * same section, then the newest. Bounded work per story, so the whole archive costs time in
 * proportion to its size (the plan runs this over every story on every build: it works on
 * numbers, not objects).
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

/** Each article's topics and section as small integers, and every topic's and section's list. */
function index(articles: readonly PlannedArticle[]) {
  const ids = new Map<string, number>();
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = ids.size;
      ids.set(name, id);
    }
    return id;
  };
  const slugs = new Map<string, string>();
  const topics: number[][] = [];
  const sections = new Int32Array(articles.length);
  /** 1 for a sponsored piece, which is never offered as a related story. */
  const sponsored = new Uint8Array(articles.length);
  const lists: number[][] = [];
  const positions: [number, number][][] = [];
  const place = (list: number, rank: number) => {
    let members = lists[list];
    if (!members) {
      members = [];
      lists[list] = members;
    }
    positions[rank]?.push([list, members.length]);
    members.push(rank);
  };
  articles.forEach((article, rank) => {
    const own: number[] = [];
    for (const tag of article.card.tags) {
      let slug = slugs.get(tag);
      if (slug === undefined) {
        slug = topicSlug(tag);
        slugs.set(tag, slug);
      }
      const id = idOf(`t:${slug}`);
      if (!own.includes(id)) own.push(id);
    }
    topics.push(own);
    sections[rank] = idOf(`s:${article.card.section.slug}`);
    if (article.card.kind === "sponsored") sponsored[rank] = 1;
    positions.push([]);
    for (const id of own) place(id, rank);
    place(sections[rank] as number, rank);
  });
  return { topics, sections, sponsored, lists, positions };
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
  const { topics, sections, sponsored, lists, positions } = index(articles);
  // Which article last counted a candidate, so each is scored once per article.
  const seenBy = new Int32Array(articles.length).fill(-1);
  const related = new Map<PlannedArticle, PlannedArticle[]>();
  const best: number[] = [];
  const scores: number[] = [];
  articles.forEach((article, rank) => {
    const own = topics[rank] ?? [];
    best.length = 0;
    scores.length = 0;
    for (const [list, position] of positions[rank] ?? []) {
      const members = lists[list] ?? [];
      const end = Math.min(members.length, position + 1 + window);
      for (let index = position + 1; index < end; index++) {
        const other = members[index] as number;
        if (seenBy[other] === rank) continue;
        seenBy[other] = rank;
        // Advertising is not offered as further reading beside journalism.
        if (sponsored[other] === 1) continue;
        let shared = 0;
        for (const topic of topics[other] ?? []) if (own.includes(topic)) shared++;
        // Topics shared first, then the same section: one number ranks both.
        const score = shared * 2 + (sections[other] === sections[rank] ? 1 : 0);
        // Keep the best `limit` so far, by score, then the newest (the lower rank).
        let at = best.length;
        while (at > 0) {
          const before = at - 1;
          const beforeScore = scores[before] as number;
          if (beforeScore > score || (beforeScore === score && (best[before] as number) < other)) {
            break;
          }
          at = before;
        }
        if (at < limit) {
          best.splice(at, 0, other);
          scores.splice(at, 0, score);
          if (best.length > limit) {
            best.pop();
            scores.pop();
          }
        }
      }
    }
    related.set(
      article,
      best.map((other) => articles[other] as PlannedArticle),
    );
  });
  return related;
}
