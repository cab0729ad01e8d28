/**
 * The editors' tools and the editorial fields: `npm run import --author --kind` checks them as
 * the build would, and `npm run new`'s template shows kind and corrections in a form that is
 * valid once uncommented.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { frontMatter } from "../../scripts/cli/wire/front-matter.ts";
import { loadArticle } from "../../scripts/content/load-article.ts";
import { loadSite } from "../../scripts/content/load-site.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { articleEntries, FIXTURES, readArticle, runCli, splitArticle } from "./support.ts";

const WIRE = path.join(FIXTURES, "zurich.txt");
const DATE = ["--section", "world", "--date", "2024-03-01T09:30:00+08:00"];

describe("npm run import --author --kind", () => {
  let site: FixtureSite;
  before(() => {
    site = createFixtureSite();
    mkdirSync(path.join(site.root, "content/authors"), { recursive: true });
    writeFileSync(
      path.join(site.root, "content/authors/tan-hui-yee.yaml"),
      "name: Tan Hui Yee\nrole: Indonesia Bureau Chief\n",
    );
  });
  after(() => site.remove());

  it("writes the authors (profile slugs or names) and the kind, in the contract's order", () => {
    const run = runCli("import", site.root, [
      WIRE,
      ...DATE,
      "--slug",
      "signed",
      "--author",
      "tan-hui-yee",
      "--author",
      "Jane Doe, Jr.",
      "--kind",
      "analysis",
    ]);
    assert.equal(run.status, 0, run.stderr);
    const { frontMatter: yaml } = splitArticle(readArticle(site.root, "signed"));
    const fields = parse(yaml, { schema: "core" });
    assert.deepEqual(fields.authors, ["tan-hui-yee", "Jane Doe, Jr."]);
    assert.equal(fields.kind, "analysis");
    const keys = Object.keys(fields);
    assert.ok(keys.indexOf("authors") < keys.indexOf("kind"), keys.join(", "));
  });

  it("refuses an unknown kind, a slug that is no profile and an unsigned opinion, writing nothing", () => {
    const entries = articleEntries(site.root);
    for (const [args, message] of [
      [
        ["--kind", "opinon", "--author", "Jane Doe"],
        /"opinon" is not a kind of article \(did you mean "opinion"\?\)/,
      ],
      [
        ["--author", "tan-hui-ye"],
        /no content\/authors\/tan-hui-ye\.yaml[\s\S]*Did you mean --author tan-hui-yee\?/,
      ],
      [["--kind", "opinion"], /\[--author\][\s\S]*opinion piece must be signed/],
      [
        ["--author", "Tan Hui Ye"],
        /"Tan Hui Ye" matches no author profile, but it is a typing slip away from the profile "Tan Hui Yee"[\s\S]*give --author "Tan Hui Yee" \(or --author tan-hui-yee\)\. If this is a different person, give --author "\{name: Tan Hui Ye\}"/,
      ],
    ] as const) {
      const run = runCli("import", site.root, [WIRE, ...DATE, "--slug", "refused", ...args]);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stderr, message);
      assert.deepEqual(articleEntries(site.root), entries);
    }
  });
});

describe("npm run import --author {name: ...}", () => {
  it("writes a name that must never link to a profile as {name: ...}, which the build shows as written", () => {
    const site = createFixtureSite();
    try {
      mkdirSync(path.join(site.root, "content/authors"), { recursive: true });
      writeFileSync(
        path.join(site.root, "content/authors/tan-hui-yee.yaml"),
        "name: Tan Hui Yee\n",
      );
      const run = runCli("import", site.root, [
        WIRE,
        ...DATE,
        "--slug",
        "namesake",
        "--author",
        "{name: Tan Hui Yi}",
      ]);
      assert.equal(run.status, 0, run.stderr);
      const text = readArticle(site.root, "namesake");
      assert.match(text, /^authors: \[\{name: Tan Hui Yi\}\]$/m);
      const { frontMatter: yaml } = splitArticle(text);
      assert.deepEqual(parse(yaml, { schema: "core" }).authors, [{ name: "Tan Hui Yi" }]);
    } finally {
      site.remove();
    }
  });
});

describe("npm run new's template", () => {
  it("shows kind with its choices and a correction, valid once uncommented", () => {
    const date = DateTime.fromISO("2024-03-01T09:30:00+08:00", { setZone: true });
    const template = frontMatter({ title: "A story", date, section: "asia" }, { template: true });
    assert.match(
      template,
      /^# kind: analysis {3}# news, analysis, opinion, review, explainer, obituary, sponsored/m,
    );
    assert.match(
      template,
      /^# corrections:\n# {3}- date: 2024-03-01T09:30:00\+08:00\n# {5}text: /m,
    );
    // An editor deletes the # of the byline, the kind and the correction (with its lines).
    let inCorrections = false;
    const used = template
      .split("\n")
      .map((line) => {
        inCorrections = line === "# corrections:" || (inCorrections && line.startsWith("#   "));
        return /^# (authors|kind):/.test(line) || inCorrections ? line.slice(2) : line;
      })
      .join("\n");
    const site = createFixtureSite();
    try {
      const folder = path.join(site.root, "content/articles/a-story");
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "index.md"), `${used}\nText.\n`);
      const loaded = loadSite({
        root: site.root,
        now: date,
        includeDrafts: false,
        includeFuture: false,
      });
      assert.ok(loaded.ok);
      const article = loadArticle(folder, "content/articles/a-story/index.md", loaded.value);
      assert.ok(article.ok, JSON.stringify(article));
      assert.equal(article.value.kind, "analysis");
      assert.deepEqual(article.value.authors, ["Jane Tan"]);
      assert.equal(article.value.corrections[0]?.type, "correction");
    } finally {
      site.remove();
    }
  });
});
