/**
 * How the search index is cut into parts: small enough that an older story's edit re-indexes a
 * bounded number of stories, a function of the stories and the build's day alone (so an
 * incremental build indexes what a cold one does), and stable: a story changed, deleted or
 * added in one period leaves every other period's part exactly as it was.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { dayKey, dayKeys } from "../../scripts/site/calendar.ts";
import { newestFirst, type PlannedArticle } from "../../scripts/site/planned-article.ts";
import { type SearchPart, searchParts } from "../../scripts/site/search-parts.ts";
import { plannedArticle } from "../helpers/plan.ts";
import { story } from "../helpers/stories.ts";

const ZONE = "Asia/Singapore";
const NOW = Date.parse("2026-01-20T12:00:00+08:00");

/** `count` stories spread evenly over [from, to), one every `(to - from) / count` ms. */
function stories(count: number, from: string, to: string, first = 0): PlannedArticle[] {
  const start = Date.parse(from);
  const step = (Date.parse(to) - start) / count;
  return Array.from({ length: count }, (_, n) =>
    plannedArticle(
      story(first + n, { date: DateTime.fromMillis(start + n * step, { zone: ZONE }) }),
      ZONE,
    ),
  ).sort(newestFirst);
}

const memberships = (parts: readonly SearchPart[]) =>
  new Map(parts.map((part) => [part.id, part.articles.map((article) => article.card.slug)]));

describe("the search index's parts", () => {
  it("keep a year that is over whole when it is small, and halve a crowded month by its days until each period fits", () => {
    const archive = [
      ...stories(300, "2024-01-01T00:00:00+08:00", "2025-01-01T00:00:00+08:00"),
      // 100 stories a day in March 2025: 3,100, so the month is halved, then halved again.
      ...stories(3100, "2025-03-01T00:00:00+08:00", "2025-04-01T00:00:00+08:00", 1000),
      ...stories(50, "2025-04-01T00:00:00+08:00", "2025-05-01T00:00:00+08:00", 9000),
    ].sort(newestFirst);
    const parts = searchParts(archive, NOW, ZONE, 1000);
    assert.deepEqual(
      parts.map((part) => [part.id, part.articles.length]),
      [
        ["2025-04", 50],
        ["2025-03-25-to-31", 700],
        ["2025-03-17-to-24", 800],
        ["2025-03-09-to-16", 800],
        ["2025-03-01-to-08", 800],
        ["2024", 300],
      ],
    );
    const slugs = parts.flatMap((part) => part.articles.map((article) => article.card.slug));
    assert.equal(new Set(slugs).size, archive.length, "every story is in exactly one part");
    for (const part of parts) {
      const days = part.articles.map((article) => dayKey(article.card.dateMs, ZONE));
      assert.deepEqual([...days].sort(), days, `${part.id} holds its stories oldest first`);
      if (part.id.includes("-to-")) {
        const [from, to] = [part.id.slice(0, 10), `${part.id.slice(0, 8)}${part.id.slice(-2)}`];
        assert.ok(
          days.every((day) => day >= from && day <= to),
          `${part.id} holds its days only`,
        );
      }
    }
  });

  it("change only the edited, deleted or added story's own part", () => {
    const archive = stories(3100, "2025-03-01T00:00:00+08:00", "2025-04-01T00:00:00+08:00");
    const before = memberships(searchParts(archive, NOW, ZONE, 1000));
    const deleted = archive.filter((article) => article.card.slug !== "story-1500");
    const added = [
      ...archive,
      ...stories(1, "2025-03-03T10:00:00+08:00", "2025-03-03T11:00:00+08:00", 5000),
    ].sort(newestFirst);
    for (const [change, after] of [
      ["deleted", memberships(searchParts(deleted, NOW, ZONE, 1000))],
      ["added", memberships(searchParts(added, NOW, ZONE, 1000))],
    ] as const) {
      const changed = [...before.keys()].filter(
        (id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)),
      );
      assert.equal(changed.length, 1, `one part differs when a story is ${change}: ${changed}`);
      assert.deepEqual([...after.keys()], [...before.keys()], "no part appears or goes");
    }
  });

  it("give today a part of its own, and join the month's days that are over", () => {
    // Ten stories a day from 1 to 20 January 2026; the build's now is the 20th at noon.
    const month = stories(195, "2026-01-01T00:00:00+08:00", "2026-01-20T12:00:00+08:00");
    const parts = searchParts(month, NOW, ZONE, 1000);
    assert.deepEqual(
      parts.map((part) => part.id),
      ["2026-01-20", "2026-01-19", "2026-01-17-to-18", "2026-01-01-to-16"],
    );
    assert.equal(parts[0]?.articles.length, 5, "today's stories only");
    // A day later the 19th and 20th are over: they join, and today is the 21st.
    const later = searchParts(month, NOW + 86_400_000, ZONE, 1000).map((part) => part.id);
    assert.deepEqual(later, ["2026-01-17-to-20", "2026-01-01-to-16"]);
  });

  it("cut a day over the limit into parts of the limit, in publication order", () => {
    const day = stories(25, "2025-06-10T00:00:00+08:00", "2025-06-11T00:00:00+08:00");
    const parts = searchParts(day, NOW, ZONE, 10);
    assert.deepEqual(
      parts.map((part) => [part.id, part.articles.length]),
      [
        ["2025-06-10-3", 5],
        ["2025-06-10-2", 10],
        ["2025-06-10", 10],
      ],
    );
  });
});

describe("a story's day, read in bulk", () => {
  it("is the day dayKey gives, in zones with summer time, half and quarter hours, and a skipped day", () => {
    const zones = ["Asia/Singapore", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
    for (const zone of [...zones, "America/St_Johns", "Pacific/Apia", "Europe/London", "UTC"]) {
      const fast = dayKeys(zone);
      const start = Date.parse("1900-01-01T00:00:00Z");
      const samoa = Date.parse("2011-12-29T00:00:00Z");
      const instants = [
        // Every 4 days 18 hours 16 minutes 52 seconds from 1900 to 2030: every hour of the day.
        ...Array.from({ length: 10_000 }, (_, n) => start + n * 411_412_000),
        // Every quarter hour around Samoa's skipped 30 December 2011.
        ...Array.from({ length: 4 * 24 * 3 }, (_, n) => samoa + n * 900_000),
      ];
      for (const ms of instants) {
        assert.equal(fast(ms), dayKey(ms, zone), `${zone} at ${new Date(ms).toISOString()}`);
      }
    }
  });
});
