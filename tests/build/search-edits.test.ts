/**
 * Search after edits, as a reader searches: the built site's index, its parts merged as the
 * search page merges them (tests/helpers/site-search.ts). An older story edited is found by its
 * new words and not by its old ones, re-indexing its own part only; a deleted story is not found;
 * a re-dated story is found once, at its one address; a live blog and a standing page are found
 * by their words; and every incremental build equals a cold build of the same content.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";
import { LIVE_PATH, writeLiveBlog } from "../helpers/live-blog.ts";
import { pageSource, writePage } from "../helpers/pages.ts";
import { searchSite } from "../helpers/site-search.ts";
import { copyProject, differences, snapshot } from "../helpers/site-snapshot.ts";

const NOW = "2026-01-01T12:00:00+08:00";
const fixture = createFixtureSite();
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-search-cold-"));
const cold = path.join(scratch, "cold");

const story = (title: string, date: string, body: string) =>
  articleSource({ title: JSON.stringify(title), date, section: "asia" }, body);

/** Builds incrementally, then a copy cold: the two sites must be the same, byte for byte. */
function buildAndCompare(): string[] {
  const before = snapshot(site);
  const run = runBuild(site, { BROADSHEET_NOW: NOW });
  assert.equal(run.status, 0, run.stderr);
  copyProject(site, cold);
  const fresh = runBuild(cold, { BROADSHEET_NOW: NOW });
  assert.equal(fresh.status, 0, fresh.stderr);
  const built = snapshot(site);
  assert.deepEqual(differences(built, snapshot(cold)), [], "incremental output equals cold output");
  return [...built].filter(([file, now]) => before.get(file)?.hash !== now.hash).map(([f]) => f);
}

/** The addresses each word finds, in the order the search page would list them. */
async function found(...words: string[]): Promise<Record<string, string[]>> {
  const results = await searchSite(path.join(site, "_site"), words);
  return Object.fromEntries(
    words.map((word) => [word, results.get(word)?.map((r) => r.url) ?? []]),
  );
}

before(() => {
  fixture.article(
    "harbour-wreck",
    story(
      "Harbour dredging uncovers a wreck",
      "2024-05-10T09:00:00+08:00",
      "Divers say the wreck is the Marigold, a trading ship lost in a storm.",
    ),
  );
  fixture.article(
    "budget-speech",
    story(
      "Minister reads the budget",
      "2025-06-02T09:00:00+08:00",
      "The minister read the budget while a quokka watched from the gallery.",
    ),
  );
  fixture.article(
    "train-fares",
    story(
      "Train fares rise",
      "2025-06-20T09:00:00+08:00",
      "Fares rise by ten cents; commuters queue past a zeppelin advertisement.",
    ),
  );
  fixture.article(
    "lantern-festival",
    story("Lanterns light the river", "2026-01-01T09:00:00+08:00", "The lantern festival opened."),
  );
  writeLiveBlog(fixture, 3);
  writePage(site, "about", pageSource({}, "Our newsroom's cat is called Pumpernickel."));
  const run = runBuild(site, { BROADSHEET_NOW: NOW });
  assert.equal(run.status, 0, run.stderr);
});

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("search after edits", () => {
  it("finds every kind of page by its words: stories, a live blog's updates, a standing page", async () => {
    assert.deepEqual(
      await found("Marigold", "quokka", "zeppelin", "lantern", "Davao", "Pumpernickel"),
      {
        Marigold: ["/asia/harbour-wreck/"],
        quokka: ["/asia/budget-speech/"],
        zeppelin: ["/asia/train-fares/"],
        lantern: ["/asia/lantern-festival/"],
        Davao: [LIVE_PATH],
        Pumpernickel: ["/about/"],
      },
    );
  });

  it("finds an older story edited by its new words, not its old ones, re-indexing its part only", async () => {
    fixture.article(
      "harbour-wreck",
      story(
        "Harbour dredging uncovers a schooner",
        "2024-05-10T09:00:00+08:00",
        "Divers say the wreck is the Hyacinth, a trading ship lost in a storm.",
      ),
    );
    const changed = buildAndCompare().filter((file) => file.startsWith("pagefind/"));
    assert.ok(changed.length > 0, "the index changed");
    assert.deepEqual(
      changed.filter((file) => !file.startsWith("pagefind/2024/")),
      [],
      "only the part of 2024 was indexed again",
    );
    assert.deepEqual(await found("Hyacinth", "schooner", "Marigold"), {
      Hyacinth: ["/asia/harbour-wreck/"],
      schooner: ["/asia/harbour-wreck/"],
      Marigold: [],
    });
  });

  it("does not find a deleted story", async () => {
    rmSync(path.join(site, "content/articles/train-fares"), { recursive: true });
    buildAndCompare();
    assert.deepEqual(await found("zeppelin", "quokka"), {
      zeppelin: [],
      quokka: ["/asia/budget-speech/"],
    });
  });

  it("finds a story moved to another year once, from its new part", async () => {
    fixture.article(
      "budget-speech",
      story(
        "Minister reads the budget",
        "2024-03-01T09:00:00+08:00",
        "The minister read the budget while a quokka watched from the gallery.",
      ),
    );
    const changed = buildAndCompare().filter((file) => file.startsWith("pagefind/"));
    assert.ok(
      changed.some((file) => file.startsWith("pagefind/2024/")),
      "its new part",
    );
    assert.ok(
      changed.some((file) => file.startsWith("pagefind/2025/")),
      "its old part",
    );
    assert.deepEqual(await found("quokka", "Davao", "Pumpernickel"), {
      quokka: ["/asia/budget-speech/"],
      Davao: [LIVE_PATH],
      Pumpernickel: ["/about/"],
    });
  });
});
