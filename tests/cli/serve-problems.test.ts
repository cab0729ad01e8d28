/** The dev server's box of a save's mistakes (scripts/serve-problems.ts): escaped, at the top. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { problemsBox, withProblemsBox } from "../../scripts/serve-problems.ts";

describe("the box of a save's mistakes", () => {
  const box = problemsBox(
    [
      {
        file: "content/articles/<b>x</b>/index.md",
        line: 3,
        field: "title",
        message: 'title "<script>alert(1)</script>" is too long.',
        fix: "Shorten it & save.",
      },
    ],
    "/.broadsheet/problems.css",
    true,
  );

  it("shows what the editor wrote as characters, never as markup", () => {
    assert.doesNotMatch(box, /<script>|<b>x/);
    assert.match(box, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(box, /index\.md:3 \[title\]/);
    assert.match(box, /Shorten it &amp; save\./);
    assert.match(box, /1 problem to fix/);
  });

  it("goes at the top of the page's body", () => {
    const page = withProblemsBox('<html><body class="a"><main>Story</main></body></html>', box);
    assert.ok(page.indexOf("broadsheet-problems") < page.indexOf("<main>"));
    assert.ok(page.indexOf('<body class="a">') < page.indexOf("broadsheet-problems"));
  });
});
