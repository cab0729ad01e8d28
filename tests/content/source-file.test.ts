/**
 * The file itself: YAML syntax, the front-matter fences, executable front matter, encodings,
 * line endings and empty files (CONTENT.md, "Front matter (YAML only)" and "The body").
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { articleSource } from "../helpers/fixture-site.ts";
import {
  articlePath,
  bodyHtml,
  expectInvalid,
  expectIssue,
  expectValid,
  load,
  loadOne,
  withSite,
} from "./support.ts";

const SLUG = "the-article";
const FILE = articlePath(SLUG);

function loadSource(source: string | Uint8Array) {
  return withSite((site) => loadOne(site, SLUG, source));
}

const VALID_FIELDS = "date: 2024-03-01T09:30:00+08:00\nsection: asia\n";

describe("YAML syntax errors carry the line they are on", () => {
  it("an unclosed double quote, at the line the quote opens", () => {
    const result = loadSource(`---\ntitle: "A headline\n${VALID_FIELDS}---\n\nBody.\n`);
    expectIssue(result, {
      file: FILE,
      line: 2,
      column: 8,
      message: ["The quote opened on line 2 is never closed."],
      fix: ["close the quote"],
    });
  });

  it("an unclosed single quote in a later field, at that field's line", () => {
    const result = loadSource(
      `---\ntitle: A headline\n${VALID_FIELDS}dateline: 'SEOUL\n---\n\nBody.\n`,
    );
    expectIssue(result, {
      file: FILE,
      line: 5,
      message: ["The quote opened on line 5 is never closed."],
      fix: ["close the quote"],
    });
  });

  it("tab indentation, once for every tab-indented line, at the first", () => {
    const result = loadSource(
      `---\ntitle: A headline\n${VALID_FIELDS}image:\n\tsrc: photo.jpg\n\talt: A photo.\n---\n\nBody.\n`,
    );
    const issue = expectIssue(result, {
      file: FILE,
      line: 6,
      column: 1,
      message: ["Tabs indent lines 6 and 7: YAML reads only spaces as indentation."],
      fix: ["with spaces: two for each level"],
    });
    assert.deepEqual(expectInvalid(result), [issue], "one issue, not one per parser error");
  });

  it("a tab under a list, in plain words, blaming no correct line", () => {
    const result = loadSource(
      `---\ntitle: A headline\n${VALID_FIELDS}corrections:\n\t- date: 2024-03-02T09:30:00+08:00\n\t  text: Fixed.\ntags: [A]\n---\n\nBody.\n`,
    );
    const issues = expectInvalid(result);
    assert.equal(issues.length, 1, JSON.stringify(issues, null, 2));
    assert.equal(issues[0]?.line, 6);
    assert.match(issues[0]?.message ?? "", /^Tabs indent lines 6 and 7:/);
    assert.doesNotMatch(issues[0]?.message ?? "", /implicit|map key|block sequence/i);
  });

  it("a missing colon, with the line written right", () => {
    const result = loadSource(`---\ntitle "A headline"\n${VALID_FIELDS}---\n\nBody.\n`);
    expectIssue(result, {
      file: FILE,
      line: 2,
      message: ["Line 2 has no colon between the field's name and its value."],
      fix: ['title: "A headline"'],
    });
  });

  it("a list never closed, at the line it opens", () => {
    const result = loadSource(
      `---\ntitle: A headline\ntags: [North Korea, Nuclear talks\n${VALID_FIELDS}---\n\nBody.\n`,
    );
    expectIssue(result, {
      file: FILE,
      line: 3,
      message: ["The list opened with [ on line 3 is never closed with ]."],
      fix: ["tags: [North Korea, Nuclear talks]"],
    });
  });

  it("a duplicate key, at the repeated key", () => {
    const result = loadSource(
      `---\ntitle: A headline\n${VALID_FIELDS}title: Again\n---\n\nBody.\n`,
    );
    expectIssue(result, {
      file: FILE,
      line: 5,
      column: 1,
      message: ['The field "title" is written a second time on line 5.'],
      fix: ["appear once"],
    });
  });

  it("an unquoted value containing ': '", () => {
    const result = loadSource(`---\ntitle: Kim: a profile\n${VALID_FIELDS}---\n\nBody.\n`);
    expectIssue(result, {
      file: FILE,
      line: 2,
      message: ['The value on line 2 holds ": "'],
      fix: ['Put the value in quotes: title: "Kim: a profile".'],
    });
  });

  it("a YAML tag (!!js/function) is refused, not resolved", () => {
    const result = loadSource(
      `---\ntitle: !!js/function "function () {}"\n${VALID_FIELDS}---\n\nBody.\n`,
    );
    expectIssue(result, {
      file: FILE,
      line: 2,
      message: ["YAML tag"],
      fix: ["remove the !tag"],
    });
  });

  it("a value starting with * (read as an alias to no anchor) is an issue, not a crash", () => {
    const result = loadSource(
      `---\ntitle: A headline\n${VALID_FIELDS}dateline: *Exclusive\n---\n\nBody.\n`,
    );
    expectIssue(result, {
      file: FILE,
      line: 5,
      column: 11,
      message: ["not valid YAML", "alias"],
      fix: ["in quotes"],
    });
  });

  it("an alias bomb is an issue, not a hang or a crash", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    const result = loadSource(`---\ntitle: A headline\n${VALID_FIELDS}${bomb}\n---\n\nBody.\n`);
    expectIssue(result, { file: FILE, message: ["not valid YAML", "alias"] });
  });

  it("a YAML list instead of a set of fields", () => {
    const result = loadSource('---\n- title: "A headline"\n- section: asia\n---\n\nBody.\n');
    expectIssue(result, {
      file: FILE,
      line: 2,
      message: ["is a list", "not a set of fields"],
      fix: ["no leading dash"],
    });
  });

  it("empty front matter", () => {
    const result = loadSource("---\n---\n\nBody.\n");
    expectIssue(result, { file: FILE, line: 2, message: ["empty"], fix: ["name: value"] });
  });
});

describe("front-matter fences", () => {
  it("a missing closing ---", () => {
    const result = loadSource(`---\ntitle: A headline\n${VALID_FIELDS}\nBody.\n`);
    expectIssue(result, {
      file: FILE,
      line: 1,
      message: ["never closed", "---"],
      fix: ["three dashes"],
    });
  });

  it("no front matter at all", () => {
    const result = loadSource("Just a body with no fields.\n");
    expectIssue(result, {
      file: FILE,
      line: 1,
      message: ["does not start with front matter"],
      fix: ["---"],
    });
  });

  it("accepts ---yaml as the opening fence", () => {
    const result = loadSource(articleSource().replace(/^---\n/, "---yaml\n"));
    assert.equal(expectValid(result).articles.length, 1);
  });
});

describe("executable front matter is refused and never run", () => {
  const payloads: readonly { name: string; source: (sentinel: string) => string }[] = [
    {
      name: "---js with require (CommonJS)",
      source: (sentinel) =>
        `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(sentinel)}, 'ran'), 'x') }\n---\n\nBody.\n`,
    },
    {
      name: "---js with process (ESM, no require)",
      source: (sentinel) =>
        `---js\n{ title: (process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(sentinel)}, 'ran'), 'x') }\n---\n\nBody.\n`,
    },
    {
      name: "---javascript with a function body",
      source: (sentinel) =>
        `---javascript\nprocess.getBuiltinModule('fs').writeFileSync(${JSON.stringify(sentinel)}, 'ran');\nmodule.exports = { title: 'x' };\n---\n\nBody.\n`,
    },
    {
      name: "--- js (with a space)",
      source: (sentinel) =>
        `--- js\n{ title: (require('fs').writeFileSync(${JSON.stringify(sentinel)}, 'ran'), 'x') }\n---\n\nBody.\n`,
    },
  ];
  for (const { name, source } of payloads) {
    it(name, () => {
      const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-sentinel-"));
      const sentinel = path.join(scratch, "ran.txt");
      try {
        const result = loadSource(source(sentinel));
        expectIssue(result, {
          file: FILE,
          line: 1,
          message: ["not allowed", "only YAML", "never run"],
          fix: ["plain ---"],
        });
        assert.equal(existsSync(sentinel), false, "the front matter's code must not have run");
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
});

describe("empty files and bodies", () => {
  it("an empty file", () => {
    const result = loadSource(new Uint8Array());
    expectIssue(result, { file: FILE, line: 1, message: ["empty"], fix: ["title, date, section"] });
  });

  it("a body of whitespace only, at the line after the closing fence", () => {
    const result = loadSource(articleSource({}, "   \n\t\n  "));
    expectIssue(result, {
      file: FILE,
      field: null,
      line: 6,
      message: ["no body text"],
      fix: ["after the closing ---"],
    });
  });

  it("no body at all", () => {
    const result = loadSource(articleSource().replace(/\n\nA paragraph of news.\n$/, ""));
    expectIssue(result, { file: FILE, message: ["no body text"] });
  });

  it("reports an empty body together with front-matter errors", () => {
    const result = loadSource(articleSource({ section: "nowhere" }, " "));
    expectIssue(result, { file: FILE, field: "section", line: 4 });
    expectIssue(result, { file: FILE, message: ["no body text"] });
  });
});

describe("encodings and line endings", () => {
  it("refuses Latin-1 bytes, naming the file, the place and UTF-8", () => {
    const source = Buffer.concat([
      Buffer.from('---\ntitle: "Caf'),
      Buffer.from([0xe9]), // é in Latin-1; in UTF-8 it is two bytes
      Buffer.from(`"\n${VALID_FIELDS}---\n\nBody.\n`),
    ]);
    const result = loadSource(source);
    const issue = expectIssue(result, {
      file: FILE,
      line: 2,
      column: 12,
      message: ["not valid UTF-8"],
      fix: ["save the file as UTF-8"],
    });
    assert.doesNotMatch(issue.message, /\uFFFD/);
  });

  it("says a file saved as UTF-16 is UTF-16, with or without its byte-order mark", () => {
    const text = articleSource({}, "Body.");
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      Buffer.from(text, "utf16le"),
    ]) {
      const issue = expectIssue(loadSource(bytes), {
        file: FILE,
        line: 1,
        message: ["UTF-16"],
        fix: ["save the file as UTF-8"],
      });
      assert.doesNotMatch(issue.message, /Latin-1/);
    }
  });

  it("refuses Windows-1252 curly quotes in the body", () => {
    const source = Buffer.concat([
      Buffer.from(articleSource({}, "He said ").replace(/\n$/, "")),
      Buffer.from([0x93, 0x6e, 0x6f, 0x94]), // “no” in Windows-1252
      Buffer.from("\n"),
    ]);
    expectIssue(loadSource(source), { file: FILE, line: 7, column: 9, message: ["UTF-8"] });
  });

  it("accepts a UTF-8 byte-order mark", () => {
    const source = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(articleSource({ title: '"Café"' })),
    ]);
    assert.equal(expectValid(loadSource(source)).articles[0]?.title, "Café");
  });

  it("keeps line numbers right after a byte-order mark", () => {
    const source = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(articleSource({ section: "nowhere" })),
    ]);
    expectIssue(loadSource(source), { file: FILE, field: "section", line: 4 });
  });

  it("accepts Windows CRLF line endings, leaving no carriage returns behind", () => {
    const source = articleSource(
      { title: '"A headline"', dateline: "SEOUL" },
      "First paragraph.\r\n\r\nSecond.",
    ).replace(/\r?\n/g, "\r\n");
    const article = expectValid(loadSource(source)).articles[0];
    assert.equal(article?.title, "A headline");
    assert.equal(article?.dateline, "SEOUL");
    assert.equal(bodyHtml(article).match(/<p>/g)?.length, 2);
    assert.doesNotMatch(`${article?.title}${article?.dateline}${bodyHtml(article)}`, /\r/);
  });

  it("reports the right line in a CRLF file", () => {
    const source = articleSource({ section: "nowhere" }).replace(/\n/g, "\r\n");
    expectIssue(loadSource(source), { file: FILE, field: "section", line: 4 });
  });
});

describe("one run reports every bad article", () => {
  it("reports issues for all three bad folders, not just the first", () => {
    const result = withSite((site) => {
      site.article("bad-date", articleSource({ date: "yesterday" }));
      site.article("bad-section", articleSource({ section: "nowhere" }));
      site.article("bad-yaml", '---\ntitle: "Unclosed\n---\n\nBody.\n');
      site.article("good", articleSource());
      return load(site);
    });
    expectIssue(result, { file: articlePath("bad-date"), field: "date" });
    expectIssue(result, { file: articlePath("bad-section"), field: "section" });
    expectIssue(result, { file: articlePath("bad-yaml"), line: 2, message: ["quote"] });
    if (result.ok) return;
    assert.deepEqual([...new Set(result.issues.map((issue) => issue.file))].sort(), [
      articlePath("bad-date"),
      articlePath("bad-section"),
      articlePath("bad-yaml"),
    ]);
  });

  it("reports every problem within one article", () => {
    const result = loadSource(
      articleSource({ title: "2024", date: "yesterday", section: "nowhere", tittle: "x" }),
    );
    for (const field of ["title", "date", "section", "tittle"])
      expectIssue(result, { file: FILE, field });
  });
});
