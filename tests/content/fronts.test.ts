/**
 * Front files and hand-picked stories against the contract (CONTENT.md, "Fronts" and `related`):
 * every mistake an editor can make is reported at its line, with the value they probably meant,
 * all of them in one run; a valid front reads as the data the plan builds pages from.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SIZES } from "../../scripts/content/front-schema.ts";
import type { Checked } from "../../scripts/content/issues.ts";
import type { SiteContent } from "../../scripts/content/load.ts";
import { loadFronts } from "../../scripts/content/load-front.ts";
import {
  frontPickIssues,
  type KnownArticles,
  relatedIssues,
} from "../../scripts/content/pick-checks.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { articleSource } from "../helpers/fixture-site.ts";
import { expectIssue, expectValid, lineOf, loadFields, withSite } from "./support.ts";

const SECTIONS = [
  { slug: "singapore", name: "Singapore" },
  { slug: "asia", name: "Asia" },
  { slug: "world", name: "World" },
];

const KNOWN: KnownArticles = {
  slugs: new Set([
    "jakarta-floods-force-thousands-from-homes",
    "kim-receives-letter-from-trump",
    "seoul-shares-steady-after-summit-news",
  ]),
  titles: new Map([["kim receives letter from trump", "kim-receives-letter-from-trump"]]),
};

function writeFront(site: FixtureSite, name: string, text: string): void {
  mkdirSync(path.join(site.root, "content/fronts"), { recursive: true });
  writeFileSync(path.join(site.root, "content/fronts", name), text);
}

/** Every problem of the fronts folder, as the build collects them. */
function problems(site: FixtureSite): Checked<SiteContent> {
  const loaded = loadFronts(site.root, SECTIONS);
  return {
    ok: false,
    issues: [...loaded.issues, ...frontPickIssues([...loaded.fronts, ...loaded.unchecked], KNOWN)],
  };
}

const HOME = "content/fronts/home.yaml";

/** A home.yaml with one mistake of every kind the contract names, each on its own line. */
const BAD_HOME = `breaking:
  text: Magnitude 6.4 earthquake strikes southern Philippines
  link: javascript:alert(1)
  until: 2026-12-07T18:00:00
containres: []
containers:
  - title: Top stories
    layout: leed
    stories: [jakarta-floods-force-thousand-from-homes, kim-receives-letter-from-trump]
  - layout: grid
    stories: [kim-receives-letter-from-trump]
  - layout: list
    fill: {secton: asia}
  - layout: list
    fill: {section: asai, kind: anaylsis}
  - layout: grid
  - layout: lead
    stories: [jakarta-floods-force-thousands-from-homes, seoul-shares-steady-after-summit-news]
    size: 1
`;

describe("a front file with every kind of mistake", () => {
  it("reports each at its line, with the closest valid value, all in one run", () => {
    withSite((site) => {
      writeFront(site, "home.yaml", BAD_HOME);
      const result = problems(site);
      const at = (fragment: string) => lineOf(BAD_HOME, fragment);
      expectIssue(result, {
        file: HOME,
        field: "breaking.link",
        line: at("link: javascript"),
        message: ["javascript:", "slug", "https"],
      });
      expectIssue(result, {
        file: HOME,
        field: "breaking.until",
        line: at("until:"),
        message: ["no UTC offset"],
        fix: ["until: 2026-12-07T18:00:00+08:00"],
      });
      expectIssue(result, {
        file: HOME,
        field: "containres",
        line: at("containres"),
        message: ['"containres" is not a known field'],
        fix: ['Did you mean "containers"'],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.0.layout",
        line: at("layout: leed"),
        message: ['"leed"', 'did you mean "lead"'],
        fix: ["lead, grid, list"],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.2.fill.secton",
        line: at("fill: {secton"),
        message: ['"containers.2.fill.secton" is not a known field'],
        fix: ['Did you mean "section"'],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.3.fill.section",
        line: at("section: asai"),
        message: ['"asai" is not a section', 'did you mean "asia"'],
        fix: ["singapore, asia, world"],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.3.fill.kind",
        line: at("section: asai"),
        message: ['"anaylsis"', 'did you mean "analysis"'],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.4.layout",
        line: lineOf(BAD_HOME, "  - layout: grid\n  - layout: lead") + 0,
        message: ["neither stories nor fill"],
        fix: ["stories:", "fill:"],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.5.size",
        line: at("size: 1"),
        message: ["is 1", "picks 2 stories"],
      });
      // The file failed validation, yet its picks are still checked against the articles.
      expectIssue(result, {
        file: HOME,
        field: "containers.0.stories.0",
        line: at("stories: [jakarta-floods-force-thousand-from"),
        message: ['"jakarta-floods-force-thousand-from-homes" names no article'],
        fix: ['Did you mean "jakarta-floods-force-thousands-from-homes"'],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.1.stories.0",
        line: at("  - layout: grid\n    stories") + 1,
        message: ["already picked in container 1 (line 9)", "at most once"],
      });
      assert.ok(!result.ok);
      if (!result.ok)
        assert.equal(result.issues.length, 11, JSON.stringify(result.issues, null, 2));
    });
  });

  it("names the column of a picked slug, the closest slug, or a story by its headline", () => {
    withSite((site) => {
      const text = `containers:\n  - layout: grid\n    stories: [kim-receives-letter-from-trump, kim-recieves-letter-from-trump]\n  - layout: list\n    stories: [kim-receives-letter-from-trumps]\n  - layout: list\n    stories: [completely-unrelated-words]\n`;
      writeFront(site, "home.yaml", text);
      const result = problems(site);
      expectIssue(result, {
        file: HOME,
        field: "containers.0.stories.1",
        line: 3,
        column: 47,
        fix: ['Did you mean "kim-receives-letter-from-trump"'],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.1.stories.0",
        line: 5,
        fix: ['"kim-receives-letter-from-trump"'],
      });
      expectIssue(result, {
        file: HOME,
        field: "containers.2.stories.0",
        line: 7,
        fix: ["nearest", "content/articles"],
      });
    });
  });

  it("suggests the story whose headline was written in place of its slug", () => {
    withSite((site) => {
      writeFront(
        site,
        "home.yaml",
        "containers:\n  - layout: lead\n    stories: [Kim receives letter from Trump]\n",
      );
      expectIssue(problems(site), {
        file: HOME,
        field: "containers.0.stories.0",
        line: 3,
        message: ["not an article's slug"],
      });
      const known: KnownArticles = KNOWN;
      const issues = frontPickIssues(
        [
          {
            name: "home",
            sourcePath: HOME,
            containers: [
              {
                layout: "lead",
                size: 5,
                stories: [{ slug: "kim-receives-letter-from-trump-today", at: { line: 3 } }],
              },
            ],
          },
        ],
        known,
      );
      assert.match(issues[0]?.fix ?? "", /Did you mean "kim-receives-letter-from-trump"/);
    });
  });

  it("refuses a banner link to an unknown story, naming the closest", () => {
    withSite((site) => {
      writeFront(
        site,
        "home.yaml",
        "breaking:\n  text: Quake\n  link: jakarta-flods-force-thousands-from-homes\n",
      );
      expectIssue(problems(site), {
        file: HOME,
        field: "breaking.link",
        line: 3,
        column: 9,
        message: ["names no article", "https"],
        fix: ['Did you mean "jakarta-floods-force-thousands-from-homes"'],
      });
    });
  });

  it("refuses http:, data: and other schemes for a banner link, and accepts https", () => {
    withSite((site) => {
      for (const link of ["http://example.com/", "data:text/html,hi", "vbscript:x", "ftp://x"]) {
        writeFront(site, "home.yaml", `breaking:\n  text: Quake\n  link: "${link}"\n`);
        expectIssue(problems(site), {
          file: HOME,
          field: "breaking.link",
          line: 3,
          message: ["may not link to"],
        });
      }
      writeFront(
        site,
        "home.yaml",
        "breaking:\n  text: Quake\n  link: https://example.com/quake\n",
      );
      const loaded = loadFronts(site.root, SECTIONS);
      assert.deepEqual(loaded.issues, []);
      assert.deepEqual(loaded.fronts[0]?.breaking?.link, {
        kind: "url",
        url: "https://example.com/quake",
      });
    });
  });
});

describe("front files by name", () => {
  it("refuses a front for a section the site does not have, suggesting the closest", () => {
    withSite((site) => {
      writeFront(site, "asai.yaml", "containers:\n  - layout: list\n    fill: {section: asia}\n");
      writeFront(site, "sports-desk.yaml", "containers: []\n");
      const result = problems(site);
      expectIssue(result, {
        file: "content/fronts/asai.yaml",
        field: null,
        message: ['no section "asai"'],
        fix: ["Did you mean asia.yaml"],
      });
      expectIssue(result, {
        file: "content/fronts/sports-desk.yaml",
        message: ['no section "sports-desk"'],
        fix: ["home.yaml", "asia.yaml"],
      });
    });
  });

  it("refuses a .yml file, which would never be read", () => {
    withSite((site) => {
      writeFront(site, "home.yml", "containers: []\n");
      expectIssue(problems(site), {
        file: "content/fronts/home.yml",
        message: [".yaml"],
        fix: ["home.yaml"],
      });
    });
  });

  it("refuses a banner in a section's front: it belongs to the front page", () => {
    withSite((site) => {
      writeFront(
        site,
        "asia.yaml",
        "containers:\n  - layout: list\n    fill: {}\nbreaking:\n  text: Quake\n",
      );
      expectIssue(problems(site), {
        file: "content/fronts/asia.yaml",
        field: "breaking",
        line: 4,
        fix: ["content/fronts/home.yaml"],
      });
    });
  });

  it("reads an empty file, or one of comments alone, as a front with nothing in it", () => {
    withSite((site) => {
      writeFront(site, "home.yaml", "");
      writeFront(site, "asia.yaml", "# Prepared for tomorrow.\n\n");
      const loaded = loadFronts(site.root, SECTIONS);
      assert.deepEqual(loaded.issues, []);
      assert.deepEqual(
        loaded.fronts.map((front) => [front.name, front.containers]),
        [
          ["asia", undefined],
          ["home", undefined],
        ],
      );
    });
  });
});

describe("a valid front", () => {
  it("reads containers in order, with picks, fills and the layouts' default sizes", () => {
    withSite((site) => {
      writeFront(
        site,
        "home.yaml",
        `breaking:
  text: Magnitude 6.4 earthquake strikes southern Philippines
  link: kim-receives-letter-from-trump
  until: 2026-12-07T18:00:00+08:00
containers:
  - title: Top stories
    layout: lead
    stories: [jakarta-floods-force-thousands-from-homes, kim-receives-letter-from-trump]
    fill: {section: asia}
  - title: Analysis
    layout: grid
    fill: {kind: analysis}
  - title: North Korea
    layout: list
    fill: {topic: North Korea, section: asia}
    size: 3
  - layout: list
    fill: {}
`,
      );
      const loaded = loadFronts(site.root, SECTIONS);
      assert.deepEqual(loaded.issues, []);
      const front = loaded.fronts[0];
      assert.equal(front?.name, "home");
      assert.deepEqual(front?.breaking?.until, {
        iso: "2026-12-07T18:00:00+08:00",
        ms: Date.parse("2026-12-07T10:00:00Z"),
      });
      assert.deepEqual(
        front?.containers?.map((container) => ({
          title: container.title,
          layout: container.layout,
          stories: container.stories.map((story) => story.slug),
          fill: container.fill,
          size: container.size,
        })),
        [
          {
            title: "Top stories",
            layout: "lead",
            stories: [
              "jakarta-floods-force-thousands-from-homes",
              "kim-receives-letter-from-trump",
            ],
            fill: { section: "asia" },
            size: DEFAULT_SIZES.lead,
          },
          { title: "Analysis", layout: "grid", stories: [], fill: { kind: "analysis" }, size: 6 },
          {
            title: "North Korea",
            layout: "list",
            stories: [],
            fill: { section: "asia", topic: "North Korea" },
            size: 3,
          },
          { title: undefined, layout: "list", stories: [], fill: {}, size: 8 },
        ],
      );
      assert.deepEqual(frontPickIssues(loaded.fronts, KNOWN), []);
    });
  });

  it("sizes a container with more picks than its layout's default to hold them all", () => {
    withSite((site) => {
      const slugs = Array.from({ length: 7 }, (_, index) => `story-${index + 1}`);
      writeFront(
        site,
        "home.yaml",
        `containers:\n  - layout: lead\n    stories: [${slugs.join(", ")}]\n`,
      );
      const loaded = loadFronts(site.root, SECTIONS);
      assert.equal(loaded.fronts[0]?.containers?.[0]?.size, 7);
    });
  });
});

describe("related", () => {
  it("accepts a list of slugs, kept in order on the article", () => {
    const { result } = loadFields({
      related: "[kim-receives-letter-from-trump, jakarta-floods-force-thousands-from-homes]",
    });
    assert.deepEqual(expectValid(result).articles[0]?.related, [
      "kim-receives-letter-from-trump",
      "jakarta-floods-force-thousands-from-homes",
    ]);
  });

  it("refuses what is not a list of slugs at its line", () => {
    const { result, file } = loadFields({ related: "[Kim receives letter]" });
    expectIssue(result, { file, field: "related.0", line: 5, message: ["not an article's slug"] });
    const scalar = loadFields({ related: "kim-receives-letter-from-trump" });
    expectIssue(scalar.result, {
      file: scalar.file,
      field: "related",
      line: 5,
      message: ["must be a list of slugs"],
      fix: ["related: ["],
    });
  });

  it("refuses an unknown slug (closest suggested), the article itself and a repeat, each at its line", () => {
    withSite((site) => {
      const source = articleSource({
        related:
          "\n  - kim-recieves-letter-from-trump\n  - an-article\n  - jakarta-floods-force-thousands-from-homes\n  - jakarta-floods-force-thousands-from-homes",
      });
      site.article("an-article", source);
      const file = "content/articles/an-article/index.md";
      const issues = relatedIssues(
        [
          {
            slug: "an-article",
            sourcePath: file,
            related: [
              "kim-recieves-letter-from-trump",
              "an-article",
              "jakarta-floods-force-thousands-from-homes",
              "jakarta-floods-force-thousands-from-homes",
            ],
          },
        ],
        { ...KNOWN, slugs: new Set([...KNOWN.slugs, "an-article"]) },
        (sourcePath, index) => {
          const lines = source.split("\n");
          const row = lines.findIndex(
            (text, at) => at > 4 && text.startsWith("  - ") && index-- === 0,
          );
          assert.equal(sourcePath, file);
          return row < 0 ? undefined : { line: row + 1, column: 5 };
        },
      );
      const result: Checked<SiteContent> = { ok: false, issues };
      expectIssue(result, {
        file,
        field: "related.0",
        line: 6,
        message: ['"kim-recieves-letter-from-trump" names no article'],
        fix: ['Did you mean "kim-receives-letter-from-trump"'],
      });
      expectIssue(result, { file, field: "related.1", line: 7, message: ["this article itself"] });
      expectIssue(result, { file, field: "related.3", line: 9, message: ["listed twice"] });
      assert.equal(issues.length, 3);
    });
  });
});
