/**
 * The incremental build's promise for fronts (issue 21): adding, editing or deleting a front
 * file re-renders that front alone; a new story re-renders only the fronts whose fills take it;
 * editing a shown story's headline re-renders the fronts that show it and the articles that
 * pick it as related; the banner costs the front page and /breaking.json, whatever the archive;
 * its expiry and an embargoed pick's release follow the build's now. After every step the output
 * is byte-identical to a cold build of the same content (built in a fresh copy, every other one
 * on two worker processes), and unchanged files keep their modification times.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";
import {
  ASIA_FRONT,
  BUDGET_RELEASE,
  HOME_FRONT,
  STORIES,
  writeFront,
  writeStories,
  writeStory,
} from "../helpers/front-fixture.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";

const fixture = createFixtureSite();
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-cold-fronts-"));
const cold = path.join(scratch, "cold");

let comparisons = 0;

interface Step {
  /** Files whose bytes changed (written or removed), the search index's aside. */
  readonly changed: string[];
  /** Pages the incremental build rendered, and files it wrote, as its summary says. */
  readonly rendered: number;
  readonly written: number;
  readonly stdout: string;
}

/**
 * Builds the fixture incrementally (at `now`, when given), then a fresh copy cold at the same
 * now, and compares them.
 */
function buildAndCompare(env: Record<string, string> = {}): Step {
  const before = snapshot(site);
  const incremental = runBuild(site, env);
  assert.equal(incremental.status, 0, incremental.stderr);
  copyProject(site, cold);
  const workers: Record<string, string> =
    comparisons++ % 2 === 0 ? { BROADSHEET_WORKERS: "2", BROADSHEET_BATCH_SIZE: "25" } : {};
  const fresh = runBuild(cold, { ...env, ...workers });
  assert.equal(fresh.status, 0, fresh.stderr);
  const after = snapshot(site);
  assert.deepEqual(differences(after, snapshot(cold)), [], "incremental output equals cold output");
  assertUntouched(before, after);
  const changed = [...new Set([...before.keys(), ...after.keys()])]
    .filter((file) => before.get(file)?.hash !== after.get(file)?.hash)
    .filter((file) => !file.startsWith("pagefind/"))
    .sort();
  const summary = /\(\d[\d,]* pages?: (\d[\d,]*) rendered.* files: (\d+) written/.exec(
    incremental.stdout,
  );
  assert.ok(summary, incremental.stdout);
  return {
    changed,
    rendered: Number(summary[1]),
    written: Number(summary[2]),
    stdout: incremental.stdout,
  };
}

/** Files whose bytes did not change keep their modification time. */
function assertUntouched(before: Map<string, SiteFile>, after: Map<string, SiteFile>) {
  const touched = [...after].filter(([file, now]) => {
    const then = before.get(file);
    return then && then.hash === now.hash && then.mtimeMs !== now.mtimeMs;
  });
  assert.deepEqual(
    touched.map(([file]) => file),
    [],
    "unchanged files keep their mtime",
  );
}

const page = (section: string, slug: string) => `${section}/${slug}/index.html`;

before(() => writeStories(fixture));

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("an incremental build with fronts equals a cold build", () => {
  it("from nothing, without front files: /breaking.json is there, empty", () => {
    const { changed } = buildAndCompare();
    assert.ok(changed.includes("breaking.json"));
    assert.ok(changed.includes("index.html"));
  });

  it("when the front page's file is added: the front page and the banner's file", () => {
    writeFront(fixture, "home", HOME_FRONT);
    const step = buildAndCompare();
    assert.deepEqual(step.changed, ["breaking.json", "index.html"]);
    assert.equal(step.rendered, 2);
  });

  it("when it is edited: the front page alone", () => {
    writeFront(fixture, "home", HOME_FRONT.replace("title: Latest", "title: Just in"));
    const step = buildAndCompare();
    assert.deepEqual(step.changed, ["index.html"]);
    assert.equal(step.rendered, 1, "only the front page is rendered");
  });

  it("when a comment or a blank line is added to it: nothing (positions are not what it shows)", () => {
    writeFront(
      fixture,
      "home",
      `# Tomorrow's front.\n\n${HOME_FRONT.replace("title: Latest", "title: Just in")}`,
    );
    const step = buildAndCompare();
    assert.deepEqual(step.changed, []);
    assert.equal(step.rendered, 0);
  });

  it("when a section's file is added, then deleted: that section's page alone", () => {
    writeFront(fixture, "asia", ASIA_FRONT);
    assert.deepEqual(buildAndCompare().changed, ["asia/index.html"]);
    writeFront(fixture, "asia", undefined);
    assert.deepEqual(buildAndCompare().changed, ["asia/index.html"]);
    writeFront(fixture, "asia", ASIA_FRONT);
    assert.deepEqual(buildAndCompare().changed, ["asia/index.html"]);
  });

  it("when a new story enters a fill: the fronts that show it", () => {
    writeStory(fixture, "typhoon-nears-luzon", {
      title: '"Typhoon nears Luzon"',
      date: "2025-12-31T21:00:00+08:00",
      section: "asia",
    });
    const { changed } = buildAndCompare();
    assert.ok(changed.includes("index.html"), "the front page's Asia-filled lead takes it");
    assert.ok(changed.includes("asia/index.html"), "so does Asia's front");
    assert.ok(changed.includes(page("asia", "typhoon-nears-luzon")));
  });

  it("when a new story enters no fill: no front", () => {
    writeStory(fixture, "league-final-postponed", {
      title: '"League final postponed"',
      date: "2025-12-01T09:00:00+08:00",
      section: "sport",
    });
    const { changed } = buildAndCompare();
    assert.ok(changed.includes(page("sport", "league-final-postponed")), changed.join("\n"));
    assert.ok(changed.includes("sport/index.html"), "its section's listing lists it");
    assert.ok(
      !changed.includes("index.html"),
      "older than every story the front page's fills show",
    );
    assert.ok(!changed.includes("asia/index.html"));
  });

  it("when a picked story's headline is edited: the fronts that show it and the articles that pick it", () => {
    writeStory(fixture, STORIES.quake, {
      title: '"Quake strikes southern Philippines, killing 12"',
      date: "2025-12-31T20:00:00+08:00",
      section: "asia",
      tags: "[Philippines]",
      image: "\n  src: photo.jpg\n  alt: An empty briefing podium before a blue curtain.",
    });
    const { changed } = buildAndCompare();
    assert.ok(changed.includes("index.html"));
    assert.ok(changed.includes("asia/index.html"));
    // The floods story is older, yet picks the quake as related: its page follows the headline.
    assert.ok(changed.includes(page("asia", STORIES.floods)), changed.join("\n"));
  });

  it("when the banner changes: the front page and /breaking.json, and no article", () => {
    writeFront(
      fixture,
      "home",
      HOME_FRONT.replace("earthquake strikes", "earthquake hits").replace(
        "title: Latest",
        "title: Just in",
      ),
    );
    const step = buildAndCompare();
    assert.deepEqual(step.changed, ["breaking.json", "index.html"]);
    assert.equal(step.written, 2, "two files written, whatever the archive");
  });

  it("when a banner is added to a front page without one, then taken down by hand", () => {
    const noBanner = HOME_FRONT.replace(/^breaking:\n(?: {2}.*\n)+/, "");
    writeFront(fixture, "home", noBanner);
    assert.deepEqual(buildAndCompare().changed, ["breaking.json", "index.html"]);
    writeFront(fixture, "home", HOME_FRONT);
    const step = buildAndCompare();
    assert.deepEqual(step.changed, ["breaking.json", "index.html"]);
    assert.equal(step.written, 2);
  });

  it("when the build's now passes the banner's `until`: it comes down, two files written", () => {
    const step = buildAndCompare({ BROADSHEET_NOW: "2026-01-01T07:00:00+08:00" });
    assert.deepEqual(step.changed, ["breaking.json", "index.html"]);
    assert.equal(step.written, 2);
  });

  it("when related stories are added to an article, and the picked one's headline is edited", () => {
    const now = { BROADSHEET_NOW: "2026-01-01T07:00:00+08:00" };
    fixture.article(
      STORIES.markets,
      articleSource(
        {
          title: '"Markets rally on rate hopes"',
          date: "2025-12-31T15:00:00+08:00",
          section: "business",
          related: `[${STORIES.opinion}]`,
        },
        `The text of ${STORIES.markets}.`,
      ),
    );
    const added = buildAndCompare(now);
    assert.ok(added.changed.includes(page("business", STORIES.markets)));
    assert.ok(!added.changed.includes("index.html"), "cards do not show related stories");
    writeStory(fixture, STORIES.opinion, {
      title: '"The hold was a mistake"',
      date: "2025-12-31T12:00:00+08:00",
      section: "opinion",
      kind: "opinion",
      authors: "[Jane Tan]",
    });
    const edited = buildAndCompare(now);
    assert.ok(
      edited.changed.includes(page("business", STORIES.markets)),
      edited.changed.join("\n"),
    );
  });

  it("when an embargoed pick is released: it leads the front page and joins the related stories", () => {
    const step = buildAndCompare({ BROADSHEET_NOW: "2026-01-01T09:00:00+08:00" });
    assert.ok(step.changed.includes(page("singapore", STORIES.budget)));
    assert.ok(step.changed.includes("index.html"));
    assert.ok(step.changed.includes(page("asia", STORIES.floods)));
    assert.doesNotMatch(step.stdout, /budget-to-be-unveiled \(embargoed/);
    assert.ok(BUDGET_RELEASE < "2026-01-01T09:00:00+08:00");
  });

  it("when the front page's file is deleted: the page lists its latest stories again", () => {
    writeFront(fixture, "home", undefined);
    const step = buildAndCompare({ BROADSHEET_NOW: "2026-01-01T09:00:00+08:00" });
    assert.deepEqual(step.changed, ["index.html"]);
  });
});
