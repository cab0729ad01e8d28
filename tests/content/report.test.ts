/** The terminal report of content issues: where, which field, what is wrong, and the fix. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ContentIssue } from "../../scripts/content/issues.ts";
import { formatIssues } from "../../scripts/content/report.ts";
import { expectInvalid, loadFields } from "./support.ts";

describe("formatIssues", () => {
  it("prints file:line:column, the field, the message and Fix: for a real issue", () => {
    const { result, file } = loadFields({ tittle: "Typo" });
    const report = formatIssues(expectInvalid(result));
    assert.ok(report.includes(`${file}:5:1`), report);
    assert.ok(report.includes("[tittle]"), report);
    assert.ok(report.includes('"tittle" is not a known field.'), report);
    assert.match(report, /Fix: Did you mean "title"\?/);
    assert.match(report, /1 problem in 1 file\.$/);
  });

  it("groups issues by file, leaves out what is not known, and counts them", () => {
    const issues: ContentIssue[] = [
      {
        file: "a/index.md",
        line: 3,
        column: 7,
        field: "date",
        message: "Bad date.",
        fix: "Fix the date.",
      },
      { file: "b/index.md", message: "No body.", fix: "Write one." },
      { file: "a/index.md", line: 4, field: "section", message: "Bad section.", fix: "Pick one." },
    ];
    const report = formatIssues(issues);
    assert.ok(
      report.includes("a/index.md:3:7 [date]\n    Bad date.\n    Fix: Fix the date."),
      report,
    );
    assert.ok(report.includes("a/index.md:4 [section]"), report);
    assert.ok(report.includes("✖ b/index.md\n    No body.\n    Fix: Write one."), report);
    assert.ok(
      report.indexOf("Bad section.") < report.indexOf("No body."),
      "a file's issues are together",
    );
    assert.match(report, /3 problems in 2 files\.$/);
    const esc = String.fromCharCode(0x1b);
    assert.ok(!report.includes(esc), "no colour unless asked");
    assert.ok(formatIssues(issues, true).includes(`${esc}[31m`), "red when asked");
  });
});
