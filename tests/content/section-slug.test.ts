/**
 * Where an article goes: its section must be one the site configures, and its folder name is
 * its slug, lowercase a-z, 0-9 and single hyphens (CONTENT.md, "Where an article lives").
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { articleSource } from "../helpers/fixture-site.ts";
import {
  articlePath,
  expectIssue,
  expectValid,
  load,
  loadFields,
  loadOne,
  withSite,
} from "./support.ts";

describe("section", () => {
  it("rejects a section the site does not configure, listing the valid ones in the fix", () => {
    const { result, file } = loadFields({ section: "politics" });
    expectIssue(result, {
      file,
      field: "section",
      line: 4,
      message: ['"politics"', "not a section"],
      fix: ["content/_data/site.yaml", "singapore", "asia", "world", "opinion"],
    });
  });

  it("is case-sensitive: Asia is not asia", () => {
    const { result, file } = loadFields({ section: "Asia" });
    expectIssue(result, { file, field: "section", line: 4, message: ['"Asia"'], fix: ["asia"] });
  });

  it("puts the article's URL under its section", () => {
    const { result } = loadFields({ section: "world" }, undefined, "a-story");
    assert.equal(expectValid(result).articles[0]?.url, "/world/a-story/");
  });
});

describe("slug (the folder name)", () => {
  const refused: readonly { folder: string; suggestion: string }[] = [
    { folder: "News-Item", suggestion: "news-item" },
    { folder: "my article", suggestion: "my-article" },
    { folder: "my_article", suggestion: "my-article" },
    { folder: "double--hyphen", suggestion: "double-hyphen" },
    { folder: "-leading", suggestion: "leading" },
    { folder: "café-news", suggestion: "cafe-news" },
  ];
  for (const { folder, suggestion } of refused) {
    it(`rejects the folder "${folder}" and suggests ${suggestion}`, () => {
      const result = withSite((site) => loadOne(site, folder, articleSource()));
      expectIssue(result, {
        file: articlePath(folder),
        field: null,
        message: [`"${folder}"`, "not a valid slug"],
        fix: ["lowercase", suggestion],
      });
    });
  }

  it("accepts lowercase letters, digits and single hyphens", () => {
    const result = withSite((site) => loadOne(site, "g20-summit-2019", articleSource()));
    assert.equal(expectValid(result).articles[0]?.slug, "g20-summit-2019");
  });

  it("fails the uppercase one of two folders differing only in case (News-Item, news-item)", (t) => {
    withSite((site) => {
      site.article("news-item", articleSource());
      site.article("News-Item", articleSource({ title: '"The other one"' }));
      if (readdirSync(path.join(site.root, "content/articles")).length < 2) {
        t.skip("this disk is case-insensitive: the two folders are one");
        return;
      }
      const result = load(site);
      expectIssue(result, {
        file: articlePath("News-Item"),
        message: ['"News-Item"', "not a valid slug"],
        fix: ["news-item"],
      });
      if (result.ok) return;
      assert.deepEqual(
        result.issues.filter((issue) => issue.file === articlePath("news-item")),
        [],
        "the lowercase folder is a valid article",
      );
    });
  });

  it("reports a folder without index.md, and a stray file outside any folder", () => {
    const result = withSite((site) => {
      site.article("good", articleSource());
      site.file("no-index", "photo.jpg", "jpeg");
      site.file(".", "stray.md", articleSource());
      return load(site);
    });
    expectIssue(result, {
      file: "content/articles/no-index",
      message: ["no index.md"],
      fix: ["index.md"],
    });
    expectIssue(result, {
      file: "content/articles/stray.md",
      message: ["not inside"],
      fix: ["<slug>/index.md"],
    });
  });

  it("names the file an editor wrote under another name: Index.md, story.md", () => {
    const result = withSite((site) => {
      site.file("capital", "Index.md", articleSource());
      site.file("other-name", "story.md", articleSource());
      return load(site);
    });
    expectIssue(result, {
      file: "content/articles/capital",
      message: ["Index.md", "no index.md"],
      fix: ["Rename content/articles/capital/Index.md to index.md"],
    });
    expectIssue(result, {
      file: "content/articles/other-name",
      message: ["story.md"],
      fix: ["Rename content/articles/other-name/story.md to index.md"],
    });
  });
});
