/**
 * The web editor's preview as a pure function (scripts/cms/preview/): the entry as the form
 * holds it, drawn by the site's own article page, with the editor's photo files standing in for
 * the sizes the build makes, and what the build would refuse listed above it. The same code runs
 * in the editor's browser (tests/cms/editor-browser.test.ts shows it there).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { load } from "cheerio";
import { DateTime } from "luxon";
import {
  type PreviewSettings,
  renderArticlePreview,
} from "../../scripts/cms/preview/article-preview.tsx";
import type { Site } from "../../scripts/content/model.ts";

const SITE: Site = {
  name: "The Broadsheet Times",
  origin: "https://www.broadsheet.example",
  pathPrefix: "/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [
    { slug: "asia", name: "Asia" },
    { slug: "world", name: "World" },
  ],
  brightcove: { accountId: "9876543210001", playerId: "default" },
  logo: { src: "logo.svg", alt: "The Broadsheet Times" },
  promotion: { text: "Join us." },
};

const SETTINGS: PreviewSettings = {
  site: SITE,
  logo: "/admin/logo.svg",
  profiles: [{ slug: "tan-hui-yee", name: "Tan Hui Yee", role: "Indonesia Bureau Chief" }],
};

const NOW = DateTime.fromISO("2026-12-07T10:00:00+08:00", { setZone: true });

const FILES: Record<string, { url: string; width: number; height: number }> = {
  "photo.jpg": { url: "blob:http://localhost/1111", width: 3000, height: 2000 },
  "street.jpg": { url: "blob:http://localhost/2222", width: 1000, height: 667 },
};

function preview(data: Record<string, unknown>) {
  const page = renderArticlePreview(data, SETTINGS, (src) => FILES[src], NOW);
  return { ...page, $: load(page.html) };
}

const ENTRY = {
  title: "Floodwaters rise in Jakarta",
  description: "Thousands moved to shelters.",
  date: "2026-12-07T09:30:00+08:00",
  section: "asia",
  dateline: "JAKARTA",
  sources: ["Reuters"],
  authors: ["tan-hui-yee", { name: "Tan Hui Yi" }],
  image: { src: "photo.jpg", alt: "Rescue workers wade through water.", credit: "AFP" },
  body: 'Floodwaters rose on Monday.\n\n![A flooded street](street.jpg "Kampung Melayu. PHOTO: AFP")\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\nCaption: Residents describe the night.',
};

describe("the article preview", () => {
  it("is the site's article page: masthead, breadcrumbs, headline, standfirst, byline, time", () => {
    const { $, problems } = preview(ENTRY);
    assert.deepEqual(problems, []);
    assert.equal($("header .masthead, .site-header").length > 0, true, "the site's masthead");
    assert.equal($("article.story h1").text(), "Floodwaters rise in Jakarta");
    assert.equal($(".standfirst").text(), "Thousands moved to shelters.");
    assert.equal(
      $(".byline").text().replace(/\s+/g, " ").trim(),
      "By Tan Hui Yee (Indonesia Bureau Chief) and Tan Hui Yi",
    );
    assert.equal($(".byline a").attr("href"), "/authors/tan-hui-yee/");
    assert.equal($("time").first().attr("datetime"), "2026-12-07T09:30:00+08:00");
    assert.match($(".story-body p").first().text(), /^JAKARTA \(REUTERS\) - Floodwaters rose/);
  });

  it("shows the editor's photo files at their own size, and the body's media", () => {
    const { $, html } = preview(ENTRY);
    const lead = $(".lead-figure picture img");
    assert.equal(lead.attr("src"), "blob:http://localhost/1111");
    assert.equal([lead.attr("width"), lead.attr("height")].join("x"), "3000x2000");
    assert.equal(lead.attr("alt"), "Rescue workers wade through water.");
    assert.equal(
      $(".story-body figure picture img").first().attr("src"),
      "blob:http://localhost/2222",
    );
    assert.equal($(".embed-caption-text").text().trim(), "Residents describe the night.");
    assert.doesNotMatch(html, /__preview__|<source[^>]*srcset=""/, "no stand-in path is left");
    assert.equal($("script").length, 0, "the preview runs nothing");
  });

  it("lists what the build would refuse, and still draws what there is", () => {
    const { $, problems } = preview({
      title: "",
      date: "2026-12-07T09:30:00",
      body: "Text.\n\nhttps://www.youtub.com/watch?v=dQw4w9WgXcQ",
    });
    assert.deepEqual(
      problems.map((problem) => problem.split(":")[0]),
      ["Headline", "Published", "Section", "Story, The URL on line 3 (https"],
    );
    assert.match(problems[1] ?? "", /has no UTC offset/);
    assert.match(
      problems[3] ?? "",
      /Did you mean https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\?/,
    );
    assert.equal($("article.story h1").text(), "Headline");
  });

  it("lists the rules between fields the build keeps: live-only end, dates in order, a signed opinion", () => {
    const { problems } = preview({
      ...ENTRY,
      kind: "opinion",
      authors: [],
      updated: "2026-12-06T09:30:00+08:00",
      ended: "2026-12-08T09:30:00+08:00",
      corrections: [{ date: "2026-12-01T09:30:00+08:00", text: "An earlier error." }],
    });
    assert.deepEqual(problems, [
      "Coverage ended: is only for live coverage, and this article is not kind: live.",
      "Updated: is before the first publication date.",
      "Correction 1, date: is before the article's first publication date.",
      "Authors: an opinion piece names at least one author; choose its author.",
    ]);
    // Fields the form leaves empty are not given: no problem for them.
    assert.deepEqual(preview({ ...ENTRY, ended: "", updated: null }).problems, []);
  });

  it("stands a grey box in for a photo the editor has not added yet", () => {
    const { $ } = preview({ ...ENTRY, image: { src: "missing.jpg", alt: "Not there yet." } });
    assert.match($(".lead-figure picture img").attr("src") ?? "", /^data:image\/svg\+xml;base64,/);
  });
});
