/**
 * Live coverage as readers, crawlers and hosts get it from a real build: the first page (summary,
 * key events, the pinned update, the stream newest first with times in the site's zone, bylines
 * and photos), the pages of older updates and every permanent link, the JSON open pages poll,
 * the LiveBlogPosting, the feeds' and sitemaps' dates, search, embargoed and draft updates left
 * out, an ended blog, and html-validate on every live page.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { type CheerioAPI, load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { syntheticPhoto } from "../../scripts/media/synthetic.ts";
import { listFiles } from "../../scripts/site/check-output.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
} from "../helpers/fixture-site.ts";
import {
  LIVE_PATH,
  LIVE_SLUG,
  LIVE_SUMMARY,
  liveFields,
  type UpdateOptions,
  updateName,
  updateSource,
  writeLiveBlog,
  writeUpdate,
} from "../helpers/live-blog.ts";
import { writeProfile } from "../helpers/profiles.ts";

const COUNT = 45;
const ENDED_SLUG = "typhoon-makes-landfall";

/** What each of the blog's 45 updates holds besides its number. */
function updateOptions(n: number): UpdateOptions {
  if (n === 3) return { pinned: true, title: "Where to find help" };
  if (n === 5) return { authors: ["tan-hui-yee"] };
  if (n === 10) return { authors: ["Jane Tan", "tan-hui-yee"] };
  if (n === 12) {
    return {
      body: 'Rescuers in Davao.\n\n![Rescuers carry a man on a stretcher](rescue.jpg "Rescuers on Wednesday. PHOTO: REUTERS")',
    };
  }
  if (n === 20) return { time: "2025-12-31T00:20:00Z" };
  if (n === 30) return { body: "The fault line.\n\n![A map of the fault line](map.jpg)" };
  if (n % 7 === 0) return { key: true, title: `Key moment ${n}` };
  return {};
}

function graphOf($: CheerioAPI): Record<string, unknown>[] {
  return (JSON.parse($('script[type="application/ld+json"]').text()) as { "@graph": [] })["@graph"];
}

describe("a live blog, built", () => {
  let site: FixtureSite;
  const file = (name: string) => path.join(site.root, "_site", name);
  const read = (name: string) => readFileSync(file(name), "utf8");
  const page = (urlPath: string) => load(read(`${urlPath.replace(/^\//, "")}index.html`));

  before(async () => {
    site = createFixtureSite({ seed: true });
    writeProfile(site.root, "tan-hui-yee", "name: Tan Hui Yee\nrole: Manila Correspondent\n");
    writeLiveBlog(site, COUNT, { update: updateOptions });
    site.file(LIVE_SLUG, "map.jpg", await syntheticPhoto({ width: 1200, height: 800, seed: 31 }));
    // The photo of update 12 is in live/, beside the updates.
    site.file(
      LIVE_SLUG,
      "live/rescue.jpg",
      await syntheticPhoto({ width: 1200, height: 800, seed: 32 }),
    );
    writeUpdate(
      site,
      "held-until-morning",
      updateSource(0, { time: "2026-01-01T10:00:00+08:00", body: "Embargoedword aftershock." }),
    );
    writeUpdate(site, "not-yet-checked", updateSource(50, { draft: true, body: "Draftword." }));
    // A blog whose coverage has ended.
    site.article(
      ENDED_SLUG,
      articleSource(
        liveFields({
          title: '"Typhoon makes landfall in Luzon: as it happened"',
          date: "2025-12-30T06:00:00+08:00",
          ended: "2025-12-30T20:00:00+08:00",
          tags: "[Typhoons]",
        }),
        "The typhoon made landfall overnight.",
      ),
    );
    for (let n = 1; n <= 3; n++) {
      writeUpdate(
        site,
        `t${n}`,
        updateSource(n, { time: `2025-12-30T0${6 + n}:00:00+08:00` }),
        ENDED_SLUG,
      );
    }
  });

  after(() => site?.remove());

  it("builds, reading every update", () => {
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /live: 50 updates \(50 parsed\)/);
  });

  it("shows the headline, standfirst, summary and the Live label at the top", () => {
    const $ = page(LIVE_PATH);
    assert.equal($("h1").text(), "Strong earthquake strikes southern Philippines: live updates");
    assert.equal($(".story-header .standfirst").text(), liveFields().description);
    assert.equal($(".story-kind .kind-label").text(), "Live");
    assert.equal($(".live-ended").length, 0);
    const summary = $(".live-blog > .story-body p")
      .toArray()
      .map((p) => $(p).text());
    assert.deepEqual(summary, LIVE_SUMMARY.split("\n\n"));
  });

  it("lists the key events newest first, each linking to its update where it is", () => {
    const $ = page(LIVE_PATH);
    const events = $(".live-key-events li a")
      .toArray()
      .map((a) => [$(a).find(".live-key-text").text(), $(a).attr("href")]);
    assert.deepEqual(events, [
      ["Key moment 42", `#update-${updateName(42)}`],
      ["Key moment 35", `#update-${updateName(35)}`],
      ["Key moment 28", `#update-${updateName(28)}`],
      ["Key moment 21", `#update-${updateName(21)}`],
      ["Key moment 14", `${LIVE_PATH}updates/1/#update-${updateName(14)}`],
      ["Key moment 7", `${LIVE_PATH}updates/1/#update-${updateName(7)}`],
    ]);
  });

  it("shows the pinned update above the stream, without taking its anchor", () => {
    const $ = page(LIVE_PATH);
    const pinned = $(".live-pinned .live-update");
    assert.equal(pinned.length, 1);
    assert.equal(pinned.find(".live-update-title").text(), "Where to find help");
    assert.equal(pinned.attr("id"), undefined);
    assert.equal(
      pinned.find(".live-update-time").attr("href"),
      `${LIVE_PATH}updates/1/#update-${updateName(3)}`,
    );
  });

  it("streams the latest updates newest first, timed in the site's zone", () => {
    const $ = page(LIVE_PATH);
    const stream = $(".live-stream .live-update")
      .toArray()
      .map((element) => $(element).attr("data-update"));
    // 45 updates: the first page holds the newest full block and the block being filled.
    assert.deepEqual(
      stream,
      Array.from({ length: 25 }, (_, index) => updateName(COUNT - index)),
    );
    // Update 20 was written in UTC: it is shown, and machine-dated, in Singapore's zone.
    const $old = load(read(`asia/${LIVE_SLUG}/updates/1/index.html`));
    const twenty = $old(`#update-${updateName(20)} time`);
    assert.equal(twenty.attr("datetime"), "2025-12-31T08:20:00+08:00");
    assert.equal(twenty.text(), "8:20 am SGT");
    assert.equal($old(`#update-${updateName(20)} .live-update-day`).text(), "31 December 2025");
    assert.match($(".story-meta .updated").text(), /31 December 2025, 8:45 am SGT/);
  });

  it("credits updates by their authors, linked to profiles", () => {
    const $ = load(read(`asia/${LIVE_SLUG}/updates/1/index.html`));
    const five = $(`#update-${updateName(5)} .live-update-byline`);
    assert.equal(five.text(), "By Tan Hui Yee");
    assert.equal(five.find("a").attr("href"), "/authors/tan-hui-yee/");
    assert.equal(
      $(`#update-${updateName(10)} .live-update-byline`).text(),
      "By Jane Tan and Tan Hui Yee",
    );
  });

  it("makes update photos from live/ and from beside index.md through the media pipeline", () => {
    const $ = page(LIVE_PATH);
    const map = $(`#update-${updateName(30)} figure.body-figure`);
    assert.equal(map.find("picture img").attr("alt"), "A map of the fault line");
    assert.match(map.find("source[type='image/avif']").attr("srcset") ?? "", /\/media\/map-/);
    const $old = load(read(`asia/${LIVE_SLUG}/updates/1/index.html`));
    const rescue = $old(`#update-${updateName(12)} figure.body-figure`);
    assert.match(rescue.find("figcaption").text(), /Rescuers on Wednesday\.\s*PHOTO: REUTERS/);
    for (const name of ["map", "rescue"]) {
      assert.ok(
        listFiles(path.join(site.root, "_site/media")).some((f) => f.startsWith(`${name}-`)),
      );
    }
  });

  it("pages older updates 20 at a time from the oldest, each update's permanent link leading to it", () => {
    const $ = page(LIVE_PATH);
    assert.deepEqual(
      $(".live-pages a")
        .toArray()
        .map((a) => [$(a).text(), $(a).attr("href")]),
      [["Updates 1 to 20", `${LIVE_PATH}updates/1/`]],
    );
    const links = new Map<string, string>();
    for (let block = 1; block <= 3; block++) {
      const $block = load(read(`asia/${LIVE_SLUG}/updates/${block}/index.html`));
      const names = $block(".live-stream .live-update")
        .toArray()
        .map((element) => $block(element).attr("id"));
      const from = (block - 1) * 20 + 1;
      const to = Math.min(COUNT, block * 20);
      assert.equal(
        $block("h1").text(),
        "Strong earthquake strikes southern Philippines: live updates",
      );
      assert.equal($block(".kicker").text(), `Live coverage, updates ${from} to ${to}`);
      assert.deepEqual(
        names,
        Array.from({ length: to - from + 1 }, (_, index) => `update-${updateName(to - index)}`),
      );
      for (const id of names) links.set(id ?? "", `${LIVE_PATH}updates/${block}/#${id}`);
    }
    // Every time on the first page links to the page that keeps the update.
    for (const element of $(".live-stream .live-update").toArray()) {
      const id = $(element).attr("id") ?? "";
      assert.equal($(element).find(".live-update-time").attr("href"), links.get(id));
    }
    assert.equal(links.size, COUNT);
    // The index block pages' script reads to send a link whose update has moved: every update,
    // at the page that holds it.
    const index = JSON.parse(read(`asia/${LIVE_SLUG}/updates/index.json`)) as {
      version: number;
      blocks: Record<string, number>;
    };
    assert.equal(index.version, 1);
    assert.deepEqual(
      new Map(Object.entries(index.blocks).map(([name, block]) => [`update-${name}`, block])),
      new Map([...links].map(([id, link]) => [id, Number(/updates\/(\d+)\//.exec(link)?.[1])])),
    );
    const $first = load(read(`asia/${LIVE_SLUG}/updates/1/index.html`));
    const article = $first("[data-live-index]");
    assert.equal(article.attr("data-live-index"), `${LIVE_PATH}updates/index.json`);
    assert.equal(article.attr("data-live-block"), "1");
    assert.equal(article.attr("data-live-pages"), `${LIVE_PATH}updates/`);
    assert.equal($first('script[src*="/assets/live-permalink."]').length, 1);
  });

  it("writes the JSON open pages poll: the newest ten, rendered exactly as on the page", () => {
    const json = JSON.parse(read(`asia/${LIVE_SLUG}/live.json`)) as {
      version: number;
      url: string;
      ended: boolean;
      count: number;
      updates: { id: string; time: string; timeMs: number; title?: string; html: string }[];
    };
    assert.equal(json.version, 1);
    assert.equal(json.url, LIVE_PATH);
    assert.equal(json.ended, false);
    assert.equal(json.count, COUNT);
    assert.deepEqual(
      json.updates.map((update) => update.id),
      Array.from({ length: 10 }, (_, index) => updateName(COUNT - index)),
    );
    assert.equal(json.updates[3]?.title, "Key moment 42");
    const html = read(`asia/${LIVE_SLUG}/index.html`);
    for (const update of json.updates) assert.ok(html.includes(update.html), update.id);
    assert.ok(Buffer.byteLength(read(`asia/${LIVE_SLUG}/live.json`)) < 10_000);
  });

  it("polls while live: the page names its JSON and loads the live script", () => {
    const $ = page(LIVE_PATH);
    const stream = $(".live-stream");
    assert.equal(stream.attr("data-live"), `${LIVE_PATH}live.json`);
    assert.equal(stream.attr("data-live-interval"), "15000");
    assert.equal(stream.attr("data-live-count"), String(COUNT));
    assert.equal($("script[src*='/assets/live.']").length, 1);
    assert.ok($("[data-live-new]").is("[hidden]"), "the new-updates button waits, hidden");
    // A live blog is an article: the breaking-news banner reaches it as every article page.
    assert.equal($("script[src*='/assets/breaking.']").length, 1);
    assert.equal(page(`${LIVE_PATH}updates/1/`)("script[src*='/assets/breaking.']").length, 1);
    // The JSON is revalidated on every request, as every page of the section is.
    assert.match(
      read("_headers"),
      /^\/asia\/\*\n {2}Cache-Control: public, max-age=0, must-revalidate$/m,
    );
  });

  it("describes the blog as a LiveBlogPosting with its updates newest first", () => {
    const $ = page(LIVE_PATH);
    const blog = graphOf($).find((node) => node["@type"] === "LiveBlogPosting");
    assert.ok(blog);
    assert.equal(blog.coverageStartTime, "2025-12-31T08:00:00+08:00");
    assert.equal(blog.coverageEndTime, undefined);
    assert.equal(blog.dateModified, "2025-12-31T08:45:00+08:00");
    const updates = blog.liveBlogUpdate as Record<string, unknown>[];
    assert.equal(updates.length, 25);
    const [newest] = updates;
    assert.equal(newest?.["@type"], "BlogPosting");
    const origin = String(blog.url).replace(LIVE_PATH, "");
    assert.equal(newest?.["@id"], `${origin}${LIVE_PATH}updates/3/#update-${updateName(45)}`);
    assert.equal(newest?.url, newest?.["@id"]);
    assert.equal(newest?.datePublished, "2025-12-31T08:45:00+08:00");
    assert.match(String(newest?.articleBody), /Update number 45/);
    assert.ok(newest?.headline);
    assert.ok(newest?.author);
    const withPhoto = updates.find((update) => String(update["@id"]).endsWith(updateName(30)));
    assert.match(String(withPhoto?.image), /\/media\/map-.*\.jpg$/);
  });

  it("dates the blog's feed entries and sitemap entry by its newest update", () => {
    const atom = read("feed.xml");
    const entry = atom.slice(atom.indexOf(`<id>`, atom.indexOf(LIVE_SLUG) - 200));
    assert.match(entry, /<updated>2025-12-31T08:45:00\+08:00<\/updated>/);
    const json = JSON.parse(read("asia/feed.json")) as {
      items: { url: string; date_modified?: string }[];
    };
    const item = json.items.find((candidate) => candidate.url.includes(LIVE_SLUG));
    assert.equal(item?.date_modified, "2025-12-31T08:45:00+08:00");
    const sitemap = read("sitemaps/articles-2025-12.xml");
    assert.match(
      sitemap,
      new RegExp(`${LIVE_SLUG}/</loc>\\s*<lastmod>2025-12-31T08:45:00\\+08:00</lastmod>`),
    );
  });

  it("lets search find the blog by its updates' words, not by those it holds back", () => {
    const fragments = listFiles(file("pagefind")).filter((name) => name.includes("/fragment/"));
    const texts = fragments.map((name) =>
      gunzipSync(readFileSync(file(`pagefind/${name}`))).toString("utf8"),
    );
    const blog = texts.find((text) => text.includes(`"url":"${LIVE_PATH}"`));
    assert.ok(blog, "the blog is indexed");
    assert.match(blog, /Update number 44: rescuers/);
    assert.match(blog, /Key moment 7/);
    assert.doesNotMatch(blog, /Embargoedword|Draftword/);
  });

  it("leaves embargoed and draft updates out of every page", () => {
    for (const name of listFiles(file("")).filter((f) => /\.(html|json|xml)$/.test(f))) {
      const text = read(name);
      assert.doesNotMatch(text, /Embargoedword|Draftword|held-until-morning|not-yet-checked/, name);
    }
  });

  it("shows an ended blog as ended, with no script asking for updates", () => {
    const $ = page(`/asia/${ENDED_SLUG}/`);
    assert.equal($(".story-kind .kind-label").text(), "Live coverage ended");
    assert.match(
      $(".live-ended").text().replace(/\s+/g, " "),
      /This live coverage has ended\. It ended at 8:00 pm SGT, 30 December 2025\./,
    );
    assert.equal($(".live-stream").attr("data-live"), undefined);
    assert.equal($("script[src*='/assets/live.']").length, 0);
    const blog = graphOf($).find((node) => node["@type"] === "LiveBlogPosting");
    assert.equal(blog?.coverageEndTime, "2025-12-30T20:00:00+08:00");
    const json = JSON.parse(read(`asia/${ENDED_SLUG}/live.json`)) as {
      ended: boolean;
      endedAt: string;
    };
    assert.deepEqual([json.ended, json.endedAt], [true, "2025-12-30T20:00:00+08:00"]);
    // Cards say so too.
    const $home = load(read("index.html"));
    const label = (slug: string) => $home(`.story-card:has(a[href*='${slug}']) .kind-label`).text();
    assert.equal(label(LIVE_SLUG), "Live");
    assert.equal(label(ENDED_SLUG), "Live coverage ended");
  });

  it("passes html-validate on every live page", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = listFiles(file("")).filter(
      (name) => name.endsWith(".html") && (name.includes(LIVE_SLUG) || name.includes(ENDED_SLUG)),
    );
    assert.ok(pages.length >= 5);
    const problems: string[] = [];
    for (const name of pages) {
      const report = await validator.validateString(read(name), name, {
        extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
      });
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${name}:${message.line} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
