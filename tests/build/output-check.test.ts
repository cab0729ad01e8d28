/**
 * The output check knows URLs from text: it looks for `javascript:` only where a browser would
 * follow a URL, so a headline or a tag that merely starts with "JavaScript:" builds, shown as the
 * text it is. A page that really does carry a `javascript:` URL (here a template changed to put
 * each tag in its link) still stops the build, and the error names the article, its field and
 * its page, not only the built file.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { load } from "cheerio";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { copyRepo, type RepoCopy } from "../helpers/repo-copy.ts";
import { build, SITE_YAML } from "../helpers/transaction-site.ts";

const cleanups: (() => void)[] = [];
after(() => {
  for (const cleanup of cleanups) cleanup();
});

function fixture(): FixtureSite {
  const site = createFixtureSite();
  cleanups.push(site.remove);
  site.siteConfig(SITE_YAML);
  site.article(
    "javascript-at-thirty",
    articleSource(
      {
        title: '"JavaScript: the language that ate the web"',
        description: '"javascript:void(0) was once in every link."',
        date: "2025-12-01T09:00:00+08:00",
        section: "news",
        tags: '["javascript:alert(1)", Programming]',
      },
      "JavaScript turned thirty this month.",
    ),
  );
  return site;
}

describe("the output check", () => {
  it("builds a headline and a tag that start with javascript: as text", () => {
    const site = fixture();
    const run = build(site.root);
    assert.equal(run.status, 0, run.stderr);
    const $ = load(
      readFileSync(path.join(site.root, "_site/news/javascript-at-thirty/index.html"), "utf8"),
    );
    assert.equal($("h1").text(), "JavaScript: the language that ate the web");
    assert.equal(
      $('meta[property="og:title"]').attr("content"),
      "JavaScript: the language that ate the web",
    );
    assert.deepEqual(
      $(".tags a")
        .toArray()
        .map((element) => $(element).text()),
      ["javascript:alert(1)", "Programming"],
    );
    assert.equal($('a[href^="javascript"]').length, 0, "the tag's link is its topic page");
  });

  it("fails on a javascript: URL a template really writes, naming the article, the field and the page", () => {
    const site = fixture();
    const code: RepoCopy = copyRepo();
    cleanups.push(code.remove);
    const tags = path.join(code.root, "layouts/components/Tags.tsx");
    writeFileSync(
      tags,
      readFileSync(tags, "utf8").replace(
        "<a href={href(site, topicPath(tag))}>",
        '<a href={tag.startsWith("javascript:") ? tag : href(site, topicPath(tag))}>',
      ),
    );
    const result = runBuild(site.root, { BROADSHEET_WORKERS: "1" }, code.root);
    assert.equal(result.status, 1, result.stdout);
    assert.match(
      result.stderr,
      /content\/articles\/javascript-at-thirty\/index\.md \[tags\]\s+On its page _site\/news\/javascript-at-thirty\/index\.html: <a> has a javascript: URL in href/,
    );
    assert.match(result.stderr, /Nothing was published/);
  });
});
