/**
 * Related stories on a large random archive, against a plain reading of the rule: for each
 * story, the candidates are the stories just before it (up to the window) in each of its topics
 * and in its section, never a sponsored piece; ranked by topics shared, then the same section,
 * then the newest. The fast version works on flat arrays of numbers; this says it still picks
 * exactly what the rule says, with repeated tags, tags naming the same topic, sponsored pieces
 * and stories without topics among them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Article } from "../../scripts/content/model.ts";
import { newestFirst, type PlannedArticle } from "../../scripts/site/planned-article.ts";
import { RELATED_LIMIT, RELATED_WINDOW, relatedStories } from "../../scripts/site/related.ts";
import { topicSlug } from "../../scripts/site/urls.ts";
import { plannedArticle } from "../helpers/plan.ts";
import { SITE, story } from "../helpers/stories.ts";

/** A small seeded generator (mulberry32): the same archive on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

// "Trade" and "trade" name the same topic page; a tag may also be written twice.
const TAGS = ["Trade", "trade", "Rates", "Elections", "Football", "Housing", "Rail", "Floods"];

function archive(count: number, seed: number): PlannedArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const articles = Array.from({ length: count }, (_, index) => {
    const tags = Array.from({ length: Math.floor(next() * 4) }, () => pick(TAGS));
    const overrides: Partial<Article> = {
      tags,
      section: pick(SITE.sections),
      ...(next() < 0.05 ? { kind: "sponsored" as const } : {}),
    };
    return plannedArticle(story(index + 1, overrides), SITE.timeZone);
  });
  return articles.sort(newestFirst);
}

/** The rule read plainly: every candidate in every window, sorted, the first few kept. */
function reference(articles: readonly PlannedArticle[]): Map<PlannedArticle, PlannedArticle[]> {
  const topicsOf = (article: PlannedArticle) => new Set(article.card.tags.map(topicSlug));
  const result = new Map<PlannedArticle, PlannedArticle[]>();
  articles.forEach((article, rank) => {
    const own = topicsOf(article);
    const lists = [
      ...[...own].map((topic) => (other: PlannedArticle) => topicsOf(other).has(topic)),
      (other: PlannedArticle) => other.card.section.slug === article.card.section.slug,
    ];
    const candidates = new Set<number>();
    for (const inList of lists) {
      let taken = 0;
      for (let other = rank + 1; other < articles.length && taken < RELATED_WINDOW; other++) {
        if (!inList(articles[other] as PlannedArticle)) continue;
        taken++;
        if (articles[other]?.card.kind !== "sponsored") candidates.add(other);
      }
    }
    const score = (other: number) => {
      const card = (articles[other] as PlannedArticle).card;
      const shared = [...topicsOf(articles[other] as PlannedArticle)].filter((topic) =>
        own.has(topic),
      ).length;
      return shared * 2 + (card.section.slug === article.card.section.slug ? 1 : 0);
    };
    const ranked = [...candidates].sort((a, b) => score(b) - score(a) || a - b);
    result.set(
      article,
      ranked.slice(0, RELATED_LIMIT).map((other) => articles[other] as PlannedArticle),
    );
  });
  return result;
}

describe("related stories on a random archive", () => {
  for (const seed of [1, 2, 3]) {
    it(`are exactly what the rule picks (archive ${seed}: 1,500 stories)`, () => {
      const articles = archive(1500, seed);
      const fast = relatedStories(articles);
      const plain = reference(articles);
      const urls = (list: readonly PlannedArticle[] | undefined) =>
        (list ?? []).map((article) => article.card.url);
      for (const article of articles) {
        assert.deepEqual(urls(fast.get(article)), urls(plain.get(article)), article.card.url);
      }
      // The archive exercised what the rule distinguishes.
      assert.ok(articles.some((article) => article.card.kind === "sponsored"));
      assert.ok([...fast.values()].some((list) => list.length === RELATED_LIMIT));
    });
  }
});
