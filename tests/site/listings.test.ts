/**
 * Front pages, date archives and related stories as the page plan lays them out, on synthetic
 * archives a fixture build could only reach with hundreds of articles: a front page shows the
 * latest stories, every story stays reachable from the home page through the archive, a month's
 * pages are cut in publication order so a new story shifts no older page, and related stories
 * come from older stories only.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { ARCHIVE_PAGE_SIZE } from "../../scripts/site/archives.ts";
import type { PageSpec } from "../../scripts/site/page-specs.ts";
import { RELATED_LIMIT } from "../../scripts/site/related.ts";
import { LATEST_COUNT } from "../../scripts/site/streams.ts";
import { type Plan, planSite } from "../helpers/plan.ts";
import { NOW, SITE, stories, story } from "../helpers/stories.ts";

/** Every archive page of a month, in the order its "later" links lead. */
function monthPages(plan: Plan, firstPath: string): Extract<PageSpec, { kind: "archive-month" }>[] {
  const pages = [plan.spec("archive-month", firstPath)];
  for (let page = pages[0]; page?.nextPath; ) {
    page = plan.spec("archive-month", page.nextPath);
    pages.push(page);
  }
  return pages;
}

describe("front pages", () => {
  it("show the latest 24 stories, newest first, and say when the archive holds older ones", () => {
    const plan = planSite(SITE, stories(30), NOW);
    assert.equal(LATEST_COUNT, 24);
    for (const path of ["/", "/asia/"]) {
      const front = plan.spec("front", path);
      assert.deepEqual(
        front.cards.map((card) => card.view.url),
        Array.from({ length: 24 }, (_, index) => `/asia/story-${index + 1}/`),
        path,
      );
      assert.equal(front.hasOlder, true, path);
    }
    const world = plan.spec("front", "/world/");
    assert.deepEqual(world.cards, [], "a section with no stories still has its page");
    assert.equal(world.hasOlder, false);
    const few = planSite(SITE, stories(24), NOW).spec("front", "/");
    assert.equal(few.cards.length, 24);
    assert.equal(few.hasOlder, false, "24 stories all fit on the front page");
  });

  it("have no numbered pages: a listing is one page whatever the archive's size", () => {
    const plan = planSite(
      SITE,
      stories(200, () => ({ tags: ["Trade"] })),
      NOW,
    );
    const files = [...plan.pages.keys()];
    assert.deepEqual(
      files.filter((file) => /(^|\/)page\//.test(file) && !file.startsWith("archive/")),
      [],
    );
    assert.deepEqual(plan.paths("front"), ["/", "/asia/", "/world/", "/sport/", "/topics/trade/"]);
  });
});

describe("date archives", () => {
  // 130 stories an hour apart reach back into December 2025 only; 20 more two days apart, ten
  // in November and ten in October (every fourth in World), give the archive three months.
  const recent = stories(130, (n) => ({ tags: n % 2 === 0 ? ["Trade"] : [] }));
  const older = Array.from({ length: 20 }, (_, index) =>
    story(1000 + index * 48, index % 4 === 0 ? { section: { slug: "world", name: "World" } } : {}),
  );
  const all = [...recent, ...older];
  const plan = planSite(SITE, all, NOW);

  it("reach every story from the home page: its archive link, the index of months, each month's pages", () => {
    const home = plan.spec("front", "/");
    assert.equal(home.stream.archivePath, "/archive/");
    const index = plan.spec("archive-index", home.stream.archivePath);
    assert.deepEqual(
      index.months.map((month) => [month.key, month.path]),
      [
        ["2025-12", "/archive/2025/12/"],
        ["2025-11", "/archive/2025/11/"],
        ["2025-10", "/archive/2025/10/"],
      ],
      "months newest first",
    );
    const reached = index.months.flatMap((month) => {
      const items = monthPages(plan, month.path).flatMap((page) => page.items);
      assert.equal(items.length, month.count, `${month.key}: the index counts its stories`);
      return items.map((item) => item.url);
    });
    assert.deepEqual([...reached].sort(), all.map((article) => article.url).sort());
    assert.equal(new Set(reached).size, reached.length, "each story once");
  });

  it("cut a month into pages of 50 stories in publication order, oldest first", () => {
    assert.equal(ARCHIVE_PAGE_SIZE, 50);
    const pages = monthPages(plan, "/archive/2025/12/");
    assert.deepEqual(
      pages.map((page) => [page.path, page.pageNumber, page.items.length]),
      [
        ["/archive/2025/12/", 1, 50],
        ["/archive/2025/12/page/2/", 2, 50],
        ["/archive/2025/12/page/3/", 3, 30],
      ],
    );
    assert.deepEqual(
      pages.flatMap((page) => page.items.map((item) => item.url)),
      Array.from({ length: 130 }, (_, index) => `/asia/story-${130 - index}/`),
    );
    assert.equal(pages[1]?.previousPath, "/archive/2025/12/");
    assert.equal(pages[2]?.previousPath, "/archive/2025/12/page/2/");
    assert.equal(pages[2]?.nextPath, undefined);
  });

  it("link a month's first and last pages to the neighbouring months that have stories", () => {
    const december = monthPages(plan, "/archive/2025/12/");
    assert.equal(december[0]?.previousMonth?.path, "/archive/2025/11/");
    assert.equal(december[0]?.nextMonth, undefined, "no later month yet");
    assert.equal(december[1]?.previousMonth, undefined, "a middle page links within its month");
    assert.equal(december[2]?.previousMonth?.path, "/archive/2025/11/");
    const october = plan.spec("archive-month", "/archive/2025/10/");
    assert.equal(october.previousMonth, undefined);
    assert.equal(october.nextMonth?.path, "/archive/2025/11/");
  });

  it("put a new story on its month's last page and leave every other archive page as it was", () => {
    const fresh = story(0, { date: NOW.minus({ minutes: 30 }) });
    const later = planSite(SITE, [fresh, ...all], NOW);
    assert.deepEqual(later.paths("archive-month"), plan.paths("archive-month"), "no page added");
    const changed = plan.paths("archive-month").filter((path) => {
      const before = plan.spec("archive-month", path);
      const after = later.spec("archive-month", path);
      return JSON.stringify(after) !== JSON.stringify(before);
    });
    // The home page's archive and the section's: the story is in no topic.
    assert.deepEqual(changed, ["/archive/2025/12/page/3/", "/archive/asia/2025/12/page/3/"]);
    for (const path of changed) {
      const before = plan.spec("archive-month", path);
      const after = later.spec("archive-month", path);
      assert.deepEqual(after.items.slice(0, -1), before.items, path);
      assert.equal(after.items.at(-1)?.url, "/asia/story-0/", path);
    }
  });

  it("file a story under its month in the site's time zone", () => {
    // 20:00 UTC on 30 November is 04:00 on 1 December in Singapore.
    const utc = story(5000, { date: DateTime.fromISO("2025-11-30T20:00:00Z", { setZone: true }) });
    const edge = planSite(SITE, [utc], NOW);
    assert.deepEqual(
      edge.spec("archive-month", "/archive/2025/12/").items.map((item) => item.url),
      ["/asia/story-5000/"],
    );
    assert.deepEqual(edge.paths("archive-month"), ["/archive/2025/12/", "/archive/asia/2025/12/"]);
  });

  it("exist for every section and topic, holding only their own stories", () => {
    const world = plan.spec("archive-index", "/archive/world/");
    assert.deepEqual(
      world.months.map((month) => [month.path, month.count]),
      [
        ["/archive/world/2025/11/", 3],
        ["/archive/world/2025/10/", 2],
      ],
    );
    const worldStories = monthPages(plan, "/archive/world/2025/10/").flatMap((page) => page.items);
    assert.ok(worldStories.every((item) => item.url.startsWith("/world/")));
    assert.equal(plan.spec("front", "/world/").stream.archivePath, "/archive/world/");
    const trade = plan.spec("front", "/topics/trade/");
    assert.equal(trade.stream.archivePath, "/archive/topics/trade/");
    const tradeStories = monthPages(plan, "/archive/topics/trade/2025/12/").flatMap(
      (page) => page.items,
    );
    assert.equal(tradeStories.length, 65);
    assert.ok(tradeStories.every((item) => /story-\d*[02468]\/$/.test(item.url)));
    const sport = plan.spec("archive-index", "/archive/sport/");
    assert.deepEqual(sport.months, [], "an empty section's archive is an empty index");
  });
});

describe("related stories", () => {
  const articles = [
    story(1, { tags: ["Trade", "Rates"] }),
    story(2, { tags: ["Trade"] }),
    story(3, { tags: ["Trade", "Rates"], section: { slug: "world", name: "World" } }),
    story(4),
    story(5, { tags: ["Trade", "Rates"] }),
    story(6, { tags: ["Football"], section: { slug: "sport", name: "Sport" } }),
    story(7, { tags: ["Trade"] }),
  ];
  const plan = planSite(SITE, articles, NOW);
  const related = (n: number) =>
    plan.spec("article", articles[n - 1]?.url ?? "").related.map((card) => card.view.url);

  it("come from older stories only, at most four, most topics shared first, then the section, then the newest", () => {
    assert.equal(RELATED_LIMIT, 4);
    assert.deepEqual(related(1), [
      "/asia/story-5/",
      "/world/story-3/",
      "/asia/story-2/",
      "/asia/story-7/",
    ]);
    assert.deepEqual(related(5), ["/asia/story-7/"]);
    assert.deepEqual(related(7), [], "the oldest story has nothing older to show");
    assert.deepEqual(related(6), [], "nothing older shares its topic or its section");
  });

  it("leave an existing story's page as it was when a newer story is published", () => {
    const later = planSite(SITE, [story(0, { tags: ["Trade", "Rates"] }), ...articles], NOW);
    for (const article of articles) {
      assert.deepEqual(
        later.spec("article", article.url),
        plan.spec("article", article.url),
        article.url,
      );
    }
    assert.deepEqual(
      later.spec("article", "/asia/story-0/").related.map((card) => card.view.url),
      ["/asia/story-1/", "/asia/story-5/", "/world/story-3/", "/asia/story-2/"],
    );
  });
});
