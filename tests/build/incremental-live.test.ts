/**
 * Live blogs take part in the promise of the incremental build: after each thing a live desk
 * does (an update added, edited, deleted, pinned and unpinned, the coverage ended, an embargoed
 * update released, a draft published), the incremental output is byte for byte a cold build's,
 * only the changed update is parsed, and the files that change are exactly those that show the
 * change: a new update changes the blog's first page, its JSON, the page its permanent link leads
 * to, the feeds and sitemaps that date the blog and its search part, and nothing else.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";
import {
  LIVE_SLUG,
  LIVE_SUMMARY,
  liveFields,
  minutesAfterStart,
  removeUpdate,
  updateName,
  updateSource,
  writeLiveBlog,
  writeUpdate,
} from "../helpers/live-blog.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";

const fixture = createFixtureSite();
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-live-cold-"));
const cold = path.join(scratch, "cold");
const BLOG = `asia/${LIVE_SLUG}/`;
let now = "2026-01-01T00:00:00+08:00";

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Builds `root` at this test's "now". */
function build(root: string, env: Record<string, string> = {}): Run {
  return runBuild(root, { BROADSHEET_NOW: now, ...env });
}

let comparisons = 0;

/** Builds the fixture incrementally and a fresh copy cold: both must give the same site. */
function buildAndCompare() {
  const before = snapshot(site);
  const incremental = build(site);
  assert.equal(incremental.status, 0, incremental.stderr);
  copyProject(site, cold);
  // Every other cold build renders on two workers in small batches, as large builds do.
  const workers: Record<string, string> =
    comparisons++ % 2 === 0 ? { BROADSHEET_WORKERS: "2", BROADSHEET_BATCH_SIZE: "25" } : {};
  const fresh = build(cold, workers);
  assert.equal(fresh.status, 0, fresh.stderr);
  const after = snapshot(site);
  assert.deepEqual(differences(after, snapshot(cold)), [], "incremental output equals cold output");
  const untouched = [...after].filter(([file, then]) => {
    const was = before.get(file);
    return was && was.hash === then.hash && was.mtimeMs !== then.mtimeMs;
  });
  assert.deepEqual(untouched, [], "unchanged files keep their modification time");
  return { run: incremental, changed: changedFiles(before, after) };
}

function changedFiles(before: Map<string, SiteFile>, after: Map<string, SiteFile>): string[] {
  const written = [...after]
    .filter(([file, then]) => before.get(file)?.hash !== then.hash)
    .map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  return [...written, ...removed].sort();
}

/** The changed files, search-index files aside (asserted apart). */
const pages = (changed: readonly string[]) =>
  changed.filter((file) => !file.startsWith("pagefind/"));
const searched = (changed: readonly string[]) => changed.some((f) => f.startsWith("pagefind/"));

/**
 * What dates the blog: the site's and the section's feeds, the sitemaps that list it, and the
 * empty sections' feeds, which are dated by the site's newest change (as when a story is
 * published).
 */
const DATED = [
  "asia/feed.json",
  "asia/feed.xml",
  "asia/rss.xml",
  "feed.json",
  "feed.xml",
  "rss.xml",
  "sitemap.xml",
  "sitemaps/articles-2025-12.xml",
  "sitemaps/pages.xml",
  ...["business", "opinion", "singapore", "sport", "tech", "world"].flatMap((section) => [
    `${section}/feed.xml`,
    `${section}/rss.xml`,
  ]),
];

before(() => {
  writeLiveBlog(fixture, 41, {
    update: (n) => (n % 10 === 0 ? { key: true, title: `Key moment ${n}` } : {}),
  });
  fixture.article(
    "a-calm-day-in-manila",
    articleSource(
      { title: '"A calm day in Manila"', date: "2025-12-30T09:00:00+08:00", tags: "[Philippines]" },
      "Nothing moved.",
    ),
  );
});

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("live blogs in incremental builds", () => {
  it("from nothing: every update read once", () => {
    const first = build(site);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /live: 41 updates \(41 parsed\)/);
  });

  it("nothing changed: nothing parsed, nothing rendered", () => {
    const { run, changed } = buildAndCompare();
    assert.match(run.stdout, /\(\d+ pages: 0 rendered/);
    assert.match(run.stdout, /live: 41 updates \(0 parsed\)/);
    assert.deepEqual(changed, []);
  });

  it("a new update: the first page, the JSON, its block's page, the feeds, sitemaps and search part", () => {
    writeUpdate(fixture, updateName(42), updateSource(42));
    const { run, changed } = buildAndCompare();
    assert.match(run.stdout, /live: 42 updates \(1 parsed\)/);
    assert.deepEqual(
      pages(changed),
      [
        `${BLOG}index.html`,
        `${BLOG}live.json`,
        `${BLOG}updates/3/index.html`,
        `${BLOG}updates/index.json`,
        ...DATED,
      ].sort(),
    );
    assert.ok(searched(changed), "the search part holding the blog is indexed again");
  });

  it("an update that opens a new block: that block's page, and the last block gains its link", () => {
    for (let n = 43; n <= 61; n++) writeUpdate(fixture, updateName(n), updateSource(n));
    const { run, changed } = buildAndCompare();
    assert.match(run.stdout, /live: 61 updates \(19 parsed\)/);
    assert.deepEqual(
      pages(changed),
      [
        `${BLOG}index.html`,
        `${BLOG}live.json`,
        `${BLOG}updates/3/index.html`,
        `${BLOG}updates/4/index.html`,
        `${BLOG}updates/index.json`,
        ...DATED,
      ].sort(),
    );
  });

  it("an old update edited: its own page and the search part; the first page does not show it", () => {
    writeUpdate(fixture, updateName(5), updateSource(5, { body: "Corrected figures from Davao." }));
    const { run, changed } = buildAndCompare();
    assert.match(run.stdout, /live: 61 updates \(1 parsed\)/);
    assert.deepEqual(pages(changed), [`${BLOG}updates/1/index.html`]);
    assert.ok(searched(changed));
  });

  it("an old key event retitled: its page and the first page's list of key events", () => {
    writeUpdate(
      fixture,
      updateName(10),
      updateSource(10, { key: true, title: "The first aftershock" }),
    );
    const { changed } = buildAndCompare();
    assert.deepEqual(pages(changed), [`${BLOG}index.html`, `${BLOG}updates/1/index.html`]);
  });

  it("an old update pinned, then unpinned: the first page each time", () => {
    writeUpdate(fixture, updateName(2), updateSource(2, { pinned: true, title: "Hotlines" }));
    const pinned = buildAndCompare();
    assert.deepEqual(pages(pinned.changed), [`${BLOG}index.html`, `${BLOG}updates/1/index.html`]);
    writeUpdate(fixture, updateName(2), updateSource(2, { title: "Hotlines" }));
    const unpinned = buildAndCompare();
    assert.deepEqual(pages(unpinned.changed), [`${BLOG}index.html`]);
  });

  it("the newest update deleted: the pages that showed it, and the dates go back", () => {
    removeUpdate(fixture, updateName(61));
    const { run, changed } = buildAndCompare();
    assert.match(run.stdout, /live: 60 updates \(0 parsed\)/);
    assert.deepEqual(
      pages(changed),
      [
        `${BLOG}index.html`,
        `${BLOG}live.json`,
        `${BLOG}updates/3/index.html`,
        `${BLOG}updates/4/index.html`,
        `${BLOG}updates/index.json`,
        ...DATED,
      ].sort(),
    );
  });

  it("an embargoed update waits, then appears when the build's now passes its time", () => {
    writeUpdate(fixture, "at-dawn", updateSource(0, { time: "2026-01-01T06:00:00+08:00" }));
    const held = buildAndCompare();
    assert.deepEqual(pages(held.changed), [], "nothing shows it yet");
    now = "2026-01-01T12:00:00+08:00";
    const released = buildAndCompare();
    assert.ok(released.changed.includes(`${BLOG}index.html`));
    assert.ok(released.changed.includes(`${BLOG}live.json`));
    assert.ok(released.changed.includes(`${BLOG}updates/4/index.html`));
  });

  it("a draft update stays out until it is published", () => {
    writeUpdate(fixture, "checking", updateSource(0, { time: now, draft: true }));
    const held = buildAndCompare();
    assert.deepEqual(pages(held.changed), []);
    writeUpdate(fixture, "checking", updateSource(0, { time: now }));
    const published = buildAndCompare();
    assert.ok(published.changed.includes(`${BLOG}live.json`));
  });

  it("an update with an earlier time, published: the updates after it move on, the index says where", () => {
    // (A draft staying out is the test above; this one is published as it appears.)
    const index = () =>
      (
        JSON.parse(readFileSync(path.join(site, "_site", BLOG, "updates/index.json"), "utf8")) as {
          blocks: Record<string, number>;
        }
      ).blocks;
    assert.equal(index()[updateName(20)], 1);
    writeUpdate(fixture, "early-report", updateSource(0, { time: minutesAfterStart(0) }));
    const published = buildAndCompare();
    assert.ok(published.changed.includes(`${BLOG}updates/index.json`));
    assert.equal(index()["early-report"], 1);
    assert.equal(index()[updateName(20)], 2, "update 20's old link is sent on to page 2");
  });

  it("the coverage ended: the first page, the JSON and every card of the blog; no page of updates", () => {
    fixture.article(LIVE_SLUG, articleSourceWith({ ended: "2026-01-01T11:30:00+08:00" }));
    const { changed } = buildAndCompare();
    const shown = pages(changed);
    assert.ok(shown.includes(`${BLOG}index.html`));
    assert.ok(shown.includes(`${BLOG}live.json`));
    assert.ok(shown.includes("index.html") && shown.includes("asia/index.html"), "cards say ended");
    assert.deepEqual(
      shown.filter((file) => file.startsWith(`${BLOG}updates/`)),
      [],
      "no page of updates shows whether the blog is live",
    );
  });

  it("an update put into an empty live/ folder of a story that is not live is reported, not missed", () => {
    const folder = path.join(site, "content/articles/a-calm-day-in-manila/live");
    mkdirSync(folder, { recursive: true });
    const quiet = buildAndCompare();
    assert.deepEqual(pages(quiet.changed), []);
    // Only live/ changes now: the story's own folder keeps its fingerprint.
    writeUpdate(fixture, "stray", updateSource(1), "a-calm-day-in-manila");
    const run = build(site);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /a-calm-day-in-manila\/live\/stray\.md/);
    assert.match(run.stderr, /not a live blog/);
    rmSync(folder, { recursive: true, force: true });
    buildAndCompare();
  });
});

function articleSourceWith(extra: Record<string, string>): string {
  return articleSource(liveFields(extra), LIVE_SUMMARY);
}
