/**
 * The incremental build's promise for editorial standards: editing a profile, replacing its
 * photo, adding or deleting one, changing an article's kind or adding a correction re-renders
 * exactly the pages that show it, and the output is byte-identical to a cold build of the same
 * content (built in a fresh copy; every other cold build renders on two worker processes).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";
import { writeAuthorFile, writeProfile } from "../helpers/profiles.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";
import { photo } from "../media/fixtures.ts";

const fixture = createFixtureSite({ seed: true });
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-cold-authors-"));
const cold = path.join(scratch, "cold");

let comparisons = 0;

/**
 * Builds the fixture incrementally, then a fresh copy cold, and compares them; returns the
 * files whose bytes changed (written or removed), without the search index's (checked apart).
 */
function buildAndCompare(): { changed: string[]; search: boolean } {
  const before = snapshot(site);
  const incremental = runBuild(site);
  assert.equal(incremental.status, 0, incremental.stderr);
  copyProject(site, cold);
  const workers: Record<string, string> =
    comparisons++ % 2 === 0 ? { BROADSHEET_WORKERS: "2", BROADSHEET_BATCH_SIZE: "25" } : {};
  const fresh = runBuild(cold, workers);
  assert.equal(fresh.status, 0, fresh.stderr);
  const after = snapshot(site);
  assert.deepEqual(differences(after, snapshot(cold)), [], "incremental output equals cold output");
  const changed = [...new Set([...before.keys(), ...after.keys()])]
    .filter((file) => before.get(file)?.hash !== after.get(file)?.hash)
    .sort();
  assertUntouched(before, after);
  return {
    changed: changed.filter((file) => !file.startsWith("pagefind/")),
    search: changed.some((file) => file.startsWith("pagefind/")),
  };
}

/** Files whose bytes did not change keep their modification time. */
function assertUntouched(before: Map<string, SiteFile>, after: Map<string, SiteFile>) {
  const touched = [...after].filter(([file, now]) => {
    const then = before.get(file);
    return then && then.hash === now.hash && then.mtimeMs !== now.mtimeMs;
  });
  assert.deepEqual(
    touched.map(([file]) => file),
    [],
    "unchanged files keep their mtime",
  );
}

const TAN = (role: string, name = "Tan Hui Yee") =>
  `name: ${name}\nrole: ${role}\nbio: Reports from Jakarta.\nphoto: tan.jpg\nlinks: [https://x.com/tan]\n`;

const story = (slug: string, fields: Record<string, string>) =>
  fixture.article(
    slug,
    articleSource({ section: "business", tags: "[Economy]", ...fields }, `${slug}.`),
  );

before(async () => {
  writeProfile(site, "tan-hui-yee", TAN("Indonesia Bureau Chief"));
  writeAuthorFile(site, "tan.jpg", await photo(480, 640, 3));
  writeProfile(site, "ali-hassan", "name: Ali Hassan\nrole: Correspondent\n");
  story("solo", { title: '"Solo"', date: "2025-12-10T08:00:00+08:00", authors: "[tan-hui-yee]" });
  story("pair", {
    title: '"Pair"',
    date: "2025-12-12T08:00:00+08:00",
    authors: "[tan-hui-yee, Ali Hassan]",
  });
  story("guest", {
    title: '"Guest"',
    date: "2025-12-14T08:00:00+08:00",
    section: "world",
    tags: "[Climate]",
    authors: "[Jane Doe]",
  });
  // Recent enough for the News sitemap (within two days of the build's now).
  story("staff", { title: '"Staff"', date: "2025-12-31T08:00:00+08:00" });
});

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("an incremental build with profiles, kinds and corrections equals a cold build", () => {
  it("from nothing", () => {
    const { changed } = buildAndCompare();
    for (const file of [
      "authors/index.html",
      "authors/tan-hui-yee/index.html",
      "corrections/index.html",
    ]) {
      assert.ok(changed.includes(file), `${file} is built`);
    }
  });

  it("when a profile's role is edited: its page, the index and the articles whose bylines show it", () => {
    writeProfile(site, "tan-hui-yee", TAN("Jakarta Correspondent"));
    const { changed, search } = buildAndCompare();
    assert.deepEqual(changed, [
      // The web editor's preview shows each byline's role: it reads them from here.
      "admin/preview.json",
      "authors/index.html",
      "authors/tan-hui-yee/index.html",
      "business/pair/index.html",
      "business/solo/index.html",
    ]);
    assert.equal(search, false, "the index holds names, not roles");
  });

  it("when its photo is replaced: the photo, and the pages that show it (one author's byline, not a pair's)", async () => {
    writeAuthorFile(site, "tan.jpg", await photo(480, 640, 4));
    const { changed } = buildAndCompare();
    const pages = changed.filter((file) => !file.startsWith("media/"));
    assert.deepEqual(pages, [
      "authors/index.html",
      "authors/tan-hui-yee/index.html",
      "business/solo/index.html",
    ]);
    assert.ok(
      changed.some((file) => /^media\/tan-[0-9a-f]+-96\.avif$/.test(file)),
      changed.join(),
    );
  });

  it("when a profile is added for a name bylines print, and another deleted: bylines follow", () => {
    writeProfile(site, "jane-doe", "name: Jane Doe\n");
    rmSync(path.join(site, "content/authors/ali-hassan.yaml"));
    const { changed } = buildAndCompare();
    for (const file of [
      "world/guest/index.html",
      "authors/jane-doe/index.html",
      "authors/jane-doe/feed.xml",
      "archive/authors/jane-doe/2025/12/index.html",
      "authors/index.html",
      "feed.json",
      "world/feed.json",
      "sitemaps/pages.xml",
      "business/pair/index.html",
      "authors/ali-hassan/index.html",
    ]) {
      assert.ok(changed.includes(file), `${file} changes`);
    }
    for (const file of ["business/solo/index.html", "index.html"]) {
      assert.ok(!changed.includes(file), `${file} does not`);
    }
    const after = snapshot(site);
    assert.ok(
      ![...after.keys()].some((file) => file.includes("ali-hassan")),
      "no page of the deleted profile is left",
    );
    const $ = load(readFileSync(path.join(site, "_site/business/pair/index.html"), "utf8"));
    assert.equal($(".byline").text(), "By Tan Hui Yee (Jakarta Correspondent) and Ali Hassan");
    assert.deepEqual(
      $(".byline a")
        .toArray()
        .map((link) => link.attribs.href),
      ["/authors/tan-hui-yee/"],
      "the name without a profile is shown as written",
    );
  });

  it("when a profile's name is edited: every page, feed and archive that prints it", () => {
    writeProfile(site, "tan-hui-yee", TAN("Jakarta Correspondent", "Tan Hui-Yee"));
    const { changed, search } = buildAndCompare();
    for (const file of [
      "business/solo/index.html",
      "business/pair/index.html",
      "authors/tan-hui-yee/index.html",
      "archive/authors/tan-hui-yee/2025/12/index.html",
      "business/feed.xml",
      "feed.xml",
      "authors/index.html",
    ]) {
      assert.ok(changed.includes(file), `${file} changes`);
    }
    assert.ok(!changed.includes("world/guest/index.html"), "another author's story does not");
    assert.ok(search, "the search index holds bylines");
  });

  it("when kinds change: every card and row labels it; a sponsored piece leaves related stories and the News sitemap", () => {
    assert.match(
      readFileSync(path.join(site, "_site/news-sitemap.xml"), "utf8"),
      /business\/staff/,
    );
    story("pair", {
      title: '"Pair"',
      date: "2025-12-12T08:00:00+08:00",
      authors: "[tan-hui-yee, Ali Hassan]",
      kind: "analysis",
    });
    story("staff", { title: '"Staff"', date: "2025-12-31T08:00:00+08:00", kind: "sponsored" });
    story("later", { title: '"Later"', date: "2025-12-31T09:00:00+08:00" });
    const { changed } = buildAndCompare();
    for (const file of [
      "business/pair/index.html",
      "business/index.html",
      "index.html",
      "topics/economy/index.html",
      "archive/2025/12/index.html",
      "archive/business/2025/12/index.html",
      "authors/tan-hui-yee/index.html",
      "business/staff/index.html",
      "feed.xml",
      "news-sitemap.xml",
    ]) {
      assert.ok(changed.includes(file), `${file} changes`);
    }
    assert.ok(!changed.includes("business/solo/index.html"), "an older story's page does not");
    const later = load(readFileSync(path.join(site, "_site/business/later/index.html"), "utf8"));
    const related = later(".related a")
      .toArray()
      .map((link) => link.attribs.href);
    assert.ok(related.includes("/business/pair/"), related.join());
    assert.ok(!related.includes("/business/staff/"), "a sponsored piece is not offered as related");
    const news = readFileSync(path.join(site, "_site/news-sitemap.xml"), "utf8");
    assert.match(news, /business\/later/);
    assert.doesNotMatch(news, /business\/staff/);
  });

  it("when a correction is added: the article, the corrections pages and feeds, and the times that date it", () => {
    story("solo", {
      title: '"Solo"',
      date: "2025-12-10T08:00:00+08:00",
      authors: "[tan-hui-yee]",
      corrections: "\n  - date: 2025-12-30T08:00:00+08:00\n    text: A figure was wrong.",
    });
    const { changed, search } = buildAndCompare();
    assert.deepEqual(changed, [
      "archive/corrections/2025/12/index.html",
      "archive/corrections/index.html",
      "authors/tan-hui-yee/feed.json",
      "authors/tan-hui-yee/feed.xml",
      "authors/tan-hui-yee/rss.xml",
      "business/feed.json",
      "business/feed.xml",
      "business/rss.xml",
      "business/solo/index.html",
      "corrections/feed.json",
      "corrections/feed.xml",
      "corrections/index.html",
      "corrections/rss.xml",
      "feed.json",
      "feed.xml",
      "rss.xml",
      // The index's date for those files is a later story's, so the index stays as it was.
      "sitemaps/articles-2025-12.xml",
      "sitemaps/pages.xml",
    ]);
    // The part is indexed again (its record changed) into the same bytes: the index holds the
    // story's words, not its corrections.
    assert.equal(search, false);
  });
});
