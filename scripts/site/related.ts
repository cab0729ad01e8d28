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

/**
 * Each article's topics and section as small integers, and every topic's and section's list of
 * articles, all as flat typed arrays (offsets into one array per kind): at 100,000 articles,
 * hundreds of thousands of small arrays would cost more to allocate and collect than to scan.
 */
function index(articles: readonly PlannedArticle[]) {
  const count = articles.length;
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
  // Each article's topics: topicIds[topicStart[rank] .. topicStart[rank + 1]).
  const topicStart = new Int32Array(count + 1);
  const topicList: number[] = [];
  const sections = new Int32Array(count);
  /** 1 for a sponsored piece, which is never offered as a related story. */
  const sponsored = new Uint8Array(count);
  articles.forEach((article, rank) => {
    topicStart[rank] = topicList.length;
    for (const tag of article.card.tags) {
      let slug = slugs.get(tag);
      if (slug === undefined) {
        slug = topicSlug(tag);
        slugs.set(tag, slug);
      }
      const id = idOf(`t:${slug}`);
      if (!topicList.includes(id, topicStart[rank])) topicList.push(id);
    }
    sections[rank] = idOf(`s:${article.card.section.slug}`);
    if (article.card.kind === "sponsored") sponsored[rank] = 1;
  });
  topicStart[count] = topicList.length;
  const topicIds = Int32Array.from(topicList);

  // Every list's members, newest first: members[listStart[list] .. listStart[list + 1]).
  const lists = ids.size;
  const listStart = new Int32Array(lists + 1);
  for (const id of topicIds) listStart[id + 1] = (listStart[id + 1] as number) + 1;
  for (const id of sections) listStart[id + 1] = (listStart[id + 1] as number) + 1;
  for (let list = 0; list < lists; list++) {
    listStart[list + 1] = (listStart[list + 1] as number) + (listStart[list] as number);
  }
  const members = new Int32Array(listStart[lists] as number);
  const filled = listStart.slice(0, lists);
  // Where each article stands in each of its lists: the candidates are the members just after.
  const place = (list: number, rank: number): number => {
    const slot = filled[list] as number;
    members[slot] = rank;
    filled[list] = slot + 1;
    return slot;
  };
  /** Beside topicIds: where the article stands in that topic's list. */
  const topicPlaces = new Int32Array(topicIds.length);
  /** Where each article stands in its section's list. */
  const sectionPlaces = new Int32Array(count);
  for (let rank = 0; rank < count; rank++) {
    const end = topicStart[rank + 1] as number;
    for (let at = topicStart[rank] as number; at < end; at++) {
      topicPlaces[at] = place(topicIds[at] as number, rank);
    }
    sectionPlaces[rank] = place(sections[rank] as number, rank);
  }
  return {
    topicStart,
    topicIds,
    sections,
    sponsored,
    members,
    listStart,
    topicPlaces,
    sectionPlaces,
  };
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
  const {
    topicStart,
    topicIds,
    sections,
    sponsored,
    members,
    listStart,
    topicPlaces,
    sectionPlaces,
  } = index(articles);
  // Which article last counted a candidate, so each is scored once per article.
  const seenBy = new Int32Array(articles.length).fill(-1);
  // Which article's topics a topic is among: shared topics are counted without a search.
  const ownedBy = new Int32Array(listStart.length).fill(-1);
  const related = new Map<PlannedArticle, PlannedArticle[]>();
  const best: number[] = [];
  const scores: number[] = [];
  /** Scores, for story `rank`, the stories just after it in `list`, where it stands at `slot`. */
  const consider = (rank: number, section: number, list: number, slot: number) => {
    const end = Math.min(listStart[list + 1] as number, slot + 1 + window);
    for (let index = slot + 1; index < end; index++) {
      const other = members[index] as number;
      if (seenBy[other] === rank) continue;
      seenBy[other] = rank;
      // Advertising is not offered as further reading beside journalism.
      if (sponsored[other] === 1) continue;
      let shared = 0;
      const otherEnd = topicStart[other + 1] as number;
      for (let topic = topicStart[other] as number; topic < otherEnd; topic++) {
        if (ownedBy[topicIds[topic] as number] === rank) shared++;
      }
      // Topics shared first, then the same section: one number ranks both.
      const score = shared * 2 + (sections[other] === section ? 1 : 0);
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
  };
  articles.forEach((article, rank) => {
    const first = topicStart[rank] as number;
    const last = topicStart[rank + 1] as number;
    for (let at = first; at < last; at++) ownedBy[topicIds[at] as number] = rank;
    const section = sections[rank] as number;
    best.length = 0;
    scores.length = 0;
    for (let at = first; at < last; at++) {
      consider(rank, section, topicIds[at] as number, topicPlaces[at] as number);
    }
    consider(rank, section, section, sectionPlaces[rank] as number);
    related.set(
      article,
      best.map((other) => articles[other] as PlannedArticle),
    );
  });
  return related;
}
