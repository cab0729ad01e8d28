/** `npm run new`, run as an editor runs it: a subprocess in a fixture project. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { renderBody } from "../../scripts/content/markdown.ts";
import { runBuild } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { articleEntries, readArticle, runCli, splitArticle } from "./support.ts";

const SLUG = "kim-and-moon-meet-at-the-border";

describe("npm run new", () => {
  let site: FixtureSite;
  before(() => {
    site = createFixtureSite();
  });
  after(() => site.remove());

  it("starts a valid article: headline, now in the site's zone, section, a template of every optional field", () => {
    const started = DateTime.now();
    const run = runCli("new", site.root, ["--section", "asia", "Kim and Moon meet at the border"], {
      BROADSHEET_NOW: undefined,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Created content/articles/${SLUG}/index\\.md`));
    assert.match(run.stdout, new RegExp(`http://localhost:8080/asia/${SLUG}/\\n`));

    const text = readArticle(site.root, SLUG);
    const { frontMatter, body } = splitArticle(text);
    const fields = parse(frontMatter, { schema: "core" });
    assert.deepEqual(Object.keys(fields), ["title", "date", "section", "draft"]);
    assert.equal(fields.draft, true, "a new article is a draft");
    assert.equal(fields.title, "Kim and Moon meet at the border");
    assert.equal(fields.section, "asia");
    assert.match(fields.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/, "no milliseconds");
    const date = DateTime.fromISO(fields.date);
    assert.ok(date >= started.startOf("second") && date <= DateTime.now(), "the current time");
    for (const example of [
      "# description:",
      "# updated:",
      "# tags:",
      "# dateline:",
      "# sources:",
      "# authors:",
      "# image:",
      "#   src: photo.jpg",
      "#   alt:",
      "#   focus:",
      "# video:",
      '#   id: "1234567890001"',
      "#   thumbnail:",
    ]) {
      assert.ok(text.includes(`\n${example}`), `the template shows ${example}`);
    }
    assert.equal(body, "Write the story here.\n");
  });

  it("shows the body's syntax, and each example, written in a body, is the block it says", () => {
    const { frontMatter } = splitArticle(readArticle(site.root, SLUG));
    const lines = frontMatter.split("\n");
    const start = lines.findIndex((line) => line.includes("below the closing --- line"));
    assert.ok(start > 0, "the template says how to write the text");
    const examples = lines
      .slice(start)
      .filter((line) => line.startsWith("#   "))
      .map((line) => line.slice(4));
    // Examples written as a body: each photo or URL, and each ::: block, set apart by blank lines.
    const body = examples
      .join("\n")
      .replace(/\n(?=!\[|https:|::: )/g, "\n\n")
      .replace(/:::\n/g, ":::\n\n");
    const rendered = renderBody(body);
    assert.deepEqual(rendered.issues, []);
    assert.deepEqual(
      rendered.blocks.map((block) => block.kind),
      ["photo", "gallery", "pullquote", "embed"],
      body,
    );
  });

  it("says it is a draft and how to publish it", () => {
    const run = runCli("new", site.root, ["--section", "asia", "--slug", "said", "Said"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /It is a draft \(draft: true\): npm start shows it, but builds leave it out/,
    );
    assert.match(
      run.stdout,
      /To publish: in content\/articles\/said\/index\.md, change draft: true to draft: false \(or delete that line\), then run npm run build\./,
    );
  });

  it("is left out by the next build, which names it, refused undrafted with its placeholder, and published once written", () => {
    const built = runBuild(site.root, { BROADSHEET_NOW: undefined });
    assert.equal(built.status, 0, built.stderr + built.stdout);
    assert.equal(existsSync(path.join(site.root, "_site/asia", SLUG, "index.html")), false);
    assert.match(
      built.stdout,
      new RegExp(`content/articles/${SLUG}/index\\.md "Kim and Moon meet`),
    );
    const file = path.join(site.root, "content/articles", SLUG, "index.md");
    const undrafted = readFileSync(file, "utf8").replace(/^draft: true\n/m, "");
    writeFileSync(file, undrafted);
    const refused = runBuild(site.root, { BROADSHEET_NOW: undefined });
    assert.equal(refused.status, 1, refused.stdout);
    assert.match(
      refused.stderr,
      new RegExp(
        `content/articles/${SLUG}/index\\.md:\\d+\\n.*still holds npm run new's placeholder line[\\s\\S]*Fix: Replace that line with the story`,
      ),
    );
    writeFileSync(file, undrafted.replace("Write the story here.", "The two leaders met at noon."));
    const published = runBuild(site.root, { BROADSHEET_NOW: undefined });
    assert.equal(published.status, 0, published.stderr + published.stdout);
    const $ = load(readFileSync(path.join(site.root, "_site/asia", SLUG, "index.html"), "utf8"));
    assert.equal($("h1").text(), "Kim and Moon meet at the border");
    assert.equal($(".story-body > p").text(), "The two leaders met at noon.");
  });

  it("dates the article in the site's time zone, and shows the preview under PATH_PREFIX", () => {
    const run = runCli("new", site.root, ["--section", "world", "--slug", "zoned", "Zoned"], {
      BROADSHEET_NOW: "2024-01-01T00:00:00Z",
      PATH_PREFIX: "/news/",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(readArticle(site.root, "zoned"), /^date: 2024-01-01T08:00:00\+08:00$/m);
    assert.match(run.stdout, /http:\/\/localhost:8080\/news\/world\/zoned\//);
  });

  it("refuses an unknown section, a missing headline and a bad slug, writing nothing", () => {
    const entries = articleEntries(site.root);
    for (const [args, message] of [
      [["--section", "sports", "Headline"], /"sports" is not a section[\s\S]*singapore, asia/],
      [["--section", "asia"], /No headline was given/],
      [["Headline"], /No section was given/],
      [["--section", "asia", "--slug", "Bad Slug", "Headline"], /not a valid slug/],
      // Misuse, in an editor's words rather than Node's.
      [
        ["--sectoin", "asia", "Headline"],
        /There is no option --sectoin[\s\S]*Did you mean --section\?/,
      ],
      [
        ["--section", "asia", "-5C cold snap hits Seoul"],
        /"-5C cold snap hits Seoul" starts with a hyphen[\s\S]*-- "-5C cold snap hits Seoul"/,
      ],
      [["Headline", "--section"], /--section needs a value after it/],
    ] as const) {
      const run = runCli("new", site.root, args);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stderr, /✖/);
      assert.match(run.stderr, message);
      assert.deepEqual(articleEntries(site.root), entries);
    }
  });

  it("refuses a BROADSHEET_NOW it cannot read, in the one issue format", () => {
    const entries = articleEntries(site.root);
    const run = runCli("new", site.root, ["--section", "asia", "Headline"], {
      BROADSHEET_NOW: "yesterday",
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /✖ BROADSHEET_NOW \(environment variable\) \[BROADSHEET_NOW\]/);
    assert.deepEqual(articleEntries(site.root), entries);
  });

  it("never overwrites an existing article without --force", () => {
    const before = readArticle(site.root, SLUG);
    const run = runCli("new", site.root, ["--section", "world", "Kim and Moon meet at the border"]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /already exists[\s\S]*--force/);
    assert.equal(readArticle(site.root, SLUG), before);

    const forced = runCli("new", site.root, [
      "--section",
      "world",
      "--force",
      "Kim and Moon meet at the border",
    ]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readArticle(site.root, SLUG), /^section: world$/m);
    assert.ok(!existsSync(path.join(site.root, "content/articles", `${SLUG}-1`)));
    assert.ok(articleEntries(site.root).every((entry) => !entry.startsWith(".")));
  });
});
