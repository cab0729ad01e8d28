/**
 * Every problem at once: the rules between an article's fields (an update or a correction dated
 * before the article, an opinion piece with no author) are reported in the same run as the
 * problems of its other fields, not only once those are fixed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articlePath, loadFields } from "./support.ts";

describe("the rules between fields", () => {
  it("report a correction dated before the article in the same run as a bad title", () => {
    const { result } = loadFields({
      title: "2024",
      date: "2024-03-01T09:30:00+08:00",
      corrections:
        "\n  - date: 2024-02-01T09:00:00+08:00\n    text: An earlier version misspelt the minister's name.",
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    const fields = result.issues.map((issue) => issue.field);
    assert.ok(fields.includes("title"), `the title: ${JSON.stringify(result.issues)}`);
    const correction = result.issues.find((issue) => issue.field === "corrections.0.date");
    assert.ok(correction, `the correction: ${JSON.stringify(result.issues)}`);
    assert.equal(correction.file, articlePath("an-article"));
    assert.equal(
      correction.message,
      "corrections, entry 1: date is before the article's first publication date.",
    );
    assert.match(correction.fix, /not before the article's date/);
    assert.equal(correction.line, 6);
  });

  it("report an update before the first publication and an unsigned opinion piece alongside an unknown section", () => {
    const { result } = loadFields({
      section: "nowhere",
      updated: "2024-02-01T09:00:00+08:00",
      kind: "opinion",
      authors: "[]",
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.issues.map((issue) => issue.field).sort(), [
      "authors",
      "section",
      "updated",
    ]);
    const updated = result.issues.find((issue) => issue.field === "updated");
    assert.equal(updated?.message, "updated is before the first publication date.");
  });

  it("do not report a date rule when a date it compares is itself wrong", () => {
    const { result } = loadFields({
      date: "yesterday",
      updated: "2024-02-01T09:00:00+08:00",
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((issue) => issue.field),
      ["date"],
    );
  });
});
