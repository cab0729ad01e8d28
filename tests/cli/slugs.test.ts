/**
 * The slugs the editors' tools make (article folders, author profiles) and the topic slugs the
 * build makes: the seed keeps every URL it has, and made slugs keep the guarantees that
 * docs/output.md ("Slugs") makes.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { profileSlug, slugFromHeadline } from "../../scripts/cli/wire/slug.ts";
import { SLUG_PATTERN } from "../../scripts/content/load-article.ts";
import { sectionPath, topicPath, topicSlug } from "../../scripts/site/urls.ts";
import { REPO_ROOT, SEED_SLUG } from "../helpers/fixture-site.ts";
import { SEED_FOLDER } from "./support.ts";

/** The seed's URLs as published before slugs came from a library: none may move. */
const SEED_URLS = [
  "/asia/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/",
  "/asia/",
  "/topics/north-korea/",
  "/topics/kim-jong-un/",
  "/topics/donald-trump/",
  "/topics/nuclear-talks/",
];

/** Headlines in many scripts and shapes, for the guarantees every made slug keeps. */
const HEADLINES = [
  "North Korea's Kim Jong Un receives personal letter from Trump, KCNA says",
  "Zürich café owners fear ‘Brexit’ fallout",
  "Straße in Łódź: Œuvre of the year",
  "Путин встретился с Си",
  "Україна: їжа",
  "Αθήνα: νέα μέτρα",
  "Thủ tướng Việt Nam thăm Nhật Bản",
  "مرحبا بالعالم",
  "Tokyo 東京 talks — day 2",
  "iPhone sales & McDonald's -- up 5%",
  "  --Leading and trailing punctuation!!  ",
  "word ".repeat(40),
];

describe("the seed's URLs", () => {
  const front = parse(
    readFileSync(path.join(SEED_FOLDER, "index.md"), "utf8").split("---\n")[1] ?? "",
  ) as { title: string; section: string; tags: string[] };
  const site = parse(readFileSync(path.join(REPO_ROOT, "content/_data/site.yaml"), "utf8")) as {
    language: string;
  };

  it("are the ones the slug functions make from its front matter", () => {
    const article = slugFromHeadline(front.title, site.language);
    assert.equal(article.kind, "transliterated");
    assert.equal(article.slug, SEED_SLUG, "npm run import names the seed's folder as shipped");
    const made = [
      `${sectionPath(front.section)}${article.slug}/`,
      sectionPath(front.section),
      ...front.tags.map(topicPath),
    ];
    assert.deepEqual(made, SEED_URLS);
  });
});

describe("topicSlug", () => {
  it("keeps a tag's letters in every script, so a Chinese tag gets a readable topic URL", () => {
    assert.equal(topicSlug("中美关系"), "中美关系");
    assert.equal(topicSlug("Café Society"), "cafe-society");
    assert.equal(slugFromHeadline("中美关系").kind, "fallback", "where an article slug cannot");
  });

  it("gives C, C++ and C# pages of their own, and merges only spellings of one tag", () => {
    assert.deepEqual(["C", "C++", "C#", "F#", "LGBTQ+"].map(topicSlug), [
      "c",
      "c-plus-plus",
      "c-sharp",
      "f-sharp",
      "lgbtq-plus",
    ]);
    assert.equal(topicSlug("North Korea"), topicSlug("north-korea"));
    assert.equal(topicSlug("Tax + spending"), "tax-spending");
  });
});

describe("slugFromHeadline", () => {
  it("keeps the documented guarantees: ASCII, lowercase, single hyphens, at most 80 characters", () => {
    for (const headline of HEADLINES) {
      const { slug } = slugFromHeadline(headline);
      assert.match(slug, SLUG_PATTERN, headline);
      assert.ok(slug.length <= 80, `${slug} is ${slug.length} characters`);
    }
  });

  it("drops apostrophes, strips accents and transliterates other scripts", () => {
    assert.equal(
      slugFromHeadline("Zürich café owners fear ‘Brexit’ fallout").slug,
      "zuerich-cafe-owners-fear-brexit-fallout",
    );
    assert.equal(slugFromHeadline("Straße in Łódź").slug, "strasse-in-lodz");
    assert.equal(slugFromHeadline("Путин встретился с Си").slug, "putin-vstretilsya-s-si");
    assert.equal(slugFromHeadline("Αθήνα: νέα μέτρα").slug, "athina-nea-metra");
    assert.equal(slugFromHeadline("O’Neil’s iPhone & 5G").slug, "oneils-iphone-and-5g");
  });

  it("spells letters the way the site's language does", () => {
    assert.equal(slugFromHeadline("Räksmörgås", "de-CH").slug, "raeksmoergas");
    assert.equal(slugFromHeadline("Räksmörgås", "sv").slug, "raksmorgas");
  });

  it("names the letters it had to leave out, as written", () => {
    assert.deepEqual(slugFromHeadline("東京で会談 for Japan and Korea"), {
      kind: "partial",
      slug: "for-japan-and-korea",
      dropped: "東京で会談",
    });
  });

  it("falls back to article-<hash> for a headline it cannot spell in ASCII, the same every time", () => {
    const made = slugFromHeadline("中美恢复贸易谈判");
    assert.equal(made.kind, "fallback");
    assert.match(made.slug, /^article-[0-9a-f]{8}$/);
    assert.equal(slugFromHeadline("中美恢复贸易谈判").slug, made.slug);
    assert.notEqual(slugFromHeadline("中美贸易谈判破裂").slug, made.slug);
    assert.equal(slugFromHeadline("日本 Japan").kind, "partial", "mostly ASCII is not a fallback");
    assert.equal(
      slugFromHeadline("日本の首相が訪問 Japan").kind,
      "fallback",
      "mostly not ASCII is",
    );
  });

  it("keeps a long slug under 80 characters without breaking a word", () => {
    const slug = slugFromHeadline("word ".repeat(40)).slug;
    assert.ok(slug.length <= 80);
    assert.match(slug, /^(word-)*word$/);
  });
});

describe("profileSlug", () => {
  it("makes an author profile's file name from a byline name by the article rules", () => {
    assert.equal(profileSlug("Jane Tan").slug, "jane-tan");
    assert.equal(profileSlug("Nguyễn Thị Minh").slug, "nguyen-thi-minh");
    assert.equal(profileSlug("Søren O'Neil").slug, "soren-oneil");
    assert.equal(profileSlug("Zoë Müller", "de").slug, "zoe-mueller");
  });

  it("falls back to author-<hash> for a name with no ASCII spelling", () => {
    const made = profileSlug("习近平");
    assert.equal(made.kind, "fallback");
    assert.match(made.slug, /^author-[0-9a-f]{8}$/);
    assert.match(made.slug, SLUG_PATTERN);
  });
});
