import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { runBuild } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite, SEED_SLUG } from "../helpers/fixture-site.ts";
import { normaliseQuotes, seedParagraphs } from "../helpers/seed-text.ts";

const ARTICLE = `asia/${SEED_SLUG}/index.html`;

describe("the seed article, built end to end", () => {
  let site: FixtureSite;
  let $: ReturnType<typeof load>;

  before(() => {
    site = createFixtureSite({ seed: true });
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    $ = load(readFileSync(path.join(site.root, "_site", ARTICLE), "utf8"));
  });
  after(() => site.remove());

  it("is published at /<section>/<slug>/ with the headline as its only <h1>", () => {
    assert.equal($("h1").length, 1);
    // Word for word, its apostrophe curled for display (docs/output.md, "Type and typography").
    assert.equal(
      $("h1").text(),
      "North Korea\u2019s Kim Jong Un receives personal letter from Trump, KCNA says",
    );
    assert.match(
      $("title").text(),
      /^North Korea\u2019s Kim Jong Un receives personal letter from Trump, KCNA says \| /,
    );
    assert.equal($("html").attr("lang"), "en-SG");
  });

  it("shows all 20 body paragraphs word for word, in order", () => {
    const shown = $(".story-body > p")
      .toArray()
      .map((element) => normaliseQuotes($(element).text()));
    const expected = seedParagraphs();
    assert.equal(expected.length, 20);
    assert.equal(shown.length, 20);
    shown[0] = (shown[0] ?? "").replace("WASHINGTON/SEOUL (BLOOMBERG, REUTERS, AFP) - ", "");
    assert.deepEqual(shown, expected.map(normaliseQuotes));
  });

  it("opens the first paragraph with the dateline and the agencies in capitals", () => {
    const first = $(".story-body > p").first();
    assert.equal(first.find(".dateline").text(), "WASHINGTON/SEOUL (BLOOMBERG, REUTERS, AFP) -");
    assert.match(
      normaliseQuotes(first.text()),
      /^WASHINGTON\/SEOUL \(BLOOMBERG, REUTERS, AFP\) - North Korean leader/,
    );
  });

  it("dates the story 23 June 2019 in Singapore time, with the offset in datetime", () => {
    const time = $(".story-meta time").first();
    assert.equal(time.attr("datetime"), "2019-06-23T11:05:00+08:00");
    assert.equal(time.text(), "23 June 2019, 11:05 am SGT");
  });

  it("shows the photo with its caption and the credit apart from it", () => {
    const figure = $("figure.lead-figure");
    assert.equal(
      figure.find(".caption").text(),
      "North Korean leader Kim Jong Un reads a personal letter from US President Donald Trump.",
    );
    assert.equal(figure.find(".credit").text(), "PHOTO: AFP");
    assert.ok(figure.find("picture img").attr("alt"));
  });

  it("puts the video first, with its title and description, and a working player link", () => {
    const media = $(".story > figure");
    assert.ok(media.first().hasClass("video"), "the video comes before the photo");
    // The description, folded under a summary the reader opens (`<details>`).
    assert.equal($(".video-caption details summary").text(), "About this video");
    assert.equal(
      normaliseQuotes($(".video-caption details > p").text()),
      "US Secretary of State Mike Pompeo said on Sunday that he hopes a letter sent by President Donald Trump to North Korean leader Kim Jong Un can pave the way for new talks aimed at ending North Korea's nuclear programme.",
    );
    const play = $("a.video-play");
    assert.equal(
      play.attr("href"),
      "https://players.brightcove.net/9876543210001/default_default/index.html?videoId=1234567890001",
    );
    assert.match(
      play.text(),
      /Play video: Pompeo hopes Trump letter paves way for new talks with North Korea/,
    );
  });

  it("credits the agencies, links the section and topics, and closes with the site's promotion", () => {
    assert.equal($(".byline").text(), "Bloomberg, Reuters, AFP");
    assert.deepEqual(
      $(".breadcrumbs a")
        .toArray()
        .map((element) => $(element).attr("href")),
      ["/", "/asia/"],
    );
    assert.deepEqual(
      $(".tags a")
        .toArray()
        .map((element) => $(element).attr("href")),
      [
        "/topics/north-korea/",
        "/topics/kim-jong-un/",
        "/topics/donald-trump/",
        "/topics/nuclear-talks/",
      ],
    );
    assert.equal(
      normaliseQuotes($(".site-footer .promotion").text()),
      "Join ST's Telegram channel and get the latest breaking news delivered to you.",
    );
    assert.equal(
      $(".story-body").text().includes("Telegram"),
      false,
      "the promotion is not part of the body",
    );
  });

  it("lists the article on the home page and its section and topic pages", () => {
    for (const page of ["index.html", "asia/index.html", "topics/north-korea/index.html"]) {
      const listing = load(readFileSync(path.join(site.root, "_site", page), "utf8"));
      assert.equal(listing(`a[href="/asia/${SEED_SLUG}/"]`).length, 1, page);
    }
  });
});
