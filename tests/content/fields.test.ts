/**
 * Front-matter fields: required ones, types, lengths and unknown names (CONTENT.md, "Front matter").
 * `articleSource` writes `---` on line 1, then title, date, section on lines 2-4, then any
 * other fields in the order given.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expectIssue, expectValid, loadFields } from "./support.ts";

describe("required fields", () => {
  for (const field of ["title", "date", "section"]) {
    it(`reports a missing ${field} at the front matter's opening line`, () => {
      const { result, file } = loadFields({ [field]: "" });
      expectIssue(result, { file, field, line: 1, message: [field, "required"], fix: [field] });
    });
  }
});

describe("field types", () => {
  it("rejects a number as the title", () => {
    const { result, file } = loadFields({ title: "2024" });
    expectIssue(result, {
      file,
      field: "title",
      line: 2,
      message: ["text", "number 2024"],
      fix: ["headline"],
    });
  });

  it("rejects tags written as a single string", () => {
    const { result, file } = loadFields({ tags: "North Korea" });
    expectIssue(result, {
      file,
      field: "tags",
      line: 5,
      message: ["must be a list", "North Korea"],
      fix: ["tags: ["],
    });
  });

  it("names a list's entry as an editor counts it, from 1", () => {
    const { result, file } = loadFields({ tags: '[Floods, ""]' });
    const issue = expectIssue(result, { file, field: "tags.1", line: 5 });
    assert.match(issue.message, /^tags, entry 2, /);
  });

  it("rejects draft: yes (YAML 1.2 reads it as text, not a boolean)", () => {
    const { result, file } = loadFields({ draft: "yes" });
    expectIssue(result, {
      file,
      field: "draft",
      line: 5,
      message: ["true or false"],
      fix: ["draft: true"],
    });
  });

  it("rejects image written as a file name instead of a group of fields", () => {
    const { result, file } = loadFields({ image: "photo.jpg" });
    expectIssue(result, {
      file,
      field: "image",
      line: 5,
      message: ["group of fields", '"photo.jpg"'],
      fix: ["src:", "alt:"],
    });
  });

  it("rejects an unquoted number as video.id", () => {
    const { result, file } = loadFields({
      video: "\n  provider: brightcove\n  id: 1234\n  thumbnail: thumb.jpg",
    });
    expectIssue(result, {
      file,
      field: "video.id",
      line: 7,
      message: ["quotes", "number 1234"],
      fix: ['id: "'],
    });
  });
});

describe("title length", () => {
  it("accepts a title of exactly 200 characters", () => {
    const { result } = loadFields({ title: "x".repeat(200) });
    assert.equal(expectValid(result).articles[0]?.title.length, 200);
  });

  it("rejects a title over 200 characters", () => {
    const { result, file } = loadFields({ title: "x".repeat(201) });
    expectIssue(result, {
      file,
      field: "title",
      line: 2,
      message: ["200 characters"],
      fix: ["1 to 200"],
    });
  });

  it("rejects a title that is empty after trimming", () => {
    const { result, file } = loadFields({ title: '"   "' });
    expectIssue(result, { file, field: "title", line: 2, message: ["empty"], fix: ["headline"] });
  });

  it("trims the title", () => {
    const { result } = loadFields({ title: '"  Spaced out  "' });
    assert.equal(expectValid(result).articles[0]?.title, "Spaced out");
  });
});

describe("unknown fields", () => {
  it("suggests title for tittle", () => {
    const { result, file } = loadFields({ tittle: "Typo" });
    expectIssue(result, {
      file,
      field: "tittle",
      line: 5,
      column: 1,
      message: ['"tittle"', "not a known field"],
      fix: ['did you mean "title"'],
    });
  });

  it("suggests image for imgae", () => {
    const { result, file } = loadFields({ imgae: "\n  src: photo.jpg\n  alt: A photo" });
    expectIssue(result, {
      file,
      field: "imgae",
      line: 5,
      message: ["imgae", "not a known field"],
      fix: ['did you mean "image"'],
    });
  });

  it("suggests caption for image.captoin, at the nested key's line", () => {
    const { result, file } = loadFields({
      image: "\n  src: photo.jpg\n  alt: A photo\n  captoin: A caption",
    });
    expectIssue(result, {
      file,
      field: "image.captoin",
      line: 8,
      column: 3,
      message: ["image.captoin", "not a known field"],
      fix: ['did you mean "caption"'],
    });
  });

  it("lists the known fields when no name is close", () => {
    const { result, file } = loadFields({ wordcount: "800" });
    const issue = expectIssue(result, {
      file,
      field: "wordcount",
      line: 5,
      message: ["wordcount", "not a known field"],
      fix: ["remove it", "title", "section", "draft"],
    });
    assert.doesNotMatch(issue.fix, /did you mean/i);
  });
});
