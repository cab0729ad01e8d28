/** The pure parts of `npm run import`: reading wire text, Markdown escaping, YAML (slugs: slugs.test.ts). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { agencyName } from "../../scripts/cli/wire/agencies.ts";
import { frontMatter, quoted, yamlList, yamlString } from "../../scripts/cli/wire/front-matter.ts";
import { bodyMarkdown, escapeMarkdown } from "../../scripts/cli/wire/markdown.ts";
import { parseDateline, parseWire, type WireStory } from "../../scripts/cli/wire/parse.ts";
import { renderBody } from "../../scripts/content/markdown.ts";
import { SEED_FILE, seedParagraphs } from "../helpers/seed-text.ts";
import { FIXTURES } from "./support.ts";

const PROMOTION = "Join ST's Telegram channel and get the latest breaking news delivered to you.";

function story(text: string): WireStory {
  const parsed = parseWire(text, { promotion: PROMOTION });
  assert.ok(parsed.ok, `expected a story, got ${JSON.stringify(parsed)}`);
  return parsed.story;
}

/** A story with its notes' line numbers left out, to compare layouts of the same copy. */
function content(read: WireStory) {
  return { ...read, notes: read.notes.map((note) => ({ ...note, line: 0 })) };
}

describe("parseWire", () => {
  it("reads the seed: headline, video and description, caption and credit, dateline, 20 paragraphs", () => {
    const seed = story(readFileSync(SEED_FILE, "utf8"));
    assert.equal(
      seed.headline,
      "North Korea's Kim Jong Un receives personal letter from Trump, KCNA says",
    );
    assert.equal(seed.video?.marker, "SPH Brightcove Video");
    assert.match(seed.video?.description ?? "", /^US Secretary of State Mike Pompeo said/);
    assert.deepEqual(seed.photo, {
      caption:
        "North Korean leader Kim Jong Un reads a personal letter from US President Donald Trump.",
      credit: "AFP",
    });
    assert.deepEqual(seed.dateline, {
      places: "WASHINGTON/SEOUL",
      sources: ["Bloomberg", "Reuters", "AFP"],
    });
    assert.deepEqual(seed.paragraphs, seedParagraphs());
    assert.deepEqual(
      seed.notes.map((note) => note.kind),
      ["promotion-dropped"],
    );
  });

  it("reads the same story with blank lines between the video, its description and the caption", () => {
    const compact = story(readFileSync(SEED_FILE, "utf8"));
    const spaced = story(
      readFileSync(SEED_FILE, "utf8").replace(
        /\n(US Secretary of State.*)\n(North Korean leader.*)\n/,
        "\n\n$1\n\n\n$2\n",
      ),
    );
    assert.deepEqual(content(spaced), content(compact));
  });

  it("reads Windows line endings, a byte-order mark and runs of blank lines like plain copy", () => {
    const plain = "Headline\n\nSEOUL (AFP) - First.\n\nSecond.\n";
    const windows = `\uFEFF\r\n\r\nHeadline\r\n\r\n\r\n\r\nSEOUL (AFP) - First.\r\n\r\n\r\nSecond.\r\n\r\n`;
    assert.deepEqual(content(story(windows)), content(story(plain)));
  });

  it("takes the agencies' conventional spellings and keeps acronyms", () => {
    assert.deepEqual(parseDateline("LONDON/PARIS/BERLIN (REUTERS) - Talks."), {
      dateline: { places: "LONDON/PARIS/BERLIN", sources: ["Reuters"] },
      lead: "Talks.",
    });
    assert.deepEqual(parseDateline("NEW DELHI (AP, XINHUA, NYTIMES) — Text")?.dateline.sources, [
      "AP",
      "Xinhua",
      "The New York Times",
    ]);
    assert.equal(parseDateline("ZÜRICH (DPA) – Text")?.dateline.places, "ZÜRICH");
    assert.equal(parseDateline("The President (AFP) - said"), undefined, "places are in capitals");
    assert.equal(agencyName("VOICE OF AMERICA"), "Voice of America");
    assert.equal(agencyName("AGENCE FRANCE-PRESSE"), "Agence France-Presse");
    assert.equal(agencyName("KCNA"), "KCNA");
  });

  it("keeps every paragraph of copy with no dateline, and says so", () => {
    const read = story(readFileSync(path.join(FIXTURES, "no-dateline.txt"), "utf8"));
    assert.equal(read.dateline, undefined);
    assert.equal(read.paragraphs.length, 3);
    assert.deepEqual(
      read.notes.map((note) => note.kind),
      ["no-dateline"],
    );
  });

  it("never lifts a dateline-shaped paragraph out of the middle of the body", () => {
    const read = story(
      "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nBEIJING (AFP) - A quoted dispatch.\n\nFour.\n",
    );
    assert.equal(read.dateline, undefined);
    assert.equal(read.paragraphs.length, 5);
  });

  it("reports a line between the caption and the dateline instead of dropping it silently", () => {
    const read = story("Headline\n\nBy Jane Tan\n\nSEOUL (AFP) - Text.\n");
    assert.deepEqual(read.notes, [{ kind: "unmapped", line: 3, text: "By Jane Tan" }]);
    assert.deepEqual(read.paragraphs, ["Text."]);
  });

  it("drops the promotion only as the last line, matching typographic quotes", () => {
    const last = story(
      `Headline\n\nSEOUL (AFP) - Text.\n\nJoin ST’s  Telegram channel and get the latest breaking news delivered to you.\n`,
    );
    assert.deepEqual(last.paragraphs, ["Text."]);
    const middle = story(`Headline\n\nSEOUL (AFP) - Text.\n\n${PROMOTION}\n\nMore.\n`);
    assert.equal(middle.paragraphs.length, 3);
  });

  it("joins a paragraph wrapped over several lines, and says which lines it joined", () => {
    const read = story(
      [
        "Bank of England holds rates",
        "",
        "LONDON (REUTERS) - The Bank of England held interest rates steady on",
        "Thursday, saying inflation had cooled faster than it expected in the",
        "autumn and that it would watch wage growth closely.",
        "",
        "Markets had expected the decision.",
        "Sterling barely moved.",
        "",
        "- Rates: 4.0 percent",
        "- Next meeting: February",
        "",
      ].join("\n"),
    );
    assert.deepEqual(read.paragraphs, [
      "The Bank of England held interest rates steady on Thursday, saying inflation had cooled faster than it expected in the autumn and that it would watch wage growth closely.",
      "Markets had expected the decision.",
      "Sterling barely moved.",
      "- Rates: 4.0 percent",
      "- Next meeting: February",
    ]);
    assert.deepEqual(read.notes, [{ kind: "joined", line: 3, to: 5 }]);
  });

  it("keeps one paragraph a line in copy with no blank lines between paragraphs", () => {
    const read = story("Headline\nSEOUL (AFP) - One line that does not end\nin a stop\n");
    assert.deepEqual(read.paragraphs, ["One line that does not end", "in a stop"]);
  });

  it("refuses empty copy and a headline with no story", () => {
    assert.deepEqual(parseWire(" \n\n"), { ok: false, problem: "empty", line: 1 });
    assert.equal(parseWire("Headline only\n").ok, false);
  });
});

describe("escapeMarkdown", () => {
  const hostile = readFileSync(path.join(FIXTURES, "hostile.txt"), "utf8")
    .split("\n")
    .slice(4)
    .filter(Boolean);

  it("leaves the seed's paragraphs exactly as they are", () => {
    for (const paragraph of seedParagraphs()) assert.equal(escapeMarkdown(paragraph), paragraph);
  });

  it("makes every hostile line render as the characters written", () => {
    assert.ok(hostile.length >= 14);
    for (const paragraph of hostile) {
      const rendered = renderBody(escapeMarkdown(paragraph));
      const text = rendered.text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
      const [block, ...more] = rendered.blocks;
      const html = block?.kind === "html" ? block.html : JSON.stringify(rendered.blocks);
      assert.equal(text, paragraph, `${paragraph} → ${html}`);
      assert.equal(more.length, 0, `${paragraph} is one block of text`);
      assert.match(html, /^<p>[^<]*<\/p>\n$/, `${paragraph} renders as one plain paragraph`);
    }
  });

  it("separates paragraphs with one blank line and ends with a newline", () => {
    assert.equal(bodyMarkdown(["One.", "Two."]), "One.\n\nTwo.\n");
  });
});

describe("front matter", () => {
  const date = DateTime.fromISO("2019-06-23T11:05:00+08:00", { setZone: true });
  const nasty = [
    'Minister: "We will not back down"',
    "# hashtag",
    "- dash",
    "[bracket",
    "{brace",
    "*star",
    "&anchor",
    "!tag",
    "%directive",
    "@at",
    "`tick",
    "yes",
    "null",
    "123",
    "a #comment",
    "trailing, comma,",
    "line\u2028separator",
    "tab\there",
    "'single'",
  ];

  it("writes every hostile string so YAML reads it back unchanged", () => {
    for (const value of nasty) {
      assert.deepEqual(parse(`v: ${yamlString(value)}`, { schema: "core" }), { v: value }, value);
      assert.deepEqual(parse(`v: ${yamlList([value, value])}`, { schema: "core" }), {
        v: [value, value],
      });
    }
  });

  it("writes plain text unquoted and always quotes the title and the video id", () => {
    assert.equal(yamlString("WASHINGTON/SEOUL"), "WASHINGTON/SEOUL");
    assert.equal(yamlList(["North Korea", "Kim Jong Un"]), "[North Korea, Kim Jong Un]");
    assert.equal(quoted("1234567890001"), '"1234567890001"');
    const text = frontMatter({
      title: "Plain title",
      date,
      section: "asia",
      video: { provider: "brightcove", id: "1", thumbnail: "t.jpg" },
    });
    assert.match(text, /^---\ntitle: "Plain title"\ndate: 2019-06-23T11:05:00\+08:00\n/);
    assert.match(text, /\n {2}id: "1"\n/);
  });

  it("writes fields in the contract's order, and every optional one as a comment in a template", () => {
    const text = frontMatter({ title: "T", date, section: "asia" }, { template: true });
    const keys = text
      .split("\n")
      .map((line) => /^(?:# )?([a-z]+):/.exec(line)?.[1])
      .filter(Boolean);
    assert.deepEqual(keys, [
      "title",
      "description",
      "date",
      "updated",
      "section",
      "tags",
      "dateline",
      "sources",
      "authors",
      "kind",
      "corrections",
      "image",
      "video",
      "draft",
    ]);
    const uncommented = text.replace(/^#.*\n/gm, "");
    assert.deepEqual(parse(uncommented.replace(/^---\n|---\n$/g, ""), { schema: "core" }), {
      title: "T",
      date: "2019-06-23T11:05:00+08:00",
      section: "asia",
    });
  });
});
