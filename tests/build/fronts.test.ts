/**
 * Fronts built end to end (issue 21): the front page and Asia's front from their files, each
 * layout as readers get it, labels only where they add something, the banner in the front page's
 * HTML and in /breaking.json (gone once `until` has passed), hand-picked related stories first
 * and in order, the picks that wait for a draft or an embargo named in the summary, every page
 * valid HTML; a page without a front file exactly as it was; and bad fronts stopping the build
 * with every problem at once and `_site/` untouched.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type CheerioAPI, load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
} from "../helpers/fixture-site.ts";
import {
  ASIA_FRONT,
  HOME_FRONT,
  STORIES,
  writeFront,
  writeStories,
} from "../helpers/front-fixture.ts";
import { differences, snapshot } from "../helpers/site-snapshot.ts";

const read = (site: FixtureSite, file: string) =>
  readFileSync(path.join(site.root, "_site", file), "utf8");
const page = (site: FixtureSite, file: string): CheerioAPI => load(read(site, file));

/** The headlines of a container, in order, as links' paths. */
function storiesOf($: CheerioAPI, container: string): string[] {
  return $(container)
    .find("a[href]")
    .toArray()
    .map((element) => $(element).attr("href") ?? "")
    .filter((href) => !href.startsWith("#"));
}

const url = (section: string, slug: string) => `/${section}/${slug}/`;

describe("fronts, built", () => {
  let site: FixtureSite;
  let first: { status: number | null; stdout: string; stderr: string };
  let withoutFronts: Map<string, string>;

  before(() => {
    site = createFixtureSite();
    writeStories(site);
    // The same site without front files first: pages fronts do not drive must not change.
    const plain = runBuild(site.root);
    assert.equal(plain.status, 0, plain.stderr);
    withoutFronts = new Map(
      ["world/index.html", "topics/philippines/index.html", "business/index.html"].map((file) => [
        file,
        read(site, file),
      ]),
    );
    writeFront(site, "home", HOME_FRONT);
    writeFront(site, "asia", ASIA_FRONT);
    first = runBuild(site.root);
    assert.equal(first.status, 0, first.stderr);
  });
  after(() => site.remove());

  it("builds the front page's containers in order, titles as headings", () => {
    const $ = page(site, "index.html");
    assert.deepEqual(
      $(".front > .front-container")
        .toArray()
        .map((element) => [
          $(element).attr("class"),
          $(element).children("h2.front-container-title").text(),
        ]),
      [
        ["front-container front-lead", "Top stories"],
        ["front-container front-grid", "Analysis"],
        ["front-container front-list", "Latest"],
      ],
    );
    // Headlines sit under their container's title.
    assert.equal($(".front-lead h3.front-headline").length, 3);
    assert.equal($("h1").length, 1);
  });

  it("lead: the first pick large, with photo and standfirst, the fill after it; the embargoed pick left out", () => {
    const $ = page(site, "index.html");
    assert.deepEqual(storiesOf($, ".front-lead"), [
      url("asia", STORIES.floods),
      url("asia", STORIES.quake),
      url("asia", STORIES.asiaAnalysis),
    ]);
    const lead = $(".front-story-lead");
    assert.equal(lead.find("img[fetchpriority=high]").length, 1, "the lead photo is fetched first");
    assert.equal(
      lead.find(".front-standfirst").text(),
      "Rescue workers waded through waist-deep water.",
    );
    assert.equal(lead.find("time").attr("datetime"), "2025-12-31T18:00:00+08:00");
    assert.doesNotMatch($("main").text(), /Budget to be unveiled/);
    assert.equal($(".front-lead-rest li").length, 2);
  });

  it("labels a story's section and kind only where they add something", () => {
    const $ = page(site, "index.html");
    // The lead container is filled from Asia: its stories need no "Asia".
    assert.equal($(".front-lead .kicker").text(), "Analysis");
    // The Analysis grid names sections, not the kind it is filled by.
    const grid = $(".front-grid .front-story");
    assert.deepEqual(storiesOf($, ".front-grid"), [url("business", STORIES.rates)]);
    assert.equal(grid.find(".kicker").text(), "Business");
    assert.equal(grid.find(".kind-label").length, 0);
    // The list: sections everywhere; kinds always; the Opinion section not repeated after the label.
    const rows = $(".front-list-rows li")
      .toArray()
      .map((row) => $(row).find(".front-list-text").text().replace(/\s+/g, " ").trim());
    assert.deepEqual(rows, [
      "Sponsored Open an account today Business",
      "Markets rally on rate hopes Business",
      "Explainer Why quakes strike the Philippines World",
      "Opinion The hold was wrong",
    ]);
    assert.equal($(".front-list-sponsored").length, 1, "the sponsored piece is set apart");
  });

  it("list: each headline with its time in the site's zone", () => {
    const $ = page(site, "index.html");
    const first = $(".front-list-rows li").first();
    assert.equal(first.find("time").attr("datetime"), "2025-12-31T13:00:00+08:00");
    assert.match(first.find("time").text(), /^31 Dec, 1:00 (pm|PM)$/);
    // Stories older than yesterday (the build's day is 1 January 2026) show their date and year.
    for (const row of $(".front-list-rows time").toArray()) {
      const iso = $(row).attr("datetime") ?? "";
      const text = $(row).text();
      if (iso < "2025-12-31T00:00:00+08:00")
        assert.match(text, /^\d{1,2} [A-Z][a-z]{2} \d{4}$/, iso);
      else assert.match(text, /^\d{1,2} [A-Z][a-z]{2}, \d{1,2}:\d{2} (am|pm|AM|PM)$/, iso);
    }
  });

  it("never shows a story twice on a front", () => {
    const $ = page(site, "index.html");
    const links = storiesOf($, ".front");
    assert.equal(new Set(links).size, links.length, links.join("\n"));
    assert.equal(links.length, 3 + 1 + 4);
  });

  it("builds a section's front from its file, with no section labels on it", () => {
    const $ = page(site, "asia/index.html");
    assert.equal($("h1").text(), "Asia");
    assert.deepEqual(storiesOf($, ".front-lead"), [
      url("asia", STORIES.quake),
      url("asia", STORIES.floods),
    ]);
    // Untitled, the lead's headlines are the page's second level.
    assert.equal($(".front-lead h2.front-headline").length, 2);
    assert.equal($(".front-list > .front-container-title").text(), "More from Asia");
    assert.equal(storiesOf($, ".front-list").length, 2);
    assert.doesNotMatch($(".front .kicker").text(), /Asia/);
    assert.equal($(".front-list-section").length, 0);
    assert.equal($(".breaking").length, 0, "the banner is the front page's");
    assert.equal($("link[rel=stylesheet][href*='fronts.']").length, 1);
  });

  it("leaves pages no front file drives exactly as they were", () => {
    for (const [file, before] of withoutFronts) assert.equal(read(site, file), before, file);
  });

  it("shows the banner in the front page's HTML and in /breaking.json while it lasts", () => {
    const $ = page(site, "index.html");
    const banner = $("section.breaking");
    assert.equal(banner.attr("aria-label"), "Breaking news");
    // Its script runs before the page is drawn (not deferred), and knows when the banner ends.
    const script = $("head script[src*='breaking.']");
    assert.equal(script.attr("data-breaking-until"), "2026-01-01T06:00:00+08:00");
    assert.equal(script.attr("defer"), undefined);
    assert.equal(banner.find("a").attr("href"), url("asia", STORIES.quake));
    assert.equal(banner.find("a").text(), "Magnitude 6.4 earthquake strikes southern Philippines");
    assert.deepEqual(JSON.parse(read(site, "breaking.json")), {
      text: "Magnitude 6.4 earthquake strikes southern Philippines",
      url: url("asia", STORIES.quake),
      until: "2026-01-01T06:00:00+08:00",
    });
    const article = page(site, `business/${STORIES.markets}/index.html`);
    assert.equal(article("script[src*='breaking.']").attr("defer"), "defer");
    assert.equal(article(".breaking").length, 0, "article pages get the banner from the JSON file");
    const headers = read(site, "_headers");
    assert.match(
      headers,
      /\n\/breaking\.json\n {2}Cache-Control: public, max-age=60, must-revalidate\n/,
    );
  });

  it("shows an article's hand-picked related stories first, in order, then the automatic ones", () => {
    const $ = page(site, `asia/${STORIES.floods}/index.html`);
    const related = storiesOf($, ".related");
    assert.deepEqual(related.slice(0, 2), [
      url("world", STORIES.explainer),
      url("asia", STORIES.quake),
    ]);
    assert.ok(related.length >= 3, "automatic ones follow the picks");
    assert.ok(!related.includes(url("singapore", STORIES.budget)), "the embargoed pick waits");
  });

  it("names the picks that wait in the summary, with the embargo's release in the site's zone", () => {
    assert.match(
      first.stdout,
      /waiting: content\/fronts\/home\.yaml picks budget-to-be-unveiled \(embargoed until 1 January 2026, 8:00 (am|AM) SGT\), draft-story-on-elections \(draft\); jakarta-floods-force-thousands-from-homes's related budget-to-be-unveiled \(embargoed until 1 January 2026, 8:00 (am|AM) SGT\)/,
    );
  });

  it("takes the banner down once `until` has passed: gone from the front page and /breaking.json", () => {
    const later = runBuild(site.root, { BROADSHEET_NOW: "2026-01-01T07:00:00+08:00" });
    assert.equal(later.status, 0, later.stderr);
    const $ = page(site, "index.html");
    assert.equal($(".breaking").length, 0);
    assert.equal($("script[src*='breaking.']").length, 0);
    assert.equal(read(site, "breaking.json"), "{}\n");
  });

  it("publishes a valid page of every kind fronts make", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    writeFront(site, "home", HOME_FRONT);
    assert.equal(runBuild(site.root).status, 0);
    const problems: string[] = [];
    for (const file of ["index.html", "asia/index.html", `asia/${STORIES.floods}/index.html`]) {
      const report = await validator.validateString(read(site, file), file, {
        extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
      });
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe("the shipped front page", () => {
  it("builds with the seed article, which leads it", () => {
    const site = createFixtureSite({ seed: true });
    try {
      writeFront(
        site,
        "home",
        readFileSync(path.join(REPO_ROOT, "content/fronts/home.yaml"), "utf8"),
      );
      const run = runBuild(site.root);
      assert.equal(run.status, 0, run.stderr);
      const $ = page(site, "index.html");
      assert.equal($(".front-container-title").first().text(), "Top stories");
      assert.equal(
        $(".front-story-lead .front-headline a").attr("href"),
        "/asia/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/",
      );
      assert.deepEqual(JSON.parse(read(site, "breaking.json")), {});
    } finally {
      site.remove();
    }
  });
});

describe("bad fronts", () => {
  it("stop the build with every problem at its line, and leave _site/ as it was", () => {
    const site = createFixtureSite();
    try {
      writeStories(site);
      assert.equal(runBuild(site.root).status, 0);
      const before = snapshot(site.root);
      writeFront(
        site,
        "home",
        `breaking:\n  text: Quake\n  link: javascript:alert(1)\ncontainers:\n  - layout: grid\n    stories: [jakarta-flods-force-thousands-from-homes]\n  - layout: list\n    fill: {topic: Philipines}\n`,
      );
      writeFront(site, "asai", "containers:\n  - layout: list\n    fill: {}\n");
      site.article(
        "a-story-with-related",
        articleSource({ related: "[quake-strikes-southern-philipines]" }),
      );
      const run = runBuild(site.root);
      assert.equal(run.status, 1);
      const out = run.stderr;
      assert.match(out, /content\/fronts\/home\.yaml:3:9 \[breaking\.link\]\n.*javascript:/);
      assert.match(
        out,
        /content\/fronts\/home\.yaml:6:15 \[containers\.0\.stories\.0\]\n.*names no article.*\n.*Did you mean "jakarta-floods-force-thousands-from-homes"/,
      );
      assert.match(
        out,
        /✖ content\/fronts\/asai\.yaml\n.*no section "asai".*\n.*Did you mean asia\.yaml/,
      );
      assert.match(
        out,
        /content\/articles\/a-story-with-related\/index\.md:5:\d+ \[related\.0\]\n.*names no article.*\n.*Did you mean "quake-strikes-southern-philippines"/,
      );
      assert.match(
        out,
        /content\/fronts\/home\.yaml:8:\d+ \[containers\.1\.fill\.topic\]\n.*No story has the topic "Philipines".*\n.*If you meant Philippines, write topic: Philippines/,
      );
      assert.match(out, /5 problems in 3 files/);
      assert.match(out, /Nothing was published/);
      assert.deepEqual(differences(snapshot(site.root), before), []);
    } finally {
      site.remove();
    }
  });
});
