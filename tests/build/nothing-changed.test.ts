/**
 * A build where nothing changed stops after the scan (scripts/engine/input-manifest.ts): it
 * rewrites nothing and says so. Every kind of input, edited after the last build recorded its
 * inputs (and left alone long enough for its fingerprint to be trusted), makes the next build
 * run in full and rewrite what the edit shows on (an article's text and a layout held to a cold
 * build); "now" passing a time the site shows (a banner's end, a live update's time, an
 * embargo) does too, each held to a cold build; a damaged or stale record means a full build
 * that gives the same site.
 */
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { readCheckedJson, writeCheckedJson } from "../../scripts/engine/checked-file.ts";
import { RACY_WINDOW_MS } from "../../scripts/engine/fingerprint.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";
import {
  ASIA_FRONT,
  BUDGET_RELEASE,
  FRONT_NOW,
  HOME_FRONT,
  STORIES,
  writeFront,
  writeStories,
} from "../helpers/front-fixture.ts";
import {
  LIVE_SLUG,
  updateName,
  updateSource,
  writeLiveBlog,
  writeUpdate,
} from "../helpers/live-blog.ts";
import { pageSource, writePage, writePageFile } from "../helpers/pages.ts";
import { writeAuthorFile, writeProfile } from "../helpers/profiles.ts";
import { copyRepo, type RepoCopy } from "../helpers/repo-copy.ts";
import { copyProject, differences, snapshot } from "../helpers/site-snapshot.ts";
import { photo } from "../media/fixtures.ts";

const fixture = createFixtureSite();
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-cold-unchanged-"));
const cold = path.join(scratch, "cold");
const inputsFile = path.join(site, ".cache/build/site/inputs.json");
/** A live update posted after the tests' now: it shows once "now" reaches it. */
const LATE_UPDATE = "2026-01-01T07:00:00+08:00";
let code: RepoCopy | undefined;

const SKIPPED = /nothing changed since the last build/;

function build(env: Record<string, string> = {}, root = site) {
  const run = runBuild(root, { BROADSHEET_NOW: FRONT_NOW, ...env }, code?.root);
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  return run;
}

/** Waits until every file written so far is old enough for its fingerprint to be trusted. */
function settle(): Promise<void> {
  return sleep(RACY_WINDOW_MS + 100);
}

/** A build that must stop after the scan, leaving every file of _site/ as it was. */
function buildUnchanged(env: Record<string, string> = {}) {
  const before = snapshot(site);
  const run = build(env);
  assert.match(run.stdout, SKIPPED, "the build stops after the scan");
  assert.match(run.stdout, /files: 0 written, 0 removed/);
  assert.deepEqual(snapshot(site), before, "no file's bytes or modification time changed");
}

/** A build that must run in full; its output must equal a cold build of the same content. */
function buildAndCompare(env: Record<string, string> = {}) {
  const run = build(env);
  assert.doesNotMatch(run.stdout, SKIPPED, "the change is seen");
  copyProject(site, cold);
  build(env, cold);
  assert.deepEqual(differences(snapshot(site), snapshot(cold)), [], "incremental equals cold");
  return run;
}

/**
 * A build that must run in full and rewrite the pages `edit` shows on. Whether a full build
 * equals a cold one, for every kind of input, is what the incremental tests prove
 * (tests/build/incremental*.test.ts); the risk this file covers is a build stopping when it
 * must not, so most edits are checked here by what they change, and a few against a cold build.
 */
function buildInFull(env: Record<string, string> = {}) {
  const before = snapshot(site);
  const run = build(env);
  assert.doesNotMatch(run.stdout, SKIPPED, "the change is seen");
  assert.notDeepEqual(differences(snapshot(site), before), [], "the change reaches the site");
  return run;
}

/** A build that must run in full over content that did not change: the site stays as it was. */
function buildInFullUnchanged() {
  const before = snapshot(site);
  const run = build();
  assert.doesNotMatch(run.stdout, SKIPPED, "the record is not trusted");
  assert.deepEqual(differences(snapshot(site), before), [], "the same site, built in full");
}

/**
 * An edit, seen by a build run when its fingerprint can be trusted; then nothing changed.
 * `check`: what the full build is held to (see buildInFull).
 */
async function afterEdit(
  edit: () => unknown,
  env: Record<string, string> = {},
  check: "changes the site" | "equals a cold build" = "changes the site",
) {
  await edit();
  await settle();
  if (check === "equals a cold build") buildAndCompare(env);
  else buildInFull(env);
  buildUnchanged(env);
}

const JANE = (role: string) => `name: Jane Tan\nrole: ${role}\nphoto: jane.jpg\n`;

before(async () => {
  writeStories(fixture);
  writeFront(fixture, "home", HOME_FRONT);
  writeFront(fixture, "asia", ASIA_FRONT);
  writeLiveBlog(fixture, 2);
  writeUpdate(fixture, updateName(3), updateSource(3, { time: LATE_UPDATE }));
  writeProfile(site, "jane-tan", JANE("Economics Correspondent"));
  writeAuthorFile(site, "jane.jpg", await photo(480, 640, 21));
  writePage(site, "about", pageSource({ footer: "true" }, "We report.\n\n![Our desk](desk.jpg)"));
  writePageFile(site, "about", "desk.jpg", await photo(800, 600, 22));
});

after(() => {
  code?.remove();
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("a build where nothing changed", () => {
  it("stops after the scan and rewrites nothing, once the last build recorded its inputs", async () => {
    build();
    await settle();
    // The first build may have found its inputs too new to trust: this one records them.
    build();
    buildUnchanged();
    buildUnchanged();
  });
});

describe("any input edited makes the next build run in full", () => {
  const articleFile = (slug: string, name = "index.md") =>
    path.join(site, "content/articles", slug, name);

  it("an article's text (against a cold build)", () =>
    afterEdit(
      () => appendFileSync(articleFile(STORIES.markets), "\nA new paragraph.\n"),
      {},
      "equals a cold build",
    ));
  it("an article's photo replaced in place (its folder unchanged)", () =>
    afterEdit(async () =>
      writeFileSync(articleFile(STORIES.floods, "photo.jpg"), await photo(640, 480, 23)),
    ));
  it("an article added, then one deleted", async () => {
    await afterEdit(() =>
      fixture.article(
        "port-reopens",
        articleSource(
          { title: '"Port reopens"', date: "2025-12-30T09:00:00+08:00", section: "asia" },
          "The port reopened.",
        ),
      ),
    );
    await afterEdit(() =>
      rmSync(path.join(site, "content/articles/port-reopens"), { recursive: true }),
    );
  });
  it("a front", () =>
    afterEdit(() => writeFront(fixture, "asia", ASIA_FRONT.replace("size: 2", "size: 1"))));
  it("a live update edited in place, and one added (the blog's own folder unchanged)", async () => {
    await afterEdit(() =>
      writeUpdate(fixture, updateName(2), updateSource(2, { body: "Rescuers reached Davao." })),
    );
    await afterEdit(() => writeUpdate(fixture, updateName(4), updateSource(4)));
  });
  it("a standing page and its photo", async () => {
    await afterEdit(() =>
      writePage(
        site,
        "about",
        pageSource({ footer: "true" }, "We report daily.\n\n![Our desk](desk.jpg)"),
      ),
    );
    await afterEdit(async () => {
      writePageFile(site, "about", "desk.jpg", await photo(800, 600, 24));
    });
  });
  it("an author's profile and photo", async () => {
    await afterEdit(() => writeProfile(site, "jane-tan", JANE("Business Editor")));
    await afterEdit(async () => {
      writeAuthorFile(site, "jane.jpg", await photo(480, 640, 25));
    });
  });
  it("the site settings", () =>
    afterEdit(() => {
      const file = path.join(site, "content/_data/site.yaml");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("The Broadsheet Times", "The Tests Times"),
      );
    }));
  it("a stylesheet", () =>
    afterEdit(() =>
      appendFileSync(path.join(site, "assets/css/site.css"), "\n.x { color: red; }\n"),
    ));
  it("an option from the environment (SITE_URL), and back", async () => {
    await afterEdit(() => {}, { SITE_URL: "https://news.example.com" });
    await afterEdit(() => {});
  });
  it("a layout (Broadsheet's code)", async () => {
    code = copyRepo();
    await settle();
    build();
    buildUnchanged();
    // A comment changes the code's version, not a page's bytes: held to a cold build.
    await afterEdit(
      () => appendFileSync(path.join(code?.root ?? "", "layouts/ArticlePage.tsx"), "\n// edited\n"),
      {},
      "equals a cold build",
    );
    code.remove();
    code = undefined;
    build();
  });
});

describe("time passing makes the next build run in full when the site would change", () => {
  it("not before the first time it shows, then at a banner's end, a live update's time and an embargo's release", async () => {
    await settle();
    build();
    buildUnchanged();
    const home = () => readFileSync(path.join(site, "_site/index.html"), "utf8");
    const blog = () => readFileSync(path.join(site, "_site/asia", LIVE_SLUG, "index.html"), "utf8");
    buildUnchanged({ BROADSHEET_NOW: "2026-01-01T05:59:00+08:00" });
    assert.match(home(), /Magnitude 6.4/, "the banner is up");
    buildAndCompare({ BROADSHEET_NOW: "2026-01-01T06:00:00+08:00" });
    assert.doesNotMatch(home(), /Magnitude 6.4/, "the banner is down at its end");
    buildUnchanged({ BROADSHEET_NOW: "2026-01-01T06:30:00+08:00" });
    assert.doesNotMatch(blog(), /Update number 3:/);
    buildAndCompare({ BROADSHEET_NOW: LATE_UPDATE });
    assert.match(blog(), /Update number 3:/, "the update shows at its time");
    buildUnchanged({ BROADSHEET_NOW: "2026-01-01T07:30:00+08:00" });
    buildAndCompare({ BROADSHEET_NOW: BUDGET_RELEASE });
    const budget = path.join(site, "_site/singapore", STORIES.budget, "index.html");
    assert.match(
      readFileSync(budget, "utf8"),
      /Budget to be unveiled/,
      "the embargoed story appears",
    );
  });
});

describe("a damaged, foreign or stale record of the inputs means a full build", () => {
  it("cut short, garbled, of another version, of another state, or with no _site/", async () => {
    await settle();
    build();
    buildUnchanged();
    const good = readFileSync(inputsFile);
    writeFileSync(inputsFile, good.subarray(0, good.length >> 1));
    buildInFullUnchanged();
    const garbled = Buffer.from(readFileSync(inputsFile));
    garbled[garbled.length - 10] = (garbled[garbled.length - 10] ?? 0) ^ 0x20;
    writeFileSync(inputsFile, garbled);
    buildInFullUnchanged();
    buildUnchanged();
    // Sound files whose digest matches, but written by another version or for another state.
    const read = readCheckedJson<{ state: string }>(inputsFile, "build-inputs", 1);
    assert.ok(read.ok);
    writeCheckedJson(inputsFile, "build-inputs", 2, read.value);
    buildInFullUnchanged();
    writeCheckedJson(inputsFile, "build-inputs", 1, { ...read.value, state: "0".repeat(64) });
    buildInFullUnchanged();
    buildUnchanged();
    const whole = snapshot(site);
    rmSync(path.join(site, "_site"), { recursive: true });
    const run = build();
    assert.doesNotMatch(run.stdout, SKIPPED, "no _site/: built in full");
    assert.deepEqual(differences(snapshot(site), whole), [], "the same site again");
  });
});
