/**
 * The body beyond plain Markdown (CONTENT.md, "Photos in the body" and "Galleries, pull quotes
 * and embeds"): what each kind of block becomes, and every mistake an editor can make with one,
 * reported at its line of index.md with the fix, all in one run. Hostile text stays text.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BodyBlock, Embed } from "../../scripts/content/body/blocks.ts";
import { recognizeUrl } from "../../scripts/content/body/embed-url.ts";
import type { Checked } from "../../scripts/content/issues.ts";
import type { SiteContent } from "../../scripts/content/load.ts";
import type { Article } from "../../scripts/content/model.ts";
import { articleSource } from "../helpers/fixture-site.ts";
import {
  articlePath,
  bodyHtml,
  expectInvalid,
  expectIssue,
  expectValid,
  lineOf,
  loadOne,
  withSite,
} from "./support.ts";

const SLUG = "floods";
const FILE = articlePath(SLUG);

/** Loads one article with `body`, its photo files beside it (placeholders: loading checks names). */
function loadBody(body: string, files: readonly string[] = []): Checked<SiteContent> {
  return withSite((site) => {
    for (const name of files) site.file(SLUG, name, "stand-in bytes");
    return loadOne(site, SLUG, articleSource({}, body));
  });
}

function blocksOf(body: string, files: readonly string[] = []): readonly BodyBlock[] {
  const [article] = expectValid(loadBody(body, files)).articles;
  return (article as Article).body;
}

/** The 1-based line of index.md holding `fragment`, for an article with `body`. */
function lineIn(body: string, fragment: string): number {
  return lineOf(articleSource({}, body), fragment);
}

const FULL = `SEOUL - Rescue workers waded in on Monday.

![Rescue workers carry a resident through waist-deep water](rescue.jpg "Rescue workers in East Jakarta on Monday. PHOTO: REUTERS")

![A map of the flooded districts](map.png)

::: gallery
![Sandbags along the river](sandbags.jpg "Sandbags along the Ciliwung river. PHOTO: AFP")

![A flooded street](street.webp "Kampung Melayu on Monday.")
:::

::: pullquote Prof Koh Yu-hwan, Dongguk University
China holds the key to what "North Korea" wants the most.
:::

https://www.youtube.com/watch?v=dQw4w9WgXcQ
https://example.com/report

The water is expected to recede by Thursday.
`;

describe("a body with every kind of block", () => {
  const files = ["rescue.jpg", "map.png", "sandbags.jpg", "street.webp"];
  const blocks = blocksOf(FULL, files);

  it("becomes text, photo, photo, gallery, pull quote, embed and text, in reading order", () => {
    assert.deepEqual(
      blocks.map((block) => block.kind),
      ["html", "photo", "photo", "gallery", "pullquote", "embed", "html"],
    );
  });

  it("splits a photo's title into its caption and its credit, and keeps the line", () => {
    const photo = blocks[1];
    assert.ok(photo?.kind === "photo");
    assert.deepEqual(photo.photo, {
      index: 0,
      src: "rescue.jpg",
      alt: "Rescue workers carry a resident through waist-deep water",
      caption: "Rescue workers in East Jakarta on Monday.",
      credit: { label: "PHOTO", name: "REUTERS" },
      line: lineIn(FULL, "](rescue.jpg"),
    });
    const plain = blocks[2];
    assert.ok(plain?.kind === "photo");
    assert.equal(plain.photo.caption, undefined, "no title, no caption");
    assert.equal(plain.photo.credit, undefined);
  });

  it("numbers gallery photos after the photos before them, blank lines between them allowed", () => {
    const gallery = blocks[3];
    assert.ok(gallery?.kind === "gallery");
    assert.deepEqual(
      gallery.photos.map((photo) => [photo.index, photo.src, photo.credit?.name]),
      [
        [2, "sandbags.jpg", "AFP"],
        [3, "street.webp", undefined],
      ],
    );
  });

  it("keeps a pull quote as plain text with curled quotes, and its attribution", () => {
    assert.deepEqual(blocks[4], {
      kind: "pullquote",
      text: "China holds the key to what “North Korea” wants the most.",
      attribution: "Prof Koh Yu-hwan, Dongguk University",
    });
  });

  it("makes an embed of a provider's URL and a plain link of any other site's", () => {
    assert.deepEqual(blocks[5], {
      kind: "embed",
      embed: { provider: "youtube", kind: "video", id: "dQw4w9WgXcQ" },
    });
    const after = blocks[6];
    assert.ok(after?.kind === "html");
    assert.match(
      after.html,
      /^<p><a href="https:\/\/example\.com\/report">https:\/\/example\.com\/report<\/a><\/p>/,
    );
  });

  it("opens the first paragraph of text with the dateline, whatever comes first", () => {
    const body = `![A desk](desk.jpg)\n\nKim read the letter.`;
    const article = withSite((site) => {
      site.file(SLUG, "desk.jpg", "x");
      return expectValid(
        loadOne(site, SLUG, articleSource({ dateline: "SEOUL", sources: "[AFP]" }, body)),
      ).articles[0];
    });
    assert.match(bodyHtml(article), /^<p><span class="dateline">SEOUL \(AFP\) -<\/span> Kim/);
    assert.equal(article?.description, "Kim read the letter.", "the standfirst skips the photo");
  });

  it("lists the photos and embed providers on the card, for the build to plan", () => {
    const [article] = expectValid(loadBody(FULL, files)).articles;
    assert.deepEqual(article?.bodyMedia, {
      photos: [
        { src: "rescue.jpg", credit: "REUTERS", line: lineIn(FULL, "](rescue.jpg") },
        { src: "map.png", line: lineIn(FULL, "](map.png") },
        { src: "sandbags.jpg", credit: "AFP", line: lineIn(FULL, "](sandbags.jpg") },
        { src: "street.webp", line: lineIn(FULL, "](street.webp") },
      ],
      embeds: ["youtube"],
    });
  });
});

describe("what stays as it was", () => {
  it("a URL inside a sentence, a list or a quote stays text; a link to another site alone is a link", () => {
    const html = bodyHtml(
      expectValid(
        loadBody(
          "See https://www.youtube.com/watch?v=dQw4w9WgXcQ now.\n\n- https://youtu.be/dQw4w9WgXcQ\n\n> https://x.com/a/status/1",
        ),
      ).articles[0],
    );
    assert.doesNotMatch(html, /<a /, html);
  });

  it("a provider's page that is not one post stays a link", () => {
    const blocks = blocksOf("https://www.youtube.com/@channel\n\nhttps://x.com/someone");
    assert.deepEqual(
      blocks.map((block) => block.kind),
      ["html"],
    );
  });

  it("an image name with spaces (<...>) and percent escapes is the file's real name", () => {
    const [block] = blocksOf('![A desk](<my desk.jpg> "PHOTO: ST")', ["my desk.jpg"]);
    assert.ok(block?.kind === "photo");
    assert.equal(block.photo.src, "my desk.jpg");
    assert.deepEqual(block.photo.credit, { label: "PHOTO", name: "ST" });
    assert.equal(block.photo.caption, undefined);
  });
});

describe("embeds are known from the URL alone", () => {
  const cases: [string, Embed][] = [
    [
      "https://youtu.be/dQw4w9WgXcQ?t=1m30s",
      { provider: "youtube", kind: "video", id: "dQw4w9WgXcQ", start: 90 },
    ],
    [
      "https://m.youtube.com/shorts/dQw4w9WgXcQ",
      { provider: "youtube", kind: "short", id: "dQw4w9WgXcQ" },
    ],
    ["https://vimeo.com/76979871", { provider: "vimeo", kind: "video", id: "76979871" }],
    [
      "https://vimeo.com/76979871/8272103f6e",
      { provider: "vimeo", kind: "video", id: "76979871", hash: "8272103f6e" },
    ],
    [
      "https://twitter.com/Reuters/status/1136935213432147968?s=20",
      { provider: "x", kind: "post", id: "1136935213432147968", account: "Reuters" },
    ],
    [
      "https://x.com/i/web/status/1136935213432147968",
      { provider: "x", kind: "post", id: "1136935213432147968" },
    ],
    [
      "https://www.instagram.com/p/C3xYz_AbC12/",
      { provider: "instagram", kind: "post", id: "C3xYz_AbC12" },
    ],
    [
      "https://www.instagram.com/reel/C3xYz_AbC12/?igsh=x",
      { provider: "instagram", kind: "reel", id: "C3xYz_AbC12" },
    ],
    [
      "https://www.tiktok.com/@scout2015/video/6718335390845095173",
      { provider: "tiktok", kind: "video", id: "6718335390845095173", account: "scout2015" },
    ],
    [
      "https://open.spotify.com/intl-de/album/4aawyAB9vmqN3uQ7FjRGTy?si=abc",
      { provider: "spotify", kind: "album", id: "4aawyAB9vmqN3uQ7FjRGTy" },
    ],
  ];
  for (const [url, embed] of cases) {
    it(url, () => assert.deepEqual(recognizeUrl(url), { kind: "embed", embed }));
  }
  it("refuses look-alikes: another host, a bad id, credentials, another scheme", () => {
    for (const url of [
      "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
      "https://www.youtube.com/watch?v=short",
      "https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ",
      "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://x.com/a/status/12ab",
      "https://open.spotify.com/track/tooShort",
    ]) {
      assert.equal(recognizeUrl(url).kind, "link", url);
    }
  });
});

describe("every mistake, at its line, with the fix, in one run", () => {
  const BAD = `Text first.

![](empty-alt.jpg)

![A missing file](missing.jpg)

![A photo on another site](https://cdn.example.com/photo.jpg)

See this ![A desk](desk.jpg) in the text.

![One photo](desk.jpg)
![Another photo](desk.jpg)

::: slideshow
![A desk](desk.jpg)
:::

::: gallery
:::

::: gallery
![A desk](desk.jpg)
:::

::: gallery
![A desk](desk.jpg)
Some words.
![A desk again](desk.jpg)
:::

::: pullquote Someone
:::

https://vm.tiktok.com/ZMabcdef/

> ![A quoted photo](desk.jpg)

::: pullquote
Never closed.
`;
  const issues = expectInvalid(loadBody(BAD, ["desk.jpg"]));
  const at = (fragment: string) => lineIn(BAD, fragment);
  const cases: [string, number, string[], string[]][] = [
    ["empty alt", at("](empty-alt.jpg)"), ["no alt text"], ["describe what the photo shows"]],
    [
      "missing file",
      at("](missing.jpg)"),
      ["missing.jpg", "no such file"],
      ["names are case-sensitive"],
    ],
    ["remote image", at("](https://cdn"), ["another site"], ["beside index.md"]],
    ["photo with text", at("See this"), ["shares its paragraph with text"], ["line of its own"]],
    [
      "two photos in a paragraph",
      at("![One photo]"),
      ["lines", "share one paragraph"],
      ["::: gallery"],
    ],
    ["unknown block", at("::: slideshow"), ["slideshow", "not a block"], ["gallery"]],
    ["empty gallery", at("::: gallery\n:::"), ["holds no photos"], ["two or more"]],
    [
      "gallery of one",
      at("::: gallery\n![A desk](desk.jpg)\n:::"),
      ["holds one photo"],
      ["another photo"],
    ],
    [
      "text in a gallery",
      at("Some words."),
      ["not a photo"],
      ["only photos", "closing ::: line"].slice(1),
    ],
    ["empty pull quote", at("::: pullquote Someone"), ["pull quote", "empty"], ["::: pullquote"]],
    ["short link", at("https://vm.tiktok.com"), ["short link"], ["full address", "tiktok.com/@"]],
    ["photo in a quote", at("> ![A quoted"), ["inside a quote"], ["line of its own"]],
    ["unclosed block", at("::: pullquote\nNever"), ["never closed"], ["holding only :::"]],
  ];
  for (const [name, line, message, fix] of cases) {
    it(name, () => {
      expectIssue({ ok: false, issues }, { file: FILE, line, message, fix });
    });
  }
  it("and nothing else", () => {
    assert.equal(issues.length, cases.length, JSON.stringify(issues, null, 2));
  });
});

describe("a gallery with a mistake still has its photos' files looked for", () => {
  it("reports the stray line and the missing photo in one run", () => {
    const body =
      "Text first.\n\n::: gallery\n![A desk](desk.jpg)\n![Gone](nope.jpg)\nStray text\n:::\n";
    const result = loadBody(body, ["desk.jpg"]);
    expectIssue(result, { file: FILE, line: lineIn(body, "Stray text"), message: ["not a photo"] });
    expectIssue(result, { file: FILE, line: lineIn(body, "](nope.jpg)"), message: ["nope.jpg"] });
  });
  it("and a gallery of one photo whose file is missing", () => {
    const body = "Text first.\n\n::: gallery\n![Gone](nope.jpg)\n:::\n";
    const result = loadBody(body);
    expectIssue(result, { file: FILE, message: ["holds one photo"] });
    expectIssue(result, { file: FILE, line: lineIn(body, "](nope.jpg)"), message: ["nope.jpg"] });
  });
  it("and a gallery never closed, without judging the text after it as the gallery's", () => {
    const body =
      "Text first.\n\n::: gallery\n![A desk](desk.jpg)\n![Gone](nope.jpg)\n\nMore text.\n";
    const result = loadBody(body, ["desk.jpg"]);
    expectIssue(result, {
      file: FILE,
      line: lineIn(body, "::: gallery"),
      message: ["never closed"],
    });
    expectIssue(result, { file: FILE, line: lineIn(body, "](nope.jpg)"), message: ["nope.jpg"] });
    assert.ok(!result.ok && result.issues.length === 2, JSON.stringify(result));
  });
});

describe("a pull quote is plain text: what would be lost is a mistake", () => {
  const cases: [string, string, string][] = [
    ["a link", "Read [the report](https://example.com/report) now.", "the link's address"],
    ["a photo", "![A desk](desk.jpg)", "Move the photo"],
  ];
  for (const [name, quote, words] of cases) {
    it(`refuses ${name} inside it, at the quote's line`, () => {
      const body = `Text first.\n\n::: pullquote Someone\n${quote}\n:::\n`;
      const issue = expectIssue(loadBody(body, ["desk.jpg"]), {
        file: FILE,
        line: lineIn(body, quote),
        message: ["pull quote", name],
      });
      assert.ok(issue.message.includes(words) || issue.fix.includes(words), issue.message);
    });
  }
  it("keeps emphasised words, without their marks", () => {
    const [, quote] = blocksOf("Text first.\n\n::: pullquote\nIt was *very* late.\n:::\n");
    assert.ok(quote?.kind === "pullquote");
    assert.equal(quote.text, "It was very late.");
  });
});

describe("a front-matter mistake and the body's mistakes, in one run", () => {
  const BODY = `Text first.

![A missing file](missing.jpg)

https://youtub.com/watch?v=dQw4w9WgXcQ

::: factbox
Words.
:::
`;
  const source = articleSource({ section: "aisa", image: "{src: gone.jpg, alt: A desk}" }, BODY);
  const issues = expectInvalid(withSite((site) => loadOne(site, SLUG, source)));
  const at = (fragment: string) => lineOf(source, fragment);
  it("names the front matter's mistake", () => {
    expectIssue({ ok: false, issues }, { file: FILE, field: "section", message: ["aisa"] });
  });
  it("and the lead photo's missing file", () => {
    expectIssue({ ok: false, issues }, { file: FILE, field: "image.src", message: ["gone.jpg"] });
  });
  it("and every mistake in the body, at its line", () => {
    expectIssue(
      { ok: false, issues },
      { file: FILE, line: at("](missing.jpg)"), message: ["missing.jpg"] },
    );
    expectIssue(
      { ok: false, issues },
      { file: FILE, line: at("youtub.com"), message: ["youtub.com"] },
    );
    expectIssue(
      { ok: false, issues },
      { file: FILE, line: at("::: factbox"), message: ["factbox"] },
    );
  });
});

describe("hostile text in captions, attributions and URLs stays text", () => {
  it("keeps markup and quotes in a caption and an attribution as characters", () => {
    const body = `![x" onerror="alert(1)](desk.jpg "<script>alert(1)</script> PHOTO: <b>AFP</b>")

::: pullquote <img src=x onerror=alert(1)>
<script>alert(2)</script> and *stars*
:::`;
    const [photo, quote] = blocksOf(body, ["desk.jpg"]);
    assert.ok(photo?.kind === "photo" && quote?.kind === "pullquote");
    assert.equal(photo.photo.alt, 'x" onerror="alert(1)');
    assert.equal(photo.photo.caption, "<script>alert(1)</script>");
    assert.deepEqual(photo.photo.credit, { label: "PHOTO", name: "<b>AFP</b>" });
    assert.equal(quote.attribution, "<img src=x onerror=alert(1)>");
    assert.equal(quote.text, "<script>alert(2)</script> and stars");
  });

  it("never keeps a URL as typed: an embed is rebuilt from its validated parts", () => {
    const [block] = blocksOf('https://www.youtube.com/watch?v=dQw4w9WgXcQ&x="onload="alert(1)');
    assert.deepEqual(block, {
      kind: "embed",
      embed: { provider: "youtube", kind: "video", id: "dQw4w9WgXcQ" },
    });
    const [text] = blocksOf(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>alert(1)</script>',
    );
    assert.ok(text?.kind === "html");
    assert.doesNotMatch(text.html, /<script|<a /, text.html);
  });
});
