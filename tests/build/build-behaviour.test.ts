import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { load } from "cheerio";
import { listFiles } from "../../scripts/site/check-output.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

const fixtures: FixtureSite[] = [];
function fixture(options: { seed?: boolean } = {}): FixtureSite {
  const site = createFixtureSite(options);
  fixtures.push(site);
  return site;
}
after(() => {
  for (const site of fixtures) site.remove();
});

function page(site: FixtureSite, file: string) {
  return load(readFileSync(path.join(site.root, "_site", file), "utf8"));
}

/** Every file of a built site with its bytes, for comparing two builds. */
function snapshot(root: string): Map<string, string> {
  const dir = path.join(root, "_site");
  return new Map(
    listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]),
  );
}

describe("the build", () => {
  it("gives byte-identical output when run twice on the same content", () => {
    const site = fixture({ seed: true });
    assert.equal(runBuild(site.root).status, 0);
    const first = snapshot(site.root);
    assert.equal(runBuild(site.root).status, 0);
    assert.deepEqual(snapshot(site.root), first);
  });

  it("reuses the search index until a story it holds changes, then indexes it again", () => {
    const site = fixture();
    site.article("indexed-story", articleSource({ title: "Indexed story" }, "Before the edit."));
    const first = runBuild(site.root);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /search: 1 part \(1 indexed\)/);
    // A closed year is one part of the index, which the search page names for its script.
    const search = page(site, "search/index.html");
    assert.equal(search("form[data-parts]").attr("data-parts"), "2024");
    assert.ok(existsSync(path.join(site.root, "_site/pagefind/2024/pagefind-entry.json")));
    const second = runBuild(site.root);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /search: 1 part \(0 indexed\)/);
    const before = snapshot(site.root);
    site.article(
      "indexed-story",
      articleSource({ title: "Indexed story" }, "After the edit: zanzibarite."),
    );
    const third = runBuild(site.root);
    assert.equal(third.status, 0, third.stderr);
    assert.match(third.stdout, /search: 1 part \(1 indexed\)/);
    const changed = [...snapshot(site.root)].filter(
      ([file, bytes]) => file.startsWith("pagefind/") && before.get(file) !== bytes,
    );
    assert.ok(changed.length > 0, "the index was rebuilt for the edited page");
  });

  it("builds an article written by the contract with no other change: authors, updated, another offset, non-ASCII", () => {
    const site = fixture();
    site.article(
      "cafe-owners-welcome-rate-cut",
      articleSource(
        {
          title: '"Café owners in Zürich welcome rate cut — 利率"',
          description: "Owners say the cut brings relief after a hard winter.",
          date: "2024-03-01T09:30:00-05:00",
          updated: '"2024-03-02T08:00:00Z"',
          section: "business",
          authors: "[Jane Tan, Ali Hassan]",
          tags: "[Économie, Rates]",
        },
        "Café owners said on Friday that the cut would help.\n\nA second paragraph — with “quotes”.",
      ),
    );
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr);
    const $ = page(site, "business/cafe-owners-welcome-rate-cut/index.html");
    assert.equal($("h1").text(), "Café owners in Zürich welcome rate cut — 利率");
    assert.equal($(".standfirst").text(), "Owners say the cut brings relief after a hard winter.");
    assert.equal($(".byline").text(), "By Jane Tan and Ali Hassan");
    const [published, updated] = $(".story-meta time")
      .toArray()
      .map((element) => $(element));
    // 09:30 in New York (UTC-5) is 22:30 in Singapore.
    assert.equal(published?.attr("datetime"), "2024-03-01T22:30:00+08:00");
    assert.equal(published?.text(), "1 March 2024, 10:30 pm SGT");
    assert.equal(updated?.attr("datetime"), "2024-03-02T16:00:00+08:00");
    assert.match($(".updated").text(), /^Updated 2 March 2024, 4:00 pm SGT$/);
    assert.equal($(".story-body p").length, 2);
    assert.ok(existsSync(path.join(site.root, "_site/topics/economie/index.html")));
  });

  it("shows editors' text as text: markup and template syntax in fields and body are not run", () => {
    const site = fixture();
    site.article(
      "hostile",
      articleSource(
        { title: '"<b>Bold</b> {{ site.name }} {% raw %}"', description: '"</script><!-- x"' },
        "<script>alert(1)</script> {{ 7 * 7 }} {% if true %}yes{% endif %} [click](javascript:alert(1))",
      ),
    );
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(path.join(site.root, "_site/asia/hostile/index.html"), "utf8");
    const $ = load(html);
    assert.equal($("h1").text(), "<b>Bold</b> {{ site.name }} {% raw %}");
    assert.equal($("h1 b").length, 0);
    assert.equal($(".story-body script").length, 0);
    assert.match(
      $(".story-body").text(),
      /<script>alert\(1\)<\/script> \{\{ 7 \* 7 \}\} \{% if true %\}yes\{% endif %\}/,
    );
    assert.equal($('.story-body a[href^="javascript"]').length, 0);
    assert.equal($('meta[name="description"]').attr("content"), "</script><!-- x");
  });

  it("holds back drafts and embargoed articles everywhere, unless asked", () => {
    const site = fixture();
    site.article("published-story", articleSource({ title: "Published story" }));
    site.article("draft-story", articleSource({ title: "Draft story", draft: "true" }));
    site.article(
      "embargoed-story",
      articleSource({ title: "Embargoed story", date: "2030-01-01T00:00:00+08:00" }),
    );
    assert.equal(runBuild(site.root).status, 0);
    const everything = listFiles(path.join(site.root, "_site"))
      .filter((file) => file.endsWith(".html"))
      .map((file) => readFileSync(path.join(site.root, "_site", file), "utf8"))
      .join("\n");
    assert.match(everything, /Published story/);
    assert.doesNotMatch(everything, /Draft story|draft-story|Embargoed story|embargoed-story/);

    assert.equal(runBuild(site.root, { BROADSHEET_FUTURE: "1", BROADSHEET_DRAFTS: "1" }).status, 0);
    assert.ok(existsSync(path.join(site.root, "_site/asia/draft-story/index.html")));
    assert.ok(existsSync(path.join(site.root, "_site/asia/embargoed-story/index.html")));
  });

  it("unpublishes a deleted article: the next build has no trace of it", () => {
    const site = fixture({ seed: true });
    site.article("short-lived", articleSource({ title: "Short-lived story", tags: "[Ephemera]" }));
    assert.equal(runBuild(site.root).status, 0);
    assert.ok(existsSync(path.join(site.root, "_site/asia/short-lived/index.html")));
    rmSync(path.join(site.root, "content/articles/short-lived"), { recursive: true });
    assert.equal(runBuild(site.root).status, 0);
    const files = listFiles(path.join(site.root, "_site"));
    assert.equal(
      files.some((file) => /short-lived|ephemera/.test(file)),
      false,
    );
    const text = files
      .map((file) => readFileSync(path.join(site.root, "_site", file), "latin1"))
      .join("\n");
    assert.doesNotMatch(text, /short-lived|Short-lived story|Ephemera/);
  });

  it("reports every bad article in one run, exits 1, and leaves _site/ byte-for-byte as it was", () => {
    const site = fixture({ seed: true });
    assert.equal(runBuild(site.root).status, 0);
    const before = snapshot(site.root);
    site.article("bad-title", articleSource({ title: "2024" }));
    site.article("bad-section", articleSource({ section: "sports-desk" }));
    site.article("Bad-Slug", articleSource());
    const run = runBuild(site.root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /content\/articles\/bad-title\/index\.md:2:\d+ \[title\]/);
    assert.match(run.stderr, /content\/articles\/bad-section\/index\.md:4:\d+ \[section\]/);
    assert.match(run.stderr, /content\/articles\/Bad-Slug\/index\.md/);
    assert.match(run.stderr, /Fix: /);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace without DEBUG");
    assert.deepEqual(snapshot(site.root), before);
    assert.deepEqual(
      readdirSync(site.root).filter((name) => name.startsWith(".site-")),
      [],
      "no staging folder is left behind",
    );
  });
});
