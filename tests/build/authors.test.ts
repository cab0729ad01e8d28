/**
 * Editorial standards as readers and machines meet them, on a built site: profiles and their
 * pages, bylines, every kind of article with its label and structured-data type, corrections on
 * the article and on the site's corrections pages and feed, sponsored pieces set apart. Then the
 * same site with bad profiles and articles: every problem reported, `_site/` untouched.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type CheerioAPI, load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { DateTime } from "luxon";
import { cardOf } from "../../scripts/content/card.ts";
import { searchRecord } from "../../scripts/engine/search-index.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, REPO_ROOT, SEED_SLUG } from "../helpers/fixture-site.ts";
import { writeAuthorFile, writeProfile } from "../helpers/profiles.ts";
import { snapshot } from "../helpers/site-snapshot.ts";
import { photo } from "../media/fixtures.ts";
import { parseXml } from "../site/support.ts";

type Node = Record<string, unknown>;
const ORIGIN = "https://news.example.com";
const site = createFixtureSite({ seed: true });
const read = (file: string) => readFileSync(path.join(site.root, "_site", file), "utf8");
const page = (file: string): CheerioAPI => load(read(file));

function graph(file: string): Node[] {
  const $ = page(file);
  return (JSON.parse($('script[type="application/ld+json"]').text()) as { "@graph": Node[] })[
    "@graph"
  ];
}

const correction = (date: string, text: string, type?: string) =>
  `\n  - date: ${date}\n    text: ${text}${type ? `\n    type: ${type}` : ""}`;

before(async () => {
  writeProfile(
    site.root,
    "tan-hui-yee",
    [
      "name: Tan Hui Yee",
      "role: Indonesia Bureau Chief",
      "bio: Tan Hui Yee has reported from Jakarta since 2016.",
      "photo: tan-hui-yee.jpg",
      "links: [https://x.com/example, https://www.example.org/tan]",
      "",
    ].join("\n"),
  );
  writeAuthorFile(site.root, "tan-hui-yee.jpg", await photo(600, 800, 7));
  writeProfile(site.root, "ali-hassan", "name: Ali Hassan\nrole: Correspondent\n");
  writeProfile(site.root, "unused-writer", "name: Una Used\n");
  const story = (slug: string, fields: Record<string, string>, body = `The ${slug} story.`) =>
    site.article(slug, articleSource({ section: "business", tags: "[Economy]", ...fields }, body));
  story("rates-held", {
    title: '"Rates held"',
    date: "2025-12-30T08:00:00+08:00",
    updated: "2025-12-30T09:00:00+08:00",
    authors: "[tan-hui-yee]",
    description: "The bank held rates.",
    corrections:
      correction("2025-12-30T10:00:00+08:00", "An earlier version misstated the rate.") +
      correction("2025-12-31T01:15:00Z", "The governor spoke on Monday.", "clarification"),
  });
  story("what-rates-mean", {
    title: '"What rates mean"',
    date: "2025-12-29T08:00:00+08:00",
    authors: "[tan-hui-yee, Ali Hassan, Jane Doe]",
    kind: "analysis",
  });
  story("hold-was-wrong", {
    title: '"The hold was wrong"',
    date: "2025-12-31T12:00:00+08:00",
    authors: "[Ali Hassan]",
    kind: "opinion",
  });
  story("a-new-cafe", {
    title: '"A new cafe"',
    date: "2025-12-28T08:00:00+08:00",
    authors: "[Jane Doe]",
    kind: "review",
  });
  story("how-rates-work", {
    title: '"How rates work"',
    date: "2025-11-20T08:00:00+08:00",
    sources: "[Reuters]",
    kind: "explainer",
    corrections: correction("2025-11-21T08:00:00+08:00", "A chart was mislabelled."),
  });
  story("a-banker-dies", {
    title: '"A banker dies"',
    date: "2025-12-26T08:00:00+08:00",
    authors: "[tan-hui-yee]",
    kind: "obituary",
  });
  story(
    "bank-with-us",
    { title: '"Bank with us"', date: "2025-12-31T10:00:00+08:00", kind: "sponsored" },
    "Open an account at [our bank](https://bank.example.com/).",
  );
  const run = runBuild(site.root, { SITE_URL: ORIGIN });
  assert.equal(run.status, 0, run.stderr);
});
after(() => site.remove());

describe("kinds", () => {
  it("label every piece but news near its headline, on cards and in archive rows", () => {
    const labels: Record<string, string> = {
      "business/rates-held/index.html": "",
      "business/what-rates-mean/index.html": "Analysis",
      "business/hold-was-wrong/index.html": "Opinion",
      "business/a-new-cafe/index.html": "Review",
      "business/how-rates-work/index.html": "Explainer",
      "business/a-banker-dies/index.html": "Obituary",
    };
    for (const [file, label] of Object.entries(labels)) {
      const $ = page(file);
      assert.equal($(".story-header .kind-label").text(), label, file);
      const card = page("business/index.html")(`a[href="/${file.replace("index.html", "")}"]`)
        .closest(".story-card")
        .find(".kind-label");
      assert.equal(card.text(), label, `the card of ${file}`);
    }
    const row = page("archive/business/2025/12/index.html")('a[href="/business/hold-was-wrong/"]');
    assert.equal(row.prev(".kind-label").text(), "Opinion");
  });

  it("are typed in structured data, agencies as organisations and never people", () => {
    const types: Record<string, string> = {
      "rates-held": "NewsArticle",
      "what-rates-mean": "AnalysisNewsArticle",
      "hold-was-wrong": "OpinionNewsArticle",
      "a-new-cafe": "ReviewNewsArticle",
      "how-rates-work": "BackgroundNewsArticle",
      "a-banker-dies": "NewsArticle",
      "bank-with-us": "AdvertiserContentArticle",
    };
    for (const [slug, type] of Object.entries(types)) {
      assert.equal(graph(`business/${slug}/index.html`)[0]?.["@type"], type, slug);
    }
    assert.deepEqual(graph("business/how-rates-work/index.html")[0]?.author, [
      { "@type": "Organization", name: "Reuters" },
    ]);
    assert.deepEqual(graph(`asia/${SEED_SLUG}/index.html`)[0]?.author, [
      { "@type": "Organization", name: "Bloomberg" },
      { "@type": "Organization", name: "Reuters" },
      { "@type": "Organization", name: "AFP" },
    ]);
  });

  it("set a sponsored piece apart: its notice, no newsroom byline, rel=sponsored, no News sitemap, no related", () => {
    const $ = page("business/bank-with-us/index.html");
    assert.match($(".sponsored-notice").text(), /Sponsored\s+Paid for by an advertiser/);
    assert.equal($(".byline").length, 0, "the newsroom is not credited");
    assert.equal(graph("business/bank-with-us/index.html")[0]?.author, undefined);
    assert.equal(
      $('[data-article-body] a[href="https://bank.example.com/"]').attr("rel"),
      "sponsored",
    );
    const card = page("business/index.html")('a[href="/business/bank-with-us/"]').closest(
      ".story-card",
    );
    assert.ok(card.hasClass("story-card-sponsored"));
    assert.equal(card.find(".kind-sponsored").text(), "Sponsored");
    const news = read("news-sitemap.xml");
    assert.match(news, /hold-was-wrong/, "a recent piece is listed");
    assert.doesNotMatch(news, /bank-with-us/, "the sponsored piece, as recent, is not");
    const related = page("business/hold-was-wrong/index.html")(".related a")
      .toArray()
      .map((link) => link.attribs.href);
    assert.ok(related.length > 0 && !related.includes("/business/bank-with-us/"), related.join());
    assert.match(read("feed.xml"), /<title type="text">Sponsored: Bank with us<\/title>/);
  });
});

describe("bylines", () => {
  it("link a profile, with its role and, for a single author, its photo", () => {
    const $ = page("business/rates-held/index.html");
    const link = $(".byline a");
    assert.equal(link.attr("href"), "/authors/tan-hui-yee/");
    assert.equal(link.text(), "Tan Hui Yee");
    assert.equal($(".byline-role").text(), "Indonesia Bureau Chief");
    const sources = $(".byline .author-photo source[type='image/avif']").attr("srcset") ?? "";
    assert.match(sources, /\/media\/tan-hui-yee-[0-9a-f]+-96\.avif 96w/);
    assert.ok(read(`${sources.split(" ")[0]?.slice(1)}`).length > 0, "the photo is published");
  });

  it("show several authors' names and roles, without photos; names without a profile as written", () => {
    const $ = page("business/what-rates-mean/index.html");
    assert.equal(
      $(".byline").text(),
      "By Tan Hui Yee (Indonesia Bureau Chief), Ali Hassan (Correspondent) and Jane Doe",
    );
    assert.deepEqual(
      $(".byline a")
        .toArray()
        .map((a) => a.attribs.href),
      ["/authors/tan-hui-yee/", "/authors/ali-hassan/"],
    );
    assert.equal($(".byline .author-photo").length, 0);
    assert.equal(page("business/a-new-cafe/index.html")(".byline").text(), "By Jane Doe");
  });

  it("are people in structured data: the profile page as url, its links as sameAs", () => {
    assert.deepEqual(graph("business/what-rates-mean/index.html")[0]?.author, [
      {
        "@type": "Person",
        "@id": `${ORIGIN}/authors/tan-hui-yee/#person`,
        name: "Tan Hui Yee",
        url: `${ORIGIN}/authors/tan-hui-yee/`,
        jobTitle: "Indonesia Bureau Chief",
        sameAs: ["https://x.com/example", "https://www.example.org/tan"],
      },
      {
        "@type": "Person",
        "@id": `${ORIGIN}/authors/ali-hassan/#person`,
        name: "Ali Hassan",
        url: `${ORIGIN}/authors/ali-hassan/`,
        jobTitle: "Correspondent",
      },
      { "@type": "Person", name: "Jane Doe" },
    ]);
  });
});

describe("author pages", () => {
  it("show the photo, name, role, bio and links, and the author's stories newest first", () => {
    const $ = page("authors/tan-hui-yee/index.html");
    assert.equal($("h1").text(), "Tan Hui Yee");
    assert.equal($(".profile-role").text(), "Indonesia Bureau Chief");
    assert.equal($(".profile-bio").text(), "Tan Hui Yee has reported from Jakarta since 2016.");
    assert.equal($(".profile .author-photo img[alt='Tan Hui Yee']").length, 1);
    assert.deepEqual(
      $(".profile-links a")
        .toArray()
        .map((a) => [a.attribs.href, $(a).text()]),
      [
        ["https://x.com/example", "x.com/example"],
        ["https://www.example.org/tan", "example.org/tan"],
      ],
    );
    assert.deepEqual(
      $(".story-card-title a")
        .toArray()
        .map((a) => a.attribs.href),
      ["/business/rates-held/", "/business/what-rates-mean/", "/business/a-banker-dies/"],
    );
    assert.deepEqual(
      $("link[rel=alternate]")
        .toArray()
        .map((link) => link.attribs.href)
        .filter((href) => href?.startsWith("/authors/")),
      [
        "/authors/tan-hui-yee/feed.xml",
        "/authors/tan-hui-yee/rss.xml",
        "/authors/tan-hui-yee/feed.json",
      ],
    );
  });

  it("are ProfilePages whose mainEntity is the Person", () => {
    const [profile] = graph("authors/tan-hui-yee/index.html");
    assert.equal(profile?.["@type"], "ProfilePage");
    const person = profile?.mainEntity as Node;
    assert.equal(person["@type"], "Person");
    assert.equal(person.name, "Tan Hui Yee");
    assert.equal(person.url, `${ORIGIN}/authors/tan-hui-yee/`);
    assert.deepEqual(person.sameAs, ["https://x.com/example", "https://www.example.org/tan"]);
    assert.match(
      String((person.image as Node).url),
      /^https:\/\/news\.example\.com\/media\/.*-1x1\.jpg$/,
    );
  });

  it("have feeds of the author's stories only, and an archive by month", () => {
    const atom = parseXml(read("authors/ali-hassan/feed.xml"));
    assert.deepEqual(
      atom("entry > id")
        .toArray()
        .map((id) => atom(id).text()),
      [`${ORIGIN}/business/hold-was-wrong/`, `${ORIGIN}/business/what-rates-mean/`],
    );
    const json = JSON.parse(read("authors/ali-hassan/feed.json")) as {
      items: { authors: { name: string; url?: string }[] }[];
    };
    assert.deepEqual(json.items[0]?.authors, [
      { name: "Ali Hassan", url: `${ORIGIN}/authors/ali-hassan/` },
    ]);
    assert.ok(read("archive/authors/tan-hui-yee/2025/12/index.html").includes("Rates held"));
  });

  it("exist for a profile no article names, and are listed on /authors/ and in the sitemap", () => {
    assert.match(
      page("authors/unused-writer/index.html")(".empty-listing").text(),
      /No stories yet/,
    );
    assert.deepEqual(
      page("authors/index.html")(".author-list a")
        .toArray()
        .map((a) => a.attribs.href),
      ["/authors/ali-hassan/", "/authors/tan-hui-yee/", "/authors/unused-writer/"],
    );
    const pages = read("sitemaps/pages.xml");
    for (const url of [
      "/authors/",
      "/authors/unused-writer/",
      "/authors/tan-hui-yee/",
      "/corrections/",
    ]) {
      assert.ok(pages.includes(`<loc>${ORIGIN}${url}</loc>`), url);
    }
    const headers = read("_headers");
    for (const rule of ["/authors/*", "/corrections/*"]) {
      assert.match(
        headers,
        new RegExp(
          `^${rule.replace("*", "\\*")}\\n  Cache-Control: public, max-age=0, must-revalidate`,
          "m",
        ),
      );
    }
  });
});

describe("corrections", () => {
  it("show a notice under the standfirst and each in full at the foot, in the site's zone", () => {
    const $ = page("business/rates-held/index.html");
    const notice = $(".standfirst + .correction-notice");
    assert.match(
      notice.text(),
      /corrected and clarified 2 times, most recently on 31 December 2025/,
    );
    assert.equal(notice.find("a").attr("href"), "#corrections");
    assert.deepEqual(
      $("#corrections li")
        .toArray()
        .map((li) => [
          li.attribs.id,
          $(li).find(".correction-meta").text(),
          $(li).find(".correction-text").text(),
        ]),
      [
        [
          "correction-1",
          "Correction 30 December 2025, 10:00 am SGT",
          "An earlier version misstated the rate.",
        ],
        [
          "correction-2",
          "Clarification 31 December 2025, 9:15 am SGT",
          "The governor spoke on Monday.",
        ],
      ],
    );
    assert.equal($("#corrections-heading").text(), "Corrections and clarifications");
  });

  it("date the article's last change in structured data, feeds and sitemaps, as CorrectionComments", () => {
    const [article] = graph("business/rates-held/index.html");
    assert.equal(article?.dateModified, "2025-12-31T09:15:00+08:00");
    assert.deepEqual(article?.correction, [
      {
        "@type": "CorrectionComment",
        text: "An earlier version misstated the rate.",
        datePublished: "2025-12-30T10:00:00+08:00",
      },
      {
        "@type": "CorrectionComment",
        text: "The governor spoke on Monday.",
        datePublished: "2025-12-31T09:15:00+08:00",
      },
    ]);
    const atom = parseXml(read("business/feed.xml"));
    const entry = atom("entry").filter((_, element) =>
      atom(element).find("id").text().endsWith("/rates-held/"),
    );
    assert.equal(entry.find("updated").text(), "2025-12-31T09:15:00+08:00");
    const sitemap = parseXml(read("sitemaps/articles-2025-12.xml"));
    const url = sitemap("url").filter((_, element) =>
      sitemap(element).find("loc").text().endsWith("/rates-held/"),
    );
    assert.equal(url.find("lastmod").text(), "2025-12-31T09:15:00+08:00");
  });

  it("are listed on /corrections/ newest first, linking to each, with a month archive and a feed", () => {
    const $ = page("corrections/index.html");
    assert.deepEqual(
      $(".correction-row")
        .toArray()
        .map((row) => [
          $(row).find(".correction-type").text(),
          $(row).find(".correction-article a").attr("href"),
        ]),
      [
        ["Clarification", "/business/rates-held/#correction-2"],
        ["Correction", "/business/rates-held/#correction-1"],
        ["Correction", "/business/how-rates-work/#correction-1"],
      ],
    );
    assert.equal($(".correction-row").last().find(".kind-label").text(), "Explainer");
    const index = page("archive/corrections/index.html");
    assert.deepEqual(
      index(".archive-months li")
        .toArray()
        .map((li) => index(li).text()),
      ["December 2025 (2 corrections)", "November 2025 (1 correction)"],
    );
    assert.equal(page("archive/corrections/2025/11/index.html")(".correction-row").length, 1);
    const feed = JSON.parse(read("corrections/feed.json")) as {
      items: { id: string; title: string }[];
    };
    assert.deepEqual(
      feed.items.map((item) => [item.id, item.title]),
      [
        [`${ORIGIN}/business/rates-held/#correction-2`, "Clarification: Rates held"],
        [`${ORIGIN}/business/rates-held/#correction-1`, "Correction: Rates held"],
        [`${ORIGIN}/business/how-rates-work/#correction-1`, "Correction: How rates work"],
      ],
    );
    parseXml(read("corrections/feed.xml"));
    parseXml(read("corrections/rss.xml"));
    assert.match(page("index.html")(".site-footer a[href='/corrections/']").text(), /Corrections/);
  });
});

describe("search", () => {
  it("indexes the byline as printed and labels a piece that is not news", () => {
    const card = cardOf({
      slug: "x",
      sourcePath: "content/articles/x/index.md",
      url: "/business/x/",
      title: "What rates mean",
      description: "About rates.",
      date: DateTime.fromISO("2025-12-29T08:00:00+08:00", { setZone: true }),
      section: { slug: "business", name: "Business" },
      tags: [],
      sources: [],
      authors: ["tan-hui-yee"],
      credit: { kind: "authors", names: ["tan-hui-yee"] },
      kind: "analysis",
      corrections: [],
      draft: false,
      bodyLinks: [],
    });
    const record = searchRecord(
      { card, body: [], bodyText: "Rates rose." },
      { language: "en-SG", timeZone: "Asia/Singapore" },
      ["Tan Hui Yee"],
    );
    // The body first, so the excerpt a result shows quotes it rather than the headline.
    assert.match(record.content, /^Rates rose\.\n\n/);
    assert.match(record.content, /\n\nWhat rates mean\n\nBy Tan Hui Yee(\n\n|$)/);
    assert.deepEqual(record.meta, {
      title: "What rates mean",
      kind: "Analysis",
      section: "Business",
      date: "29 December 2025",
      datetime: "2025-12-29T08:00:00+08:00",
    });
  });
});

describe("the new pages", () => {
  it("pass html-validate's recommended rules", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const file of [
      "business/rates-held/index.html",
      "business/what-rates-mean/index.html",
      "business/bank-with-us/index.html",
      "authors/tan-hui-yee/index.html",
      "authors/unused-writer/index.html",
      "authors/index.html",
      "corrections/index.html",
      "archive/corrections/index.html",
      "archive/corrections/2025/12/index.html",
      "archive/authors/tan-hui-yee/2025/12/index.html",
    ]) {
      const report = await validator.validateString(read(file), file, {
        extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
      });
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe("bad profiles and articles", () => {
  it("are all reported with file, field, line and fix, and leave _site/ untouched", async () => {
    const before = snapshot(site.root);
    writeProfile(site.root, "no-name", "role: Correspondent\n");
    writeProfile(site.root, "no-photo", "name: No Photo\nphoto: missing.jpg\n");
    writeProfile(site.root, "typo-field", "name: Typo Field\nrol: Editor\n");
    writeProfile(site.root, "plain-link", "name: Plain Link\nlinks: [http://example.com/plain]\n");
    writeProfile(site.root, "broken-photo", "name: Broken Photo\nphoto: broken.jpg\n");
    writeAuthorFile(site.root, "broken.jpg", "<!DOCTYPE html><html></html>");
    const bad = (slug: string, fields: Record<string, string>) =>
      site.article(slug, articleSource({ date: "2025-12-01T08:00:00+08:00", ...fields }));
    bad("unknown-author", { authors: "[tan-hui-ye]" });
    bad("unsigned-opinion", { kind: "opinion" });
    // Its profile is there but invalid: the profile's problem is the one reported.
    bad("names-a-broken-profile", { authors: "[no-name]" });
    bad("unknown-kind", { kind: "anaylsis" });
    bad("correction-without-text", { corrections: "\n  - date: 2025-12-02T08:00:00+08:00" });
    bad("correction-without-offset", { corrections: correction("2025-12-02T08:00:00", "Fixed.") });
    bad("correction-too-early", { corrections: correction("2025-11-02T08:00:00+08:00", "Fixed.") });
    bad("correction-unknown-type", {
      corrections: correction("2025-12-02T08:00:00+08:00", "Fixed.", "erratum"),
    });
    const run = runBuild(site.root, { SITE_URL: ORIGIN });
    assert.equal(run.status, 1, run.stdout);
    const expected: [string, RegExp][] = [
      ["content/authors/no-name.yaml:1 [name]", /name is required/],
      [
        "content/authors/no-photo.yaml:2:8 [photo]",
        /no such file[\s\S]*Fix: Put the photo in content\/authors\//,
      ],
      ["content/authors/typo-field.yaml:2:1 [rol]", /Did you mean "role"/],
      ["content/authors/plain-link.yaml:2:9 [links.0]", /must be an https address/],
      ["content/authors/broken-photo.yaml:2:8 [photo]", /HTML/],
      ["content/articles/unknown-author/index.md:5:11 [authors.0]", /Did you mean "tan-hui-yee"/],
      ["content/articles/unsigned-opinion/index.md:5:7 [authors]", /opinion must be signed/],
      ["content/articles/unknown-kind/index.md:5:7 [kind]", /did you mean "analysis"/],
      [
        "content/articles/correction-without-text/index.md:6 [corrections.0.text]",
        /text is required/,
      ],
      [
        "content/articles/correction-without-offset/index.md:6:11 [corrections.0.date]",
        /no UTC offset/,
      ],
      [
        "content/articles/correction-too-early/index.md:6:11 [corrections.0.date]",
        /before the article's first publication/,
      ],
      [
        "content/articles/correction-unknown-type/index.md:8:11 [corrections.0.type]",
        /did you mean "correction"|not a type of correction/,
      ],
    ];
    for (const [where, message] of expected) {
      const at = run.stderr.indexOf(where);
      assert.ok(at >= 0, `the report names ${where}:\n${run.stderr}`);
      const block = run.stderr.slice(at, run.stderr.indexOf("\n  ✖", at + 1) >>> 0);
      assert.match(block, message, where);
      assert.match(block, /Fix: \S/, `${where} says how to fix it`);
    }
    assert.doesNotMatch(run.stderr, /names-a-broken-profile/);
    assert.match(run.stderr, /12 problems in 12 files/);
    assert.deepEqual([...snapshot(site.root)], [...before], "_site/ is untouched");
  });
});
