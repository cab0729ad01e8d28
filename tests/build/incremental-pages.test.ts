/**
 * The incremental build's promise for standing pages: adding, editing, deleting a page, changing
 * the footer's set or order, stating a policy and replacing a page's photo each re-render exactly
 * the pages that show it, and the output is byte-identical to a cold build of the same content
 * (built in a fresh copy; every other cold build renders on two worker processes). Editing a
 * page's body re-renders that page and its search part only; changing the footer re-renders
 * every HTML page and nothing else.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, SEED_SLUG } from "../helpers/fixture-site.ts";
import { pageSource, writePage, writePageFile } from "../helpers/pages.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";
import { photo } from "../media/fixtures.ts";

const fixture = createFixtureSite({ seed: true });
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-cold-pages-"));
const cold = path.join(scratch, "cold");

let comparisons = 0;

interface Outcome {
  /** Files whose bytes changed (written or removed), the search index's aside. */
  readonly changed: string[];
  /** Whether any search-index file changed, and which parts. */
  readonly search: string[];
  /** Pages rendered, from the build's summary line. */
  readonly rendered: number;
  readonly summary: string;
}

/** Builds the fixture incrementally, then a fresh copy cold, and compares them. */
function buildAndCompare(): Outcome {
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
  assertUntouched(before, after);
  const changed = [...new Set([...before.keys(), ...after.keys()])]
    .filter((file) => before.get(file)?.hash !== after.get(file)?.hash)
    .sort();
  const summary = incremental.stdout.trim();
  const rendered = Number(/pages: ([\d,]+) rendered/.exec(summary)?.[1]?.replace(/,/g, "") ?? NaN);
  return {
    changed: changed.filter((file) => !file.startsWith("pagefind/")),
    search: [
      ...new Set(
        changed
          .filter((file) => file.startsWith("pagefind/"))
          .map((file) => file.split("/")[1] ?? ""),
      ),
    ].sort(),
    rendered,
    summary,
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

/** Every HTML page the build renders (the editors' web UI is made apart, and has no footer). */
function htmlPages(): string[] {
  return [...snapshot(site).keys()].filter(
    (file) => file.endsWith(".html") && !file.startsWith("admin/"),
  );
}

function footerOf(file: string): string[] {
  const $ = load(readFileSync(path.join(site, "_site", file), "utf8"));
  return $(".footer-nav a")
    .toArray()
    .map((link) => $(link).text());
}

function publisherOf(file: string): Record<string, unknown> {
  const $ = load(readFileSync(path.join(site, "_site", file), "utf8"));
  const graph = JSON.parse($('script[type="application/ld+json"]').text()) as {
    "@graph": Record<string, unknown>[];
  };
  const node = graph["@graph"].find((item) => item["@type"] === "NewsMediaOrganization");
  assert.ok(node, file);
  return node;
}

const ABOUT = (body: string) => pageSource({ title: "About us", footer: "true", order: "1" }, body);

before(async () => {
  writePage(site, "about", ABOUT("We are a newsroom."));
  writePage(
    site,
    "corrections-policy",
    pageSource(
      { title: "Corrections policy", policy: "corrections", footer: "true", order: "2" },
      "We correct mistakes.\n\n![Our desk](desk.jpg)",
    ),
  );
  writePageFile(site, "corrections-policy", "desk.jpg", await photo(800, 600, 11));
  fixture.article(
    "rates-held",
    articleSource(
      { title: '"Rates held"', date: "2025-12-20T08:00:00+08:00", section: "business" },
      "The bank held rates.",
    ),
  );
});

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("an incremental build with standing pages equals a cold build", () => {
  it("from nothing", () => {
    const { changed, search } = buildAndCompare();
    for (const file of ["about/index.html", "corrections-policy/index.html", "index.html"]) {
      assert.ok(changed.includes(file), `${file} is built`);
    }
    assert.ok(search.includes("pages"), search.join());
    assert.deepEqual(footerOf("index.html"), ["About us", "Corrections policy", "Corrections"]);
  });

  it("when nothing changed: nothing is rendered", () => {
    const { changed, rendered } = buildAndCompare();
    assert.deepEqual(changed, []);
    assert.equal(rendered, 0);
  });

  it("when a page is added outside the footer: that page, the sitemap's pages file and the pages' search part", () => {
    writePage(site, "privacy", pageSource({ title: "Privacy" }, "We keep no cookies."));
    const { changed, search, rendered } = buildAndCompare();
    assert.deepEqual(changed, ["privacy/index.html", "sitemaps/pages.xml"]);
    assert.deepEqual(search, ["pages"]);
    assert.equal(rendered, 2);
  });

  it("when a footer page's body is edited: that page and its search part only", () => {
    writePage(site, "about", ABOUT("We are an independent newsroom."));
    const { changed, search, rendered, summary } = buildAndCompare();
    assert.deepEqual(changed, ["about/index.html"]);
    assert.deepEqual(search, ["pages"]);
    assert.equal(rendered, 1, summary);
    assert.doesNotMatch(summary, /why:/);
  });

  it("when a page is added to the footer: every HTML page, and no feed or article sitemap", () => {
    writePage(
      site,
      "contact",
      pageSource({ title: "Contact us", footer: "true", order: "3" }, "Write to us."),
    );
    const { changed, rendered, summary } = buildAndCompare();
    const html = htmlPages();
    assert.deepEqual(
      html.filter((file) => !changed.includes(file)),
      [],
      "every HTML page shows the new link",
    );
    assert.deepEqual(
      changed.filter((file) => !file.endsWith(".html")),
      ["sitemaps/pages.xml"],
    );
    assert.equal(rendered, html.length + 1, summary);
    assert.match(summary, /why: footer links changed/);
    assert.deepEqual(footerOf(`asia/${SEED_SLUG}/index.html`), [
      "About us",
      "Corrections policy",
      "Contact us",
      "Corrections",
    ]);
  });

  it("when the footer's order changes: every HTML page", () => {
    writePage(
      site,
      "contact",
      pageSource({ title: "Contact us", footer: "true", order: "0" }, "Write to us."),
    );
    const { changed, summary } = buildAndCompare();
    assert.deepEqual(
      htmlPages().filter((file) => !changed.includes(file)),
      [],
    );
    assert.match(summary, /why: footer links changed/);
    assert.deepEqual(footerOf("archive/index.html"), [
      "Contact us",
      "About us",
      "Corrections policy",
      "Corrections",
    ]);
  });

  it("when a policy is stated on a page outside the footer: the home page and the standing pages, never the archive", () => {
    writePage(
      site,
      "privacy",
      pageSource({ title: "Privacy", policy: "publishing-principles" }, "We keep no cookies."),
    );
    const { changed, search } = buildAndCompare();
    assert.deepEqual(changed, [
      "about/index.html",
      "contact/index.html",
      "corrections-policy/index.html",
      "index.html",
      "privacy/index.html",
    ]);
    assert.deepEqual(search, ["pages"], "a policy page is labelled so in search");
    assert.equal(
      publisherOf("index.html").publishingPrinciples,
      "https://www.broadsheet.example/privacy/",
    );
    assert.equal(
      publisherOf(`asia/${SEED_SLUG}/index.html`).publishingPrinciples,
      undefined,
      "articles carry the small publisher node",
    );
  });

  it("when a page's photo is replaced: the photo's files and that page only", async () => {
    writePageFile(site, "corrections-policy", "desk.jpg", await photo(800, 600, 12));
    const { changed, search } = buildAndCompare();
    assert.deepEqual(
      changed.filter((file) => !file.startsWith("media/")),
      ["corrections-policy/index.html"],
    );
    assert.ok(
      changed.some((file) => /^media\/desk-[0-9a-f]+-400\.avif$/.test(file)),
      changed.join(),
    );
    assert.deepEqual(search, [], "search holds the page's words, not its photo");
  });

  it("when a footer page is removed: every HTML page, and the page is gone", () => {
    rmSync(path.join(site, "content/pages/contact"), { recursive: true });
    const { changed, summary } = buildAndCompare();
    assert.ok(changed.includes("contact/index.html"), "removed");
    assert.ok(!snapshot(site).has("contact/index.html"));
    assert.deepEqual(
      htmlPages().filter((file) => !changed.includes(file)),
      [],
    );
    assert.match(summary, /why: footer links changed/);
  });

  it("when a page outside the footer is deleted: it leaves the site, the sitemap, the publisher and search", () => {
    rmSync(path.join(site, "content/pages/privacy"), { recursive: true });
    const { changed, search } = buildAndCompare();
    assert.deepEqual(changed, [
      "about/index.html",
      "corrections-policy/index.html",
      "index.html",
      "privacy/index.html",
      "sitemaps/pages.xml",
    ]);
    assert.deepEqual(search, ["pages"]);
    assert.ok(![...snapshot(site).keys()].some((file) => file.startsWith("privacy/")));
    assert.equal(publisherOf("index.html").publishingPrinciples, undefined);
  });

  it("when every page is deleted: the pages' part and the footer's links go", () => {
    rmSync(path.join(site, "content/pages"), { recursive: true });
    const { changed, search } = buildAndCompare();
    assert.ok(changed.includes("about/index.html"));
    assert.deepEqual(search, ["pages"]);
    assert.ok(![...snapshot(site).keys()].some((file) => file.startsWith("pagefind/pages/")));
    assert.deepEqual(footerOf("index.html"), ["Corrections"]);
    assert.ok(
      !changed.some((file) => file.startsWith("media/") && !file.startsWith("media/desk-")),
      "only the pages' photos leave /media/",
    );
  });
});
