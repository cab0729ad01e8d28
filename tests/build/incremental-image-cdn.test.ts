/**
 * The incremental build's promise across a change of image CDN: after each switch of
 * `images.cdn` or `IMAGE_CDN` (and a photo replaced under one), the site built incrementally is
 * byte-identical to a cold build of a fresh copy with the same setting; the encodings or masters
 * of the old setting are removed from _site/media/; files whose bytes did not change keep their
 * modification time. The same pattern as incremental.test.ts.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, REPO_ROOT, SEED_SLUG } from "../helpers/fixture-site.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";

const fixture = createFixtureSite({ seed: true });
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-cdn-cold-"));
const cold = path.join(scratch, "cold");
/** The repository's configuration without its `cms:` block: /admin/ plays no part here. */
const BASE_CONFIG = readFileSync(path.join(REPO_ROOT, "content/_data/site.yaml"), "utf8").replace(
  /^cms:\n(?: {2}.*\n)*/m,
  "",
);

/** Builds `root`; a failed build fails the test with its report. */
function build(root: string, env: Record<string, string | undefined>) {
  const result = runBuild(root, env);
  assert.equal(result.status, 0, `${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Builds the fixture incrementally and a fresh copy cold, with the same setting; compares. */
function buildAndCompare(imageCdn?: string) {
  const before = snapshot(site);
  const output = build(site, { IMAGE_CDN: imageCdn });
  copyProject(site, cold);
  build(cold, { IMAGE_CDN: imageCdn });
  const after = snapshot(site);
  assert.deepEqual(differences(after, snapshot(cold)), [], "incremental output equals cold output");
  const touched = [...after].filter(([file, now]) => {
    const then = before.get(file);
    return then && then.hash === now.hash && then.mtimeMs !== now.mtimeMs;
  });
  assert.deepEqual(
    touched.map(([file]) => file),
    [],
    "unchanged files keep their mtime",
  );
  return { output, before, after };
}

const media = (files: ReadonlyMap<string, SiteFile>) =>
  [...files.keys()].filter((file) => file.startsWith("media/"));

before(() => {
  fixture.siteConfig(BASE_CONFIG);
  fixture.article(
    "envoys-meet",
    articleSource(
      {
        title: '"Envoys meet as talks resume"',
        date: "2019-06-30T15:00:00+08:00",
        section: "asia",
        tags: "[North Korea]",
        image: "\n  src: desk.jpg\n  alt: A desk by a window.\n  credit: AFP\n  focus: [0.2, 0.8]",
      },
      "Envoys met on Sunday.",
    ),
  );
  copyFileSync(
    path.join(REPO_ROOT, "content/articles", SEED_SLUG, "photo.jpg"),
    path.join(site, "content/articles/envoys-meet/desk.jpg"),
  );
});
after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("switching the image CDN, an incremental build equals a cold build", () => {
  it("from the default: every size made locally", () => {
    const { after } = buildAndCompare();
    assert.ok(media(after).some((file) => file.endsWith(".avif")));
  });

  it("to Netlify by IMAGE_CDN: the encodings go, masters and pre-cut crops come", () => {
    const { after } = buildAndCompare("netlify");
    const files = media(after);
    assert.ok(
      files.every((file) => file.endsWith(".jpg")),
      files.join(", "),
    );
    assert.equal(files.filter((file) => file.endsWith("-master.jpg")).length, 3);
    assert.equal(files.length, 3 * 5, "three images, each a master and four crops");
  });

  it("to Cloudflare: Netlify's crops go, the masters stay untouched", () => {
    const { before, after } = buildAndCompare("cloudflare");
    const files = media(after);
    assert.equal(files.length, 3);
    for (const file of files) {
      assert.equal(after.get(file)?.mtimeMs, before.get(file)?.mtimeMs, `${file} kept`);
    }
  });

  it("to imgix in site.yaml: the same masters, every page re-rendered with imgix URLs", () => {
    fixture.siteConfig(
      `${BASE_CONFIG}images:\n  cdn: imgix\n  imgixDomain: broadsheet.imgix.net\n`,
    );
    const { output, after } = buildAndCompare();
    assert.match(output, /site configuration changed/);
    const page = readFileSync(path.join(site, "_site/asia/envoys-meet/index.html"), "utf8");
    assert.match(
      page,
      /srcset="https:\/\/broadsheet\.imgix\.net\/media\/desk-[0-9a-f]{10}-master\.jpg\?w=400&amp;fm=avif&amp;q=58 400w/,
    );
    assert.equal(media(after).length, 3);
  });

  it("when a photo is replaced under imgix: its master changes, the old one goes", () => {
    const before = snapshot(site);
    copyFileSync(
      path.join(REPO_ROOT, "content/articles", SEED_SLUG, "video-thumbnail.jpg"),
      path.join(site, "content/articles/envoys-meet/desk.jpg"),
    );
    const { after } = buildAndCompare();
    const gone = media(before).filter((file) => !after.has(file));
    assert.equal(gone.length, 1, `one master replaced: ${gone}`);
    assert.match(gone[0] ?? "", /^media\/desk-[0-9a-f]{10}-master\.jpg$/);
  });

  it("when nothing changed under a CDN: nothing is rendered or written", () => {
    const { output, before, after } = buildAndCompare();
    assert.match(output, /0 rendered/);
    assert.deepEqual(differences(after, before), []);
  });

  it("back to the default: the masters go, every size is made locally again", () => {
    fixture.siteConfig(BASE_CONFIG);
    const { after } = buildAndCompare();
    const files = media(after);
    assert.equal(files.filter((file) => file.endsWith("-master.jpg")).length, 0);
    assert.equal(files.filter((file) => file.endsWith(".avif")).length, 3 * 4);
  });
});
