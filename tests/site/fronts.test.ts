/**
 * What a front shows, as pure functions (scripts/site/fronts.ts): picks first in order, held
 * ones left out and named as waiting, fills newest first skipping whatever is picked anywhere on
 * the front or shown by an earlier container, sizes kept; the banner while it lasts; hand-picked
 * related stories before the automatic ones. On random archives and random fronts, the fast
 * version (fills scan the shortest stream and stop when full) picks exactly what a plain reading
 * of the rule picks.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import { FrontList } from "../../layouts/components/FrontContainerList.tsx";
import type { FrontContainer, FrontFill } from "../../scripts/content/front-model.ts";
import type { ArticleKind } from "../../scripts/content/kinds.ts";
import { ARTICLE_KINDS } from "../../scripts/content/kinds.ts";
import type { Article } from "../../scripts/content/model.ts";
import { fillSources, pickLookup } from "../../scripts/engine/plan-fronts.ts";
import {
  type FillSources,
  matchesFill,
  type PickState,
  showBanner,
  showFront,
  withPicks,
} from "../../scripts/site/fronts.ts";
import { newestFirst, type PlannedArticle } from "../../scripts/site/planned-article.ts";
import { sectionStreams, topicStreams } from "../../scripts/site/streams.ts";
import { topicSlug } from "../../scripts/site/urls.ts";
import { plannedArticle } from "../helpers/plan.ts";
import { NOW, SITE, story } from "../helpers/stories.ts";

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

// "Trade" and "trade" and "Tráde" name the same topic.
const TAGS = ["Trade", "trade", "Tráde", "Rates", "Elections", "Football", "Housing", "Rail"];

function archive(count: number, seed: number): PlannedArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, index) => {
    const tags = Array.from({ length: Math.floor(next() * 3) }, () => pick(TAGS));
    const overrides: Partial<Article> = {
      tags,
      section: pick(SITE.sections),
      kind: next() < 0.6 ? "news" : pick(ARTICLE_KINDS),
    };
    return plannedArticle(story(index + 1, overrides), SITE.timeZone);
  }).sort(newestFirst);
}

function sources(articles: readonly PlannedArticle[]): FillSources {
  return fillSources(articles, [
    ...sectionStreams(SITE.sections, articles),
    ...topicStreams(articles, SITE.language),
  ]);
}

const container = (
  fields: Partial<FrontContainer> & Pick<FrontContainer, "size">,
): FrontContainer => ({
  layout: "grid",
  stories: [],
  ...fields,
});

const picks = (...slugs: string[]) => slugs.map((slug) => ({ slug, at: {} }));

const slugsOf = (stories: readonly PlannedArticle[]) => stories.map((article) => article.card.slug);

describe("showFront", () => {
  const articles = [
    plannedArticle(
      story(1, { section: { slug: "asia", name: "Asia" }, tags: ["Trade"] }),
      SITE.timeZone,
    ),
    plannedArticle(
      story(2, { section: { slug: "world", name: "World" }, kind: "analysis" }),
      SITE.timeZone,
    ),
    plannedArticle(
      story(3, { section: { slug: "asia", name: "Asia" }, kind: "analysis", tags: ["trade"] }),
      SITE.timeZone,
    ),
    plannedArticle(story(4, { section: { slug: "asia", name: "Asia" } }), SITE.timeZone),
    plannedArticle(
      story(5, { section: { slug: "sport", name: "Sport" }, tags: ["Tráde"] }),
      SITE.timeZone,
    ),
    plannedArticle(
      story(6, { section: { slug: "asia", name: "Asia" }, kind: "analysis" }),
      SITE.timeZone,
    ),
  ].sort(newestFirst);
  const held = new Map([
    ["story-90", { state: "draft" as const }],
    ["story-91", { state: "embargoed" as const, releaseMs: NOW.plus({ hours: 6 }).toMillis() }],
  ]);
  const pick = pickLookup(articles, held);
  const fill = sources(articles);

  it("shows picks first, in order, then the newest stories matching the fill, up to the size", () => {
    const shown = showFront(
      [container({ stories: picks("story-4", "story-2"), fill: { section: "asia" }, size: 4 })],
      pick,
      fill,
    );
    assert.deepEqual(
      shown.containers.map((c) => slugsOf(c.stories)),
      [["story-4", "story-2", "story-1", "story-3"]],
    );
    assert.deepEqual(shown.waiting, []);
  });

  it("leaves held picks out, names them as waiting, and lets the fill take their places", () => {
    const shown = showFront(
      [
        container({
          stories: picks("story-91", "story-5", "story-90"),
          fill: { kind: "analysis" },
          size: 3,
        }),
      ],
      pick,
      fill,
    );
    assert.deepEqual(slugsOf(shown.containers[0]?.stories ?? []), [
      "story-5",
      "story-2",
      "story-3",
    ]);
    assert.deepEqual(shown.waiting, [
      { slug: "story-91", state: "embargoed", releaseMs: NOW.plus({ hours: 6 }).toMillis() },
      { slug: "story-90", state: "draft" },
    ]);
  });

  it("never shows a story twice: fills skip every pick on the front and what earlier containers show", () => {
    const shown = showFront(
      [
        container({ fill: { section: "asia" }, size: 2 }),
        container({ fill: { section: "asia" }, size: 2 }),
        // Story 6 is picked by the last container: no fill above may take it first.
        container({ fill: { section: "asia" }, size: 5 }),
        container({ stories: picks("story-6"), size: 1 }),
      ],
      pick,
      fill,
    );
    assert.deepEqual(
      shown.containers.map((c) => slugsOf(c.stories)),
      [["story-1", "story-3"], ["story-4"], ["story-6"]],
    );
    const all = shown.containers.flatMap((c) => slugsOf(c.stories));
    assert.equal(new Set(all).size, all.length);
  });

  it("matches every condition given; topics as topic pages fold them (case and accents)", () => {
    const topic = showFront([container({ fill: { topic: "TRADE" }, size: 9 })], pick, fill);
    assert.deepEqual(slugsOf(topic.containers[0]?.stories ?? []), [
      "story-1",
      "story-3",
      "story-5",
    ]);
    const both = showFront(
      [container({ fill: { topic: "trade", section: "asia", kind: "analysis" }, size: 9 })],
      pick,
      fill,
    );
    assert.deepEqual(slugsOf(both.containers[0]?.stories ?? []), ["story-3"]);
    const news = showFront([container({ fill: { kind: "news" }, size: 9 })], pick, fill);
    assert.deepEqual(slugsOf(news.containers[0]?.stories ?? []), ["story-1", "story-4", "story-5"]);
    const everything = showFront([container({ fill: {}, size: 9 })], pick, fill);
    assert.equal(everything.containers[0]?.stories.length, 6);
  });

  it("leaves a container with no story out of the page", () => {
    const shown = showFront(
      [
        container({ stories: picks("story-90"), size: 1 }),
        container({ fill: { topic: "Nothing here" }, size: 3 }),
        container({ fill: { section: "sport" }, size: 3 }),
      ],
      pick,
      fill,
    );
    assert.equal(shown.containers.length, 1);
    assert.deepEqual(slugsOf(shown.containers[0]?.stories ?? []), ["story-5"]);
  });
});

describe("sponsored pieces on fronts", () => {
  it("are taken by a fill only when it asks for them; an editor may pick one", () => {
    const articles = [
      plannedArticle(story(1, { kind: "sponsored" }), SITE.timeZone),
      plannedArticle(story(2), SITE.timeZone),
    ].sort(newestFirst);
    const pick = pickLookup(articles);
    const fill = sources(articles);
    const show = (c: FrontContainer) =>
      slugsOf(showFront([c], pick, fill).containers[0]?.stories ?? []);
    assert.deepEqual(show(container({ fill: {}, size: 5 })), ["story-2"]);
    assert.deepEqual(show(container({ fill: { section: "asia" }, size: 5 })), ["story-2"]);
    assert.deepEqual(show(container({ fill: { kind: "sponsored" }, size: 5 })), ["story-1"]);
    assert.deepEqual(show(container({ stories: picks("story-1"), fill: {}, size: 5 })), [
      "story-1",
      "story-2",
    ]);
  });
});

describe("showBanner", () => {
  const article = plannedArticle(story(1), SITE.timeZone);
  const pick = pickLookup(
    [article],
    new Map([
      ["later", { state: "embargoed" as const, releaseMs: NOW.plus({ hours: 1 }).toMillis() }],
    ]),
  );
  const until = { iso: "2026-01-01T06:00:00+08:00", ms: NOW.plus({ hours: 6 }).toMillis() };

  it("shows the banner while it lasts, with the story's URL, and not once `until` has passed", () => {
    const banner = {
      text: "Quake",
      link: { kind: "article" as const, slug: "story-1", at: {} },
      until,
    };
    assert.deepEqual(showBanner(banner, NOW.toMillis(), pick), {
      banner: { text: "Quake", url: "/asia/story-1/", until: until.iso },
      waiting: [],
    });
    assert.deepEqual(showBanner(banner, until.ms, pick), { waiting: [] });
    assert.deepEqual(showBanner(banner, until.ms + 1, pick), { waiting: [] });
  });

  it("keeps an https link as written, and leaves off a link to a story not yet published", () => {
    assert.deepEqual(
      showBanner({ text: "Quake", link: { kind: "url", url: "https://example.org/x" } }, 0, pick)
        .banner,
      { text: "Quake", url: "https://example.org/x" },
    );
    const held = showBanner(
      { text: "Quake", link: { kind: "article", slug: "later", at: {} } },
      0,
      pick,
    );
    assert.deepEqual(held.banner, { text: "Quake" });
    assert.deepEqual(held.waiting, [
      { slug: "later", state: "embargoed", releaseMs: NOW.plus({ hours: 1 }).toMillis() },
    ]);
  });
});

describe("withPicks (related stories)", () => {
  const articles = [1, 2, 3, 4, 5, 6].map((n) => plannedArticle(story(n), SITE.timeZone));
  const byNumber = (n: number) => articles[n - 1] as PlannedArticle;
  const pick = pickLookup(articles, new Map([["story-99", { state: "draft" as const }]]));

  it("shows the picks first in order, then the automatic ones it does not pick, up to the limit", () => {
    const related = withPicks(
      ["story-5", "story-99", "story-1"],
      [byNumber(1), byNumber(3), byNumber(4)],
      pick,
      4,
    );
    assert.deepEqual(slugsOf(related.stories), ["story-5", "story-1", "story-3", "story-4"]);
    assert.deepEqual(related.waiting, [{ slug: "story-99", state: "draft" }]);
  });

  it("shows every published pick, even past the limit", () => {
    const related = withPicks(
      ["story-6", "story-5", "story-4", "story-3", "story-2"],
      [byNumber(1)],
      pick,
      4,
    );
    assert.deepEqual(slugsOf(related.stories), [
      "story-6",
      "story-5",
      "story-4",
      "story-3",
      "story-2",
    ]);
  });
});

/** The rule read plainly: for each container, picks, then every story of the archive in order. */
function reference(
  articles: readonly PlannedArticle[],
  containers: readonly FrontContainer[],
  pick: (slug: string) => PickState,
): string[][] {
  const picked = new Set(
    containers
      .flatMap((c) => c.stories.map((s) => s.slug))
      .filter((slug) => pick(slug).kind === "published"),
  );
  const used = new Set<string>();
  const result: string[][] = [];
  for (const c of containers) {
    const shown = c.stories.map((s) => s.slug).filter((slug) => pick(slug).kind === "published");
    const matches = (article: PlannedArticle, fill: FrontFill) =>
      (article.card.kind !== "sponsored" || fill.kind === "sponsored") &&
      (fill.section === undefined || article.card.section.slug === fill.section) &&
      (fill.kind === undefined || (article.card.kind ?? "news") === fill.kind) &&
      (fill.topic === undefined ||
        article.card.tags.some((tag) => topicSlug(tag) === topicSlug(fill.topic as string)));
    if (c.fill) {
      for (const article of articles) {
        if (shown.length >= c.size) break;
        const slug = article.card.slug;
        if (picked.has(slug) || used.has(slug) || !matches(article, c.fill)) continue;
        shown.push(slug);
      }
    }
    for (const slug of shown) used.add(slug);
    if (shown.length > 0) result.push(shown);
  }
  return result;
}

describe("fronts on random archives", () => {
  it("pick exactly what a plain reading of the rule picks", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const articles = archive(300, seed);
      const next = random(seed * 7919);
      const choose = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      // Held stories: some slugs are drafts or embargoed.
      const held = new Map<
        string,
        { state: "draft" } | { state: "embargoed"; releaseMs: number }
      >();
      for (let n = 400; n < 410; n++) {
        held.set(
          `story-${n}`,
          next() < 0.5 ? { state: "draft" } : { state: "embargoed", releaseMs: n },
        );
      }
      const pick = pickLookup(articles, held);
      const containers = Array.from({ length: 1 + Math.floor(next() * 6) }, (): FrontContainer => {
        const fill: FrontFill = {
          ...(next() < 0.4 ? { section: choose(SITE.sections).slug } : {}),
          ...(next() < 0.4 ? { topic: choose(TAGS) } : {}),
          ...(next() < 0.3 ? { kind: choose(ARTICLE_KINDS) as ArticleKind } : {}),
        };
        const stories = Array.from({ length: Math.floor(next() * 3) }, () =>
          next() < 0.2 ? `story-${400 + Math.floor(next() * 10)}` : choose(articles).card.slug,
        );
        return {
          layout: choose(["lead", "grid", "list"] as const),
          stories: picks(...new Set(stories)),
          ...(next() < 0.85 ? { fill } : {}),
          size: Math.max(stories.length, 1 + Math.floor(next() * 8)),
        };
      });
      // A slug picked twice on a front is refused at the boundary: keep the first.
      const seen = new Set<string>();
      const valid = containers.map((c) => ({
        ...c,
        stories: c.stories.filter((s) => !seen.has(s.slug) && seen.add(s.slug)),
      }));
      const shown = showFront(valid, pick, sources(articles));
      assert.deepEqual(
        shown.containers.map((c) => slugsOf(c.stories)),
        reference(articles, valid, pick),
        `seed ${seed}`,
      );
      for (const c of shown.containers) {
        assert.ok(c.stories.length <= c.container.size, "never more than the size");
        for (const article of c.stories.slice(c.container.stories.length)) {
          if (c.container.fill) assert.ok(matchesFill(article, c.container.fill));
        }
      }
    }
  });
});

describe("a list container's rows", () => {
  const row = (date: string, recent: boolean) => ({
    view: {
      url: "/asia/a-story/",
      title: "A story",
      description: "",
      date,
      section: "Asia",
      ...(recent ? { recent: true as const } : {}),
    },
    showSection: false,
    showKind: false,
    date: DateTime.fromISO(date, { setZone: true }),
  });

  it("time a recent story to the minute and date an older one with its year", () => {
    const html = renderToString(
      FrontList({
        cards: [row("2025-12-31T13:00:00+08:00", true), row("2019-06-23T11:05:00+08:00", false)],
        site: SITE,
        level: 2,
        first: true,
      }),
    );
    const times = [...html.matchAll(/<time[^>]*>([^<]*)<\/time>/g)].map((match) => match[1]);
    assert.equal(times.length, 2);
    assert.match(times[0] ?? "", /^31 Dec, 1:00 (pm|PM)$/);
    assert.equal(times[1], "23 Jun 2019");
  });
});
