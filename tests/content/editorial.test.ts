/**
 * Editorial standards in the contract (CONTENT.md: `kind`, `corrections`, "Authors"): each rule
 * refused with the file, the field, the line and the fix. `articleSource` writes `---` on line
 * 1, then title, date, section on lines 2-4, then any other fields in the order given.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import {
  profileIndex,
  repeatedNameIssues,
  unknownAuthorIssues,
} from "../../scripts/content/author-entries.ts";
import type { Checked, ContentIssue } from "../../scripts/content/issues.ts";
import { ARTICLE_KINDS } from "../../scripts/content/kinds.ts";
import { loadProfile, profileFiles } from "../../scripts/content/load-author.ts";
import type { Article } from "../../scripts/content/model.ts";
import { articleSource } from "../helpers/fixture-site.ts";
import { photo } from "../media/fixtures.ts";
import { expectIssue, expectValid, loadFields, withSite } from "./support.ts";

const CORRECTION = (date: string, text: string, type?: string) =>
  `\n  - date: ${date}\n    text: ${text}${type ? `\n    type: ${type}` : ""}`;

describe("kind", () => {
  it("accepts every kind of the contract, news when left out", () => {
    for (const kind of ARTICLE_KINDS) {
      const { result } = loadFields({ kind, authors: "[Jane Tan]" });
      assert.equal(expectValid(result).articles[0]?.kind, kind);
    }
    assert.equal(expectValid(loadFields({}).result).articles[0]?.kind, "news");
  });

  it("refuses an unknown kind at its line, suggesting the closest", () => {
    const { result, file } = loadFields({ kind: "opinon", authors: "[Jane Tan]" });
    expectIssue(result, {
      file,
      field: "kind",
      line: 5,
      message: ['"opinon"', 'did you mean "opinion"'],
      fix: ["analysis", "opinion", "sponsored"],
    });
  });

  it("refuses an opinion piece that names no author, at kind or at the empty authors list", () => {
    const unsigned = loadFields({ kind: "opinion" });
    expectIssue(unsigned.result, {
      file: unsigned.file,
      field: "authors",
      line: 5,
      message: ["opinion", "signed"],
      fix: ["authors: ["],
    });
    const empty = loadFields({ authors: "[]", kind: "opinion" });
    expectIssue(empty.result, {
      file: empty.file,
      field: "authors",
      line: 5,
      message: ["opinion"],
    });
  });

  it("marks a sponsored piece's links rel=sponsored, and no one else's", () => {
    const body = "See [the offer](https://shop.example.com/) and [our page](/asia/other/).";
    const html = (article: Article | undefined) =>
      (article?.body ?? []).map((block) => (block.kind === "html" ? block.html : "")).join("");
    const sponsored = expectValid(loadFields({ kind: "sponsored" }, body).result).articles[0];
    assert.match(html(sponsored), /<a rel="sponsored" href="https:\/\/shop\.example/);
    assert.equal(html(sponsored).match(/rel="sponsored"/g)?.length, 2);
    const news = expectValid(loadFields({}, body).result).articles[0];
    assert.doesNotMatch(html(news), /sponsored/);
  });
});

describe("corrections", () => {
  it("keeps them in date order, corrections unless said otherwise", () => {
    const { result } = loadFields({
      corrections:
        CORRECTION("2024-03-03T10:00:00+08:00", "Second.", "clarification") +
        CORRECTION("2024-03-02T10:00:00+08:00", "First."),
    });
    const [article] = expectValid(result).articles;
    assert.deepEqual(
      article?.corrections.map((c) => [c.date.toISO(), c.type, c.text]),
      [
        ["2024-03-02T10:00:00.000+08:00", "correction", "First."],
        ["2024-03-03T10:00:00.000+08:00", "clarification", "Second."],
      ],
    );
  });

  it("refuses a correction without text, at its item's line", () => {
    const { result, file } = loadFields({
      corrections: "\n  - date: 2024-03-02T10:00:00+08:00",
    });
    expectIssue(result, {
      file,
      field: "corrections.0.text",
      line: 6,
      message: ["text", "required"],
      fix: ["what was wrong"],
    });
  });

  it("refuses a correction date without an offset, at its line", () => {
    const { result, file } = loadFields({
      corrections: CORRECTION("2024-03-02T10:00:00", "A name was misspelt."),
    });
    expectIssue(result, {
      file,
      field: "corrections.0.date",
      line: 6,
      message: ["no UTC offset"],
      fix: ["+08:00", "not before the article"],
    });
  });

  it("refuses a correction dated before the article", () => {
    const { result, file } = loadFields({
      corrections:
        CORRECTION("2024-03-02T10:00:00+08:00", "Fine.") +
        CORRECTION("2024-02-01T10:00:00+08:00", "Too early."),
    });
    expectIssue(result, {
      file,
      field: "corrections.1.date",
      line: 8,
      message: ["before the article's first publication"],
      fix: ["not before the article's date"],
    });
  });

  it("refuses an unknown type, suggesting the closest, and an unknown field", () => {
    const { result, file } = loadFields({
      corrections: CORRECTION("2024-03-02T10:00:00+08:00", "A slip.", "corection"),
    });
    expectIssue(result, {
      file,
      field: "corrections.0.type",
      line: 8,
      message: ['"corection"', 'did you mean "correction"'],
      fix: ["type: correction", "type: clarification"],
    });
    const typo = loadFields({
      corrections: "\n  - date: 2024-03-02T10:00:00+08:00\n    txt: A slip.",
    });
    expectIssue(typo.result, {
      file: typo.file,
      field: "corrections.0.txt",
      line: 7,
      message: ["not a known field"],
      fix: ['"text"'],
    });
  });

  it("refuses corrections written as text rather than a list", () => {
    const { result, file } = loadFields({ corrections: "A name was misspelt." });
    expectIssue(result, {
      file,
      field: "corrections",
      line: 5,
      message: ["list"],
      fix: ["- date:"],
    });
  });
});

/** Loads one profile written into a fixture's content/authors/, with optional extra files. */
function profile(yaml: string, files: Record<string, Uint8Array | string> = {}, slug = "jane-tan") {
  return withSite((site) => {
    const folder = path.join(site.root, "content/authors");
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${slug}.yaml`), yaml);
    for (const [name, bytes] of Object.entries(files))
      writeFileSync(path.join(folder, name), bytes);
    return loadProfile(site.root, slug);
  });
}

function issueOf(result: Checked<unknown>, field: string): ContentIssue {
  assert.equal(result.ok, false, "the profile should be refused");
  const issue = result.ok
    ? undefined
    : result.issues.find((candidate) => candidate.field === field);
  assert.ok(issue, `an issue for ${field}: ${JSON.stringify(result)}`);
  assert.equal(issue.file, "content/authors/jane-tan.yaml");
  assert.ok(issue.fix.length > 0);
  return issue;
}

describe("author profiles", () => {
  it("loads name, role, bio, photo and links", async () => {
    const loaded = profile(
      "name: Jane Tan\nrole: Correspondent\nbio: Reports on trade.\nphoto: jane.jpg\nlinks: [https://x.com/jane]\n",
      { "jane.jpg": await photo(300, 400) },
    );
    assert.ok(loaded.ok, JSON.stringify(loaded));
    assert.deepEqual(loaded.value, {
      slug: "jane-tan",
      sourcePath: "content/authors/jane-tan.yaml",
      name: "Jane Tan",
      role: "Correspondent",
      bio: "Reports on trade.",
      photo: { src: "jane.jpg", line: 4, column: 8 },
      links: ["https://x.com/jane"],
    });
  });

  it("refuses a profile without a name, at the file's first line", () => {
    const issue = issueOf(profile("role: Correspondent\n"), "name");
    assert.equal(issue.line, 1);
    assert.match(issue.message, /name is required/);
  });

  it("refuses an unknown field, suggesting the closest", () => {
    const issue = issueOf(profile("name: Jane Tan\nrol: Correspondent\n"), "rol");
    assert.equal(issue.line, 2);
    assert.match(issue.fix, /Did you mean "role"/);
  });

  it("refuses a photo that is not beside the profile, at its line", () => {
    const issue = issueOf(profile("name: Jane Tan\nphoto: jane.jpg\n"), "photo");
    assert.equal(issue.line, 2);
    assert.match(issue.message, /jane\.jpg/);
    assert.match(issue.fix, /content\/authors\/ beside jane-tan\.yaml/);
    const nested = issueOf(profile("name: Jane Tan\nphoto: photos/jane.jpg\n"), "photo");
    assert.match(nested.message, /file name beside the profile's \.yaml file, without folders/);
  });

  it("reports a missing photo with the profile's other mistakes, in one run", () => {
    const result = profile("role: Correspondent\nphoto: nothere.jpg\nlinks: [http://x.com/j]\n");
    issueOf(result, "name");
    issueOf(result, "links.0");
    const missing = issueOf(result, "photo");
    assert.equal(missing.line, 2);
    assert.match(missing.message, /nothere\.jpg/);
  });

  it("refuses links that are not https, at the link's line", () => {
    const issue = issueOf(
      profile("name: Jane Tan\nlinks:\n  - https://x.com/jane\n  - http://example.com/jane\n"),
      "links.1",
    );
    assert.equal(issue.line, 4);
    assert.match(issue.message, /https/);
  });

  it("refuses profile files that are not <slug>.yaml, and leaves photos alone", () => {
    withSite((site) => {
      const folder = path.join(site.root, "content/authors");
      mkdirSync(folder, { recursive: true });
      for (const name of ["jane-tan.yml", "Ali Hassan.yaml", "ok.yaml", "photo.jpg"]) {
        writeFileSync(path.join(folder, name), "name: X\n");
      }
      const { files, issues } = profileFiles(site.root);
      assert.deepEqual(
        files.map((file) => file.slug),
        ["ok"],
      );
      assert.deepEqual(
        issues.map((issue) => [issue.file, issue.fix]),
        [
          [
            "content/authors/Ali Hassan.yaml",
            "Rename it to lowercase letters, digits and single hyphens, e.g. ali-hassan.yaml.",
          ],
          ["content/authors/jane-tan.yml", "Rename it to jane-tan.yaml."],
        ],
      );
    });
  });
});

describe("bylines against the profiles", () => {
  const profiles = [
    {
      slug: "tan-hui-yee",
      sourcePath: "content/authors/tan-hui-yee.yaml",
      name: "Tan Hui Yee",
      links: [],
    },
    {
      slug: "ali-hassan",
      sourcePath: "content/authors/ali-hassan.yaml",
      name: "Ali Hassan",
      links: [],
    },
  ];

  it("refuses a slug-like entry that is no profile, at its line, suggesting the closest", () => {
    withSite((site) => {
      site.article(
        "a",
        articleSource({ authors: "\n  - Tan Hui Yee\n  - tan-hui-ye\n  - Jane Doe" }),
      );
      const issues = unknownAuthorIssues(
        [
          {
            sourcePath: "content/articles/a/index.md",
            authors: ["Tan Hui Yee", "tan-hui-ye", "Jane Doe"],
          },
        ],
        profileIndex(profiles),
        site.root,
      );
      assert.equal(issues.length, 1, "a profile's name and a plain name are fine");
      assert.deepEqual(
        { ...issues[0], fix: undefined },
        {
          file: "content/articles/a/index.md",
          line: 7,
          column: 5,
          field: "authors.1",
          message:
            '"tan-hui-ye" is written like an author profile\'s slug, but there is no profile tan-hui-ye.yaml.',
          fix: undefined,
        },
      );
      assert.match(issues[0]?.fix ?? "", /^Did you mean "tan-hui-yee"\?/);
    });
  });

  it("names the closest profile even when it is far, and says how to make one when none exist", () => {
    const far = unknownAuthorIssues(
      [{ sourcePath: "content/articles/a/index.md", authors: ["reuters"] }],
      profileIndex(profiles),
      "/nonexistent",
    );
    assert.match(far[0]?.fix ?? "", /The closest profile is "[a-z-]+"/);
    const none = unknownAuthorIssues(
      [{ sourcePath: "content/articles/a/index.md", authors: ["jane-tan"] }],
      profileIndex([]),
      "/nonexistent",
    );
    assert.match(
      none[0]?.fix ?? "",
      /no author profiles yet: create content\/authors\/jane-tan\.yaml/,
    );
  });

  it("refuses two profiles with one name, which a byline could not tell apart", () => {
    const issues = repeatedNameIssues(
      [
        ...profiles,
        { ...profiles[0], slug: "tan-hui-yee-2", sourcePath: "content/authors/tan-hui-yee-2.yaml" },
      ] as typeof profiles,
      "/nonexistent",
    );
    assert.deepEqual(
      issues.map((issue) => [issue.file, issue.field]),
      [["content/authors/tan-hui-yee-2.yaml", "name"]],
    );
  });
});
