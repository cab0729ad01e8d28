/**
 * Every input of an output is part of its key, so an incremental build notices every change a
 * cold build would show: the image pipeline's code (a change to the JPEG quality in
 * scripts/media/defaults.ts re-encodes the images and re-renders the pages that show them), a
 * photo's real file (a link re-pointed out of the article's folder is refused as a cold build
 * refuses it), and author profiles (kept in the build state like articles).
 */
import assert from "node:assert/strict";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { runBuild } from "../helpers/build.ts";
import { articleSource, REPO_ROOT, SEED_SLUG } from "../helpers/fixture-site.ts";
import { writeProfile } from "../helpers/profiles.ts";
import { copyRepo, type RepoCopy } from "../helpers/repo-copy.ts";
import { copyProject, differences, snapshot } from "../helpers/site-snapshot.ts";
import {
  build,
  createTransactionSite,
  type Run,
  siteDifferences,
} from "../helpers/transaction-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-keys-"));
const cleanups: (() => void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
after(() => {
  for (const cleanup of cleanups) cleanup();
});

/** Builds `root` with a copy of Broadsheet's code. */
function buildWith(code: RepoCopy, root: string, env: Record<string, string> = {}): Run {
  return runBuild(root, { BROADSHEET_WORKERS: "1", ...env }, code.root);
}

/** The image files a site publishes. */
function mediaFiles(root: string): string[] {
  return readdirSync(path.join(root, "_site/media")).sort();
}

describe("the image pipeline's code is part of every image's key", () => {
  it("re-encodes the images and re-renders their pages when the JPEG quality changes, equal to a cold build", () => {
    const code = copyRepo();
    cleanups.push(code.remove);
    const site = createTransactionSite();
    cleanups.push(site.remove);
    const first = buildWith(code, site.root);
    assert.equal(first.status, 0, first.stderr);
    const before = snapshot(site.root);
    const defaults = path.join(code.root, "scripts/media/defaults.ts");
    const source = readFileSync(defaults, "utf8");
    assert.match(source, /jpeg: \{ quality: 80 \}/);
    writeFileSync(defaults, source.replace("jpeg: { quality: 80 }", "jpeg: { quality: 79 }"));
    const incremental = buildWith(code, site.root);
    assert.equal(incremental.status, 0, incremental.stderr);
    // (Encoded now, or found in the shared media cache from an earlier run of this test: either
    // way, not the last build's images.)
    const after = snapshot(site.root);
    const changed = [...after.keys()].filter(
      (file) => before.get(file)?.hash !== after.get(file)?.hash,
    );
    assert.ok(changed.includes("news/alpha/index.html"), "the page showing the photos changed");
    assert.ok(changed.includes("index.html"), "the front page showing its card changed");
    const oldNames = [...before.keys()].filter((file) => file.startsWith("media/"));
    const kept = mediaFiles(site.root).filter((name) => oldNames.includes(`media/${name}`));
    assert.deepEqual(
      kept,
      [],
      "every image file has a new name: new bytes, never under an old name",
    );
    const cold = path.join(scratch, "cold-quality");
    copyProject(site.root, cold);
    const fresh = buildWith(code, cold);
    assert.equal(fresh.status, 0, fresh.stderr);
    assert.deepEqual(differences(after, snapshot(cold)), []);
  });
});

describe("a photo's real file is part of its article's key", () => {
  it("refuses a photo link re-pointed out of the article's folder, as a cold build does", () => {
    const site = createTransactionSite();
    cleanups.push(site.remove);
    const folder = path.join(site.root, "content/articles/alpha");
    // The body photo is a link to a file inside the folder: allowed.
    copyFileSync(path.join(folder, "quay.jpg"), path.join(folder, "quay-original.jpg"));
    rmSync(path.join(folder, "quay.jpg"));
    symlinkSync("quay-original.jpg", path.join(folder, "quay.jpg"));
    const first = build(site.root);
    assert.equal(first.status, 0, first.stderr);
    const published = snapshot(site.root);
    // Re-pointed at a file outside the article's folder: index.md and the names beside it are
    // unchanged, only where the link leads is not.
    const outside = path.join(scratch, "elsewhere");
    mkdirSync(outside, { recursive: true });
    copyFileSync(
      path.join(REPO_ROOT, "content/articles", SEED_SLUG, "photo.jpg"),
      path.join(outside, "quay.jpg"),
    );
    rmSync(path.join(folder, "quay.jpg"));
    symlinkSync(path.join(outside, "quay.jpg"), path.join(folder, "quay.jpg"));
    const incremental = build(site.root);
    const cold = path.join(scratch, "cold-link");
    copyProject(site.root, cold);
    const fresh = build(cold);
    assert.equal(fresh.status, 1, "a cold build refuses the link");
    assert.equal(
      incremental.status,
      1,
      `the incremental build refuses it too:\n${incremental.stdout}`,
    );
    const problem =
      /content\/articles\/alpha\/index\.md:\d+\s+The photo on line \d+ names quay\.jpg, which is not a regular file inside the article's folder\./;
    assert.match(fresh.stderr, problem);
    assert.match(incremental.stderr, problem);
    assert.deepEqual(differences(snapshot(site.root), published), [], "_site/ is untouched");
  });
});

describe("author profiles are kept in the build state", () => {
  it("records them with the articles, and a profile edit equals a cold build", () => {
    const site = createTransactionSite();
    cleanups.push(site.remove);
    writeProfile(site.root, "tan-hui-yee", "name: Tan Hui Yee\nrole: Harbour reporter\n");
    site.article(
      "beta",
      articleSource(
        {
          title: '"Council approves the budget"',
          date: "2025-12-10T09:00:00+08:00",
          section: "news",
          authors: "[tan-hui-yee]",
        },
        "The council approved the budget.",
      ),
    );
    const first = build(site.root);
    assert.equal(first.status, 0, first.stderr);
    const chunks = readdirSync(path.join(site.root, ".cache/build/site/state"));
    const authors = chunks.filter((name) => name.startsWith("authors-"));
    assert.equal(authors.length, 1, `a chunk of profiles in ${chunks.join(", ")}`);
    assert.match(
      readFileSync(path.join(site.root, ".cache/build/site/state", authors[0] as string), "utf8"),
      /Harbour reporter/,
    );
    writeProfile(site.root, "tan-hui-yee", "name: Tan Hui Yee\nrole: Chief harbour reporter\n");
    const second = build(site.root);
    assert.equal(second.status, 0, second.stderr);
    const cold = path.join(scratch, "cold-profile");
    copyProject(site.root, cold);
    assert.equal(build(cold).status, 0);
    assert.deepEqual(siteDifferences(site.root, snapshot(cold)), []);
  });
});
