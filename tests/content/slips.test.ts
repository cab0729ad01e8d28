/**
 * Slips caught at their line, and fixes built from what the editor wrote (CONTENT.md, "The
 * body" and the field rules): embed addresses a typing slip from a provider's or with an id the
 * build cannot read, the `Caption:` line under an embed, a date without an offset (given the
 * site zone's offset on that day, summer time included), a section written as its name, a file
 * name in the wrong case or misspelt, a time zone with a typo, a `{name: ...}` byline.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BodyBlock } from "../../scripts/content/body/blocks.ts";
import { embedSlip } from "../../scripts/content/body/embed-slips.ts";
import { loadProfiles } from "../../scripts/content/load-author.ts";
import { isTypingSlip } from "../../scripts/content/suggest.ts";
import { dateFix } from "../../scripts/content/value-fixes.ts";
import { articleSource } from "../helpers/fixture-site.ts";
import { writeAuthorFile, writeProfile } from "../helpers/profiles.ts";
import {
  articlePath,
  expectInvalid,
  expectIssue,
  expectValid,
  load,
  loadFields,
  loadOne,
  SITE_YAML,
  withSite,
} from "./support.ts";

const SLUG = "floods";
const FILE = articlePath(SLUG);

/** Loads one article whose body is `body`, its files beside it. */
function loadBody(body: string, files: readonly string[] = []) {
  return withSite((site) => {
    for (const name of files) site.file(SLUG, name, "stand-in bytes");
    return loadOne(site, SLUG, articleSource({}, body));
  });
}

function blocks(body: string): readonly BodyBlock[] {
  return expectValid(loadBody(body)).articles[0]?.body ?? [];
}

describe("an embed address with a slip in it", () => {
  // Written on line 9 of index.md: the front matter takes lines 1 to 5, the text 7.
  const cases: [string, string, RegExp, RegExp][] = [
    [
      "a host a letter short",
      "https://www.youtub.com/watch?v=dQw4w9WgXcQ",
      /is on youtub\.com, a typing slip away from YouTube's youtube\.com, so it would be published as a bare link/,
      /^Did you mean https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\?/,
    ],
    [
      "a domain a letter short",
      "https://vimeo.co/76979871",
      /vimeo\.co, a typing slip away from Vimeo's vimeo\.com/,
      /^Did you mean https:\/\/vimeo\.com\/76979871\?/,
    ],
    [
      "a mistyped top-level domain",
      "https://www.instagram.con/p/C1a2b3c4d5/",
      /instagram\.con, a typing slip away from Instagram's instagram\.com/,
      /^Did you mean https:\/\/www\.instagram\.com\/p\/C1a2b3c4d5\/\?/,
    ],
    [
      "two letters swapped",
      "https://open.sptoify.com/track/4uLU6hMCjMI75M1A2tKUQC",
      /open\.sptoify\.com, a typing slip away from Spotify's open\.spotify\.com/,
      /^Did you mean https:\/\/open\.spotify\.com\/track\/4uLU6hMCjMI75M1A2tKUQC\?/,
    ],
    [
      "a YouTube id one character short",
      "https://www.youtube.com/watch?v=dQw4w9WgXc",
      /names the YouTube video "dQw4w9WgXc", which is 10 characters long: YouTube's ids are 11/,
      /^Write the address as https:\/\/www\.youtube\.com\/watch\?v= followed by the 11-character id/,
    ],
    [
      "a short link with a long id",
      "https://youtu.be/dQw4w9WgXcQQ",
      /"dQw4w9WgXcQQ", which is 12 characters long/,
      /11-character id/,
    ],
    [
      "a post number with letters",
      "https://x.com/Reuters/status/12345abc",
      /names the post "12345abc": a post's number is digits only/,
      /^Write the address as https:\/\/x\.com\/<account>\/status\//,
    ],
  ];
  for (const [name, url, message, fix] of cases) {
    it(`${name}: an error at its line, with the intended address and the plain-link escape`, () => {
      const issue = expectIssue(loadBody(`Text.\n\n${url}`), {
        file: FILE,
        line: 9,
        message: [`The URL on line 9 (${url})`, message],
        fix: [fix, "To publish it as a plain link instead, write it as a Markdown link: ["],
      });
      assert.ok(issue.fix.includes(`](${url}).`), issue.fix);
    });
  }

  it("is not reported when written as a Markdown link, which stays a link", () => {
    const body = blocks("Text.\n\n[The interview](https://www.youtub.com/watch?v=dQw4w9WgXcQ)");
    assert.deepEqual(
      body.map((block) => block.kind),
      ["html"],
    );
  });

  it("stands alone even typed right under a line of text", () => {
    expectIssue(loadBody("Text.\nhttps://www.youtub.com/watch?v=dQw4w9WgXcQ"), {
      file: FILE,
      line: 8,
      message: ["youtub.com"],
    });
  });

  it("leaves other sites and a provider's other pages alone", () => {
    for (const url of [
      "https://video.com/watch?v=dQw4w9WgXcQ",
      "https://www.youtube.de/",
      "https://www.youtube.com/@Reuters",
      "https://vimeo.com/channels/staffpicks",
      "https://x.com/Reuters",
      "https://x.co/abc",
      "https://www.instagram.com/reuters/",
      "https://open.spotify.com/user/spotify",
      "https://www.bmkg.go.id/cuaca/",
    ]) {
      assert.equal(embedSlip(url), undefined, url);
    }
    assert.deepEqual(
      blocks("Text.\n\nhttps://www.youtube.com/@Reuters").map((block) => block.kind),
      ["html"],
    );
  });
});

describe("Caption: under an embed", () => {
  it("is the embed's caption, as plain text, and not a paragraph", () => {
    const body = blocks(
      'Text.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\nCaption: Residents describe "the night" the *river* rose.\n\nMore text.',
    );
    const embed = body.find((block) => block.kind === "embed");
    assert.equal(
      embed?.kind === "embed" ? embed.caption : undefined,
      "Residents describe “the night” the river rose.",
    );
    const html = body.map((block) => (block.kind === "html" ? block.html : "")).join("");
    assert.doesNotMatch(html, /Caption|Residents/);
  });

  it("is an error when empty, at its line", () => {
    expectIssue(loadBody("Text.\n\nhttps://vimeo.com/76979871\nCaption:   "), {
      file: FILE,
      line: 10,
      message: ["The caption on line 10 is empty."],
      fix: ["Caption: ", "or remove the line"],
    });
  });

  it("under a plain link stays text", () => {
    const body = blocks("Text.\n\nhttps://www.bmkg.go.id/cuaca/\nCaption: The forecast.");
    assert.match(
      body.map((block) => (block.kind === "html" ? block.html : "")).join(""),
      /Caption: The forecast\./,
    );
  });
});

describe("a date without an offset", () => {
  it("is given back with the site zone's offset, at that wall-clock time", () => {
    const { result, file } = loadFields({ date: "2019-06-23T11:05:00" });
    expectIssue(result, {
      file,
      field: "date",
      line: 3,
      message: ['"2019-06-23T11:05:00" has no UTC offset'],
      fix: [
        "Write it with the UTC offset Asia/Singapore has on that day: date: 2019-06-23T11:05:00+08:00",
      ],
    });
  });

  it("takes summer time into account, in a zone that has it", () => {
    assert.match(
      dateFix("date", "2026-07-01T09:30", "Europe/London") ?? "",
      /date: 2026-07-01T09:30:00\+01:00/,
    );
    assert.match(
      dateFix("date", "2026-01-15 09:30", "Europe/London") ?? "",
      /date: 2026-01-15T09:30:00\+00:00/,
    );
    assert.match(
      dateFix("updated", "2026-03-08T12:00:00", "America/New_York") ?? "",
      /updated: 2026-03-08T12:00:00-04:00/,
    );
  });

  it("in a site set to another zone, is given that zone's offset", () => {
    withSite((site) => {
      site.siteConfig(SITE_YAML.replace("timeZone: Asia/Singapore", "timeZone: Europe/London"));
      site.article(SLUG, articleSource({ date: "2026-07-01 09:30" }));
      expectIssue(load(site), {
        file: FILE,
        field: "date",
        fix: ["Europe/London", "date: 2026-07-01T09:30:00+01:00"],
      });
    });
  });

  it("with no time, and in a correction, is given a whole value to write", () => {
    const { result, file } = loadFields({
      corrections: "\n  - date: 2024-03-02\n    text: Fixed.",
    });
    expectIssue(result, {
      file,
      field: "corrections.0.date",
      fix: ["date: 2024-03-02T00:00:00+08:00 for midnight"],
    });
  });
});

describe("a section written as its name", () => {
  for (const written of ["Asia", "ASIA", "asai"]) {
    it(`section: ${written} suggests section: asia`, () => {
      const { result, file } = loadFields({ section: written });
      expectIssue(result, {
        file,
        field: "section",
        line: 4,
        message: [`"${written}" is not a section of this site`],
        fix: ["Did you mean section: asia?"],
      });
    });
  }
});

describe("a file name in the wrong case or misspelt", () => {
  it("image.src: Street.JPG beside street.jpg names street.jpg", () => {
    const result = withSite((site) => {
      site.file(SLUG, "street.jpg", "stand-in bytes");
      return loadOne(site, SLUG, articleSource({ image: "\n  src: Street.JPG\n  alt: A street." }));
    });
    expectIssue(result, {
      file: FILE,
      field: "image.src",
      message: ["names Street.JPG, but there is no such file"],
      fix: [
        "There is street.jpg in content/articles/floods/: write src: street.jpg",
        "case-sensitive",
      ],
    });
  });

  it("a body photo misspelt names the file that is there", () => {
    expectIssue(loadBody("Text.\n\n![A street](stret.jpg)", ["street.jpg"]), {
      file: FILE,
      line: 9,
      fix: [
        "There is street.jpg in content/articles/floods/: write ![...](street.jpg)",
        "spelling",
      ],
    });
  });

  it("with no file close to it, says where to put it", () => {
    expectIssue(loadBody("Text.\n\n![A street](harbour.jpg)", ["street.jpg"]), {
      file: FILE,
      line: 9,
      fix: ["Put harbour.jpg in content/articles/floods/"],
    });
  });

  it("a profile's photo in the wrong case names the file that is there", () => {
    withSite((site) => {
      writeProfile(site.root, "tan-hui-yee", "name: Tan Hui Yee\nphoto: Tan.JPG\n");
      writeAuthorFile(site.root, "tan.jpg", "stand-in bytes");
      const issues = loadProfiles(site.root).issues;
      assert.match(
        issues[0]?.fix ?? "",
        /There is tan\.jpg in content\/authors\/: write photo: tan\.jpg/,
      );
    });
  });
});

describe("the site configuration", () => {
  it("a time zone with a typo suggests the zone", () => {
    withSite((site) => {
      site.siteConfig(SITE_YAML.replace("timeZone: Asia/Singapore", "timeZone: Asia/Singapor"));
      expectIssue(load(site), {
        file: "content/_data/site.yaml",
        field: "timeZone",
        fix: ["Did you mean timeZone: Asia/Singapore?"],
      });
    });
  });
});

describe("authors entries", () => {
  it("{name: ...} loads as a name shown as written", () => {
    const { result } = loadFields({ authors: "[tan-hui-yee, {name: Tan Hui Yi}]" });
    assert.deepEqual(expectValid(result).articles[0]?.authors, [
      "tan-hui-yee",
      { name: "Tan Hui Yi" },
    ]);
  });

  it("a group that is not {name: ...} is refused, naming the three forms", () => {
    const { result, file } = loadFields({ authors: "[{nme: Tan Hui Yi}]" });
    const issues = expectInvalid(result);
    assert.ok(
      issues.some(
        (issue) =>
          issue.file === file &&
          issue.field?.startsWith("authors.0") === true &&
          /nme|name/.test(`${issue.message} ${issue.fix}`),
      ),
      JSON.stringify(issues, null, 2),
    );
  });

  it("a typing slip is one letter, two in long names; case and spacing count as none", () => {
    assert.equal(isTypingSlip("Tan Hui Ye", "Tan Hui Yee"), true);
    assert.equal(isTypingSlip("Tna Hui Yee", "Tan Hui Yee"), true);
    assert.equal(isTypingSlip("tan  hui yee", "Tan Hui Yee"), true);
    assert.equal(isTypingSlip("Tan Hui Ling", "Tan Hui Yee"), false);
    assert.equal(isTypingSlip("Jane Tan", "Jane Tan"), false);
    assert.equal(isTypingSlip("Li Wen", "Al Wen"), false);
  });
});
