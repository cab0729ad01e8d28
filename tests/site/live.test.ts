/**
 * A live blog's pages in the plan (scripts/engine/plan-live.ts, scripts/site/live-paging.ts):
 * pages that never shift (updates added one by one never change a page of older updates once
 * the first page has moved past it), every update on exactly one block page that its permanent
 * link names, the first page between one and two blocks, and a JSON that stays a few kilobytes
 * however long the blog.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { LiveUpdate } from "../../layouts/components/LiveUpdate.tsx";
import type { UpdateCard, UpdateRecord } from "../../scripts/content/live/update.ts";
import { LIVE_JSON_SIZE, planLive } from "../../scripts/engine/plan-live.ts";
import { cardView } from "../../scripts/site/card-view.ts";
import { liveJson } from "../../scripts/site/live-json.ts";
import type { PlannedLive, PlannedUpdate } from "../../scripts/site/live-model.ts";
import {
  BLOCK_SIZE,
  blockOf,
  firstPageStart,
  permalinkPath,
} from "../../scripts/site/live-paging.ts";
import type { LiveBlockSpec, LiveJsonSpec, LiveSpec } from "../../scripts/site/live-specs.ts";
import type { PageKind, PageSpec } from "../../scripts/site/page-specs.ts";
import type { PlannedArticle } from "../../scripts/site/planned-article.ts";
import { searchParts } from "../../scripts/site/search-parts.ts";
import { SITE, story } from "../helpers/stories.ts";

const URL = "/asia/quake/";
const START = Date.parse("2026-01-01T08:00:00+08:00");

function card(n: number, extra: Partial<UpdateCard> = {}): UpdateCard {
  const time = new Date(START + n * 60_000).toISOString().replace(".000Z", "Z");
  return {
    name: `u${n}`,
    sourcePath: `content/articles/quake/live/u${n}.md`,
    time,
    timeMs: START + n * 60_000,
    authors: [],
    draft: false,
    bodyLinks: [],
    ...extra,
  };
}

const TEXT =
  "Rescuers reached the villages cut off by landslides overnight, the provincial disaster " +
  "office said, and the first helicopters with water and medicine landed at dawn. Officials " +
  "said the number of people in evacuation centres had risen to more than 12,000.";

function record(update: PlannedUpdate): UpdateRecord {
  return {
    card: update.card,
    body: [{ kind: "html", html: `<p>${update.card.name}: ${TEXT}</p>\n` }],
    bodyText: `${update.card.name}: ${TEXT}`,
  };
}

function planned(cards: readonly UpdateCard[], version: Record<string, string> = {}): PlannedLive {
  const updates = cards.map(
    (update): PlannedUpdate => ({
      card: update,
      record: { pack: "p", offset: 0, length: 0, hash: update.name },
      images: [],
      key: `${update.name}@${version[update.name] ?? "1"}`,
    }),
  );
  const newest = cards.at(-1);
  return {
    updates,
    ...(newest ? { latest: { iso: newest.time, ms: newest.timeMs } } : {}),
    blogRecordKey: "blog",
    key: "all",
  };
}

const blog: PlannedArticle = (() => {
  const article = story(1, { slug: "quake", url: URL, kind: "live" });
  const card = {
    ...article,
    date: "2026-01-01T08:00:00+08:00",
    dateMs: START,
    updated: undefined,
    corrections: undefined,
    image: undefined,
    video: undefined,
    ended: undefined,
    credit: undefined,
  } as unknown as PlannedArticle["card"];
  return {
    card,
    view: cardView(card),
    recordKey: "blog",
    record: { pack: "p", offset: 0, length: 0, hash: "blog" },
    cardKey: "c",
    itemKey: "i",
    month: "2026-01",
    media: {},
  };
})();

interface Planned {
  readonly kind: PageKind;
  readonly path: string;
  readonly key: string;
  readonly spec: () => PageSpec;
}

function plan(live: PlannedLive): Map<string, Planned> {
  const pages = new Map<string, Planned>();
  planLive(
    (kind, path, key, spec) => {
      assert.ok(!pages.has(path), `${path} planned twice`);
      pages.set(path, { kind, path, key, spec });
    },
    blog,
    live,
    { html: "html", related: [], byline: { specs: [], key: "" }, readUpdate: record },
  );
  return pages;
}

function spec<K extends PageKind>(pages: Map<string, Planned>, path: string, kind: K) {
  const page = pages.get(path);
  assert.ok(page, `no page at ${path}`);
  const built = page.spec();
  assert.equal(built.kind, kind);
  return built as Extract<PageSpec, { kind: K }>;
}

describe("pages that never shift", () => {
  it("adding updates one by one never changes a page of older updates again", () => {
    const cards: UpdateCard[] = [];
    /** Block pages that had left the first page, with the key they had then. */
    const settled = new Map<string, string>();
    for (let n = 1; n <= 135; n++) {
      cards.push(card(n));
      const pages = plan(planned(cards));
      for (const [path, key] of settled) {
        assert.equal(pages.get(path)?.key, key, `${path} changed when update ${n} was added`);
      }
      const start = firstPageStart(n);
      for (const page of pages.values()) {
        if (page.kind !== "live-block") continue;
        const block = spec(pages, page.path, "live-block");
        if (block.to <= start && !settled.has(page.path)) settled.set(page.path, page.key);
      }
    }
    assert.ok(settled.size >= 5, "several pages of older updates were checked");
  });

  it("puts every update on one block page, which its permanent link names, and shows between one and two blocks first", () => {
    for (const count of [1, 19, 20, 21, 39, 40, 41, 59, 60, 61, 100, 257]) {
      const cards = Array.from({ length: count }, (_, index) => card(index + 1));
      const pages = plan(planned(cards));
      const onBlocks = new Map<string, string>();
      for (const page of pages.values()) {
        if (page.kind !== "live-block") continue;
        const block = spec(pages, page.path, "live-block") as LiveBlockSpec;
        for (const update of block.updates) {
          assert.ok(!onBlocks.has(update.card.name), `${update.card.name} is on two pages`);
          onBlocks.set(update.card.name, page.path);
          assert.equal(update.permalink.split("#")[0], page.path);
          assert.equal(update.permalink.split("#")[1], `update-${update.card.name}`);
        }
        const times = block.updates.map((update) => update.card.timeMs);
        assert.deepEqual(
          times,
          [...times].sort((a, b) => b - a),
          "newest first",
        );
        assert.ok(block.updates.length <= BLOCK_SIZE);
      }
      assert.equal(onBlocks.size, count, `every one of ${count} updates has a block page`);
      const first = spec(pages, URL, "live") as LiveSpec;
      const expected = count < BLOCK_SIZE ? count : count - firstPageStart(count);
      assert.equal(first.updates.length, expected);
      if (count >= BLOCK_SIZE) {
        assert.ok(first.updates.length >= BLOCK_SIZE && first.updates.length < 2 * BLOCK_SIZE);
      }
      assert.equal(first.updates[0]?.card.name, `u${count}`, "the newest is first");
      assert.deepEqual(
        first.older.map((page) => [page.from, page.to]),
        Array.from({ length: blockOf(firstPageStart(count)) }, (_, index) => {
          const block = blockOf(firstPageStart(count)) - 1 - index;
          return [block * BLOCK_SIZE + 1, (block + 1) * BLOCK_SIZE];
        }),
        "the first page links every page of older updates, newest first",
      );
    }
  });

  it("re-renders the first page, the JSON, the newest block's page and the index for a new update, and nothing else", () => {
    const cards = Array.from({ length: 77 }, (_, index) => card(index + 1));
    const before = plan(planned(cards));
    const after = plan(planned([...cards, card(78)]));
    const changed = [...after.values()]
      .filter((page) => before.get(page.path)?.key !== page.key)
      .map((page) => page.path);
    assert.deepEqual(
      changed.sort(),
      [URL, `${URL}live.json`, `${URL}updates/4/`, `${URL}updates/index.json`].sort(),
    );
  });

  it("opens a block's page when its first update arrives, and the block before gains its newer link while still on the first page", () => {
    const cards = Array.from({ length: 80 }, (_, index) => card(index + 1));
    const before = plan(planned(cards));
    const after = plan(planned([...cards, card(81)]));
    const changed = [...after.values()]
      .filter((page) => before.get(page.path)?.key !== page.key)
      .map((page) => page.path);
    assert.deepEqual(
      changed.sort(),
      [
        URL,
        `${URL}live.json`,
        `${URL}updates/4/`,
        `${URL}updates/5/`,
        `${URL}updates/index.json`,
      ].sort(),
    );
    const first = spec(after, URL, "live") as LiveSpec;
    assert.ok(
      first.updates.some((update) => update.card.name === "u80"),
      "block 4 is still on the first page when it changes",
    );
  });

  it("re-renders an edited old update's own page only", () => {
    const cards = Array.from({ length: 90 }, (_, index) => card(index + 1));
    const before = plan(planned(cards));
    const after = plan(planned(cards, { u5: "2" }));
    const changed = [...after.values()]
      .filter((page) => before.get(page.path)?.key !== page.key)
      .map((page) => page.path);
    assert.deepEqual(changed, [`${URL}updates/1/`]);
  });

  it("lists key events newest first, linking within the first page or to the update's own page", () => {
    const cards = Array.from({ length: 50 }, (_, index) =>
      card(index + 1, index % 10 === 4 ? { key: true, title: `Key ${index + 1}` } : {}),
    );
    cards[2] = card(3, { pinned: true });
    const pages = plan(planned(cards));
    const first = spec(pages, URL, "live") as LiveSpec;
    assert.deepEqual(
      first.keyEvents.map((event) => [event.text, event.href]),
      [
        ["Key 45", "#update-u45"],
        ["Key 35", "#update-u35"],
        ["Key 25", "#update-u25"],
        ["Key 15", permalinkPath(URL, 14, "u15")],
        ["Key 5", permalinkPath(URL, 4, "u5")],
      ],
    );
    assert.equal(first.pinned?.card.name, "u3");
    assert.equal(first.pinned?.permalink, `${URL}updates/1/#update-u3`);
  });
});

describe("the JSON open pages poll", () => {
  it("holds the newest updates only, newest first, and stays a few kilobytes however long the blog", () => {
    const sizes: number[] = [];
    for (const count of [5, 100, 1000]) {
      const cards = Array.from({ length: count }, (_, index) =>
        card(index + 1, { title: `Update ${index + 1} from Davao` }),
      );
      const pages = plan(planned(cards));
      const json = spec(pages, `${URL}live.json`, "live-json") as LiveJsonSpec;
      assert.equal(json.updates.length, Math.min(count, LIVE_JSON_SIZE));
      assert.equal(json.count, count);
      assert.equal(json.updates[0]?.card.name, `u${count}`);
      const text = liveJson(json, SITE, (update) =>
        renderToString(h(LiveUpdate, { update, site: SITE })),
      );
      const parsed = JSON.parse(text) as { updates: { id: string; html: string }[] };
      assert.equal(parsed.updates[0]?.id, `u${count}`);
      assert.match(parsed.updates[0]?.html ?? "", /id="update-u\d+"/);
      sizes.push(Buffer.byteLength(text));
      if (count === 1000) {
        assert.ok(Buffer.byteLength(text) < 12_000, `${Buffer.byteLength(text)} bytes`);
        assert.ok(gzipSync(text).length < 3_000, `${gzipSync(text).length} bytes gzipped`);
      }
    }
    // Only the ids' and page numbers' extra digits differ between 100 updates and 1,000.
    const [, hundred = 0, thousand = 0] = sizes;
    assert.ok(thousand < hundred * 1.02, `${hundred} bytes at 100 updates, ${thousand} at 1,000`);
  });

  it("says when the coverage ended", () => {
    const cards = [card(1), card(2)];
    const live = { ...planned(cards), ended: { iso: cards[1]?.time ?? "", ms: 0 } };
    const pages = plan(live);
    const json = spec(pages, `${URL}live.json`, "live-json");
    const parsed = JSON.parse(liveJson(json, SITE, () => "")) as { ended: boolean };
    assert.equal(parsed.ended, true);
    assert.equal((spec(pages, URL, "live") as LiveSpec).poll, undefined, "the page stops asking");
  });
});

describe("a live blog in the search index", () => {
  it("is filed by its newest update's day, so an update re-indexes today's part, not the month the blog began in", () => {
    const zone = "Asia/Singapore";
    const now = Date.parse("2026-01-20T12:00:00+08:00");
    const story = (slug: string, iso: string, live?: string): PlannedArticle => ({
      ...blog,
      card: { ...blog.card, slug, url: `/asia/${slug}/`, dateMs: Date.parse(iso) },
      month: iso.slice(0, 7),
      ...(live ? { live: { ...planned([]), latest: { iso: live, ms: Date.parse(live) } } } : {}),
    });
    const articles = [
      story("today", "2026-01-20T09:00:00+08:00"),
      story("running-blog", "2025-12-28T09:00:00+08:00", "2026-01-20T11:59:00+08:00"),
      story("last-month", "2025-12-29T09:00:00+08:00"),
    ].sort((a, b) => b.card.dateMs - a.card.dateMs);
    const parts = searchParts(articles, now, zone);
    const where = (slug: string) =>
      parts.find((part) => part.articles.some((article) => article.card.slug === slug))?.id;
    assert.equal(where("running-blog"), "2026-01-20");
    assert.equal(where("today"), "2026-01-20");
    assert.equal(where("last-month"), "2025", "a year that is over is one part");
  });
});
