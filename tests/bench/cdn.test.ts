/**
 * The benchmark's image-CDN measurement (scripts/bench/cdn.ts): two cold builds, each in its
 * own fresh copy with its own empty media cache, one with IMAGE_CDN=none and one with the CDN,
 * step times read from BROADSHEET_TIMINGS output. With a stand-in runner, then once for real on
 * a one-photo site (no big site is built here).
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import {
  type BuildRunner,
  formatCdnBench,
  imageCounts,
  imageStageMs,
  measureCdnBuilds,
} from "../../scripts/bench/cdn.ts";
import { articleSource, createFixtureSite, REPO_ROOT, SEED_SLUG } from "../helpers/fixture-site.ts";

const site = createFixtureSite();
after(() => site.remove());

/** What scripts/build.ts prints with BROADSHEET_TIMINGS=1 (from a real run). */
const output = (imagesSeconds: string, encoded: number) =>
  [
    `Built 1 article (63 pages: 63 rendered, 0 reused) into _site/ in 5.2 s · images: 2 (${2 - encoded} reused, ${encoded} encoded) · search: 1 part (1 indexed) · files: 472 written, 0 removed (fresh) · why: no previous build`,
    "    0.00 s  finding articles",
    "    0.02 s  reading articles",
    `  ${imagesSeconds} s  making images`,
    "    0.96 s  rendering pages",
  ].join("\n");

describe("measureCdnBuilds", () => {
  it("builds two fresh copies cold, without and with the CDN, and compares them", async () => {
    const calls: { root: string; env: Readonly<Record<string, string>> }[] = [];
    const run: BuildRunner = async (root, env) => {
      calls.push({ root, env });
      assert.ok(existsSync(path.join(root, "content/_data/site.yaml")), "a copy of the site");
      assert.ok(!existsSync(path.join(root, ".cache")), "nothing cached");
      await new Promise((resolve) => setTimeout(resolve, env.IMAGE_CDN === "none" ? 60 : 20));
      return {
        status: 0,
        stdout: output(env.IMAGE_CDN === "none" ? "  2.40" : "  0.30", 2),
        stderr: "",
      };
    };
    const result = await measureCdnBuilds({
      siteDir: site.root,
      cdn: "netlify",
      env: { BROADSHEET_NOW: "2026-01-01T00:00:00+08:00" },
      run,
    });
    assert.deepEqual(
      calls.map((call) => call.env.IMAGE_CDN),
      ["none", "netlify"],
    );
    for (const call of calls) {
      assert.equal(call.env.BROADSHEET_TIMINGS, "1");
      assert.equal(call.env.BROADSHEET_NOW, "2026-01-01T00:00:00+08:00");
      assert.ok(call.env.BROADSHEET_CACHE_DIR?.startsWith(call.root), "its own media cache");
    }
    assert.notEqual(calls[0]?.root, calls[1]?.root);
    assert.equal(result.without.imageStageMs, 2400);
    assert.equal(result.with.imageStageMs, 300);
    assert.equal(result.imageStageRatio, 0.125);
    assert.ok(result.ratio > 0 && result.ratio < 1, `ratio ${result.ratio}`);
    assert.ok(!existsSync(calls[0]?.root ?? ""), "the copies are removed");
    const report = formatCdnBench(result).join("\n");
    assert.match(report, /\| images\.cdn: netlify \| [\d.]+ s \| 0\.3 s \| 2 of 2 \|/);
    assert.match(report, /image stage 0\.13 x/);
  });

  it("fails with the build's own message when a build fails", async () => {
    const run: BuildRunner = async () => ({
      status: 1,
      stdout: "",
      stderr: "✖ photo.jpg is broken",
    });
    await assert.rejects(
      measureCdnBuilds({ siteDir: site.root, run }),
      /none build failed:\n✖ photo\.jpg/,
    );
  });

  it("reads the summary line and the timings as scripts/build.ts prints them", () => {
    assert.equal(imageStageMs(output("  0.65", 2)), 650);
    assert.equal(imageStageMs("no timings"), undefined);
    assert.deepEqual(imageCounts(output("  0.65", 1)), { total: 2, encoded: 1 });
  });

  it("measures real builds of a one-photo site", async () => {
    site.siteConfig(
      readFileSync(path.join(REPO_ROOT, "content/_data/site.yaml"), "utf8").replace(
        /^cms:\n(?: {2}.*\n)*/m,
        "",
      ),
    );
    site.article(
      "a-story",
      articleSource({ image: "\n  src: photo.jpg\n  alt: A briefing podium." }, "A story."),
    );
    copyFileSync(
      path.join(REPO_ROOT, "content/articles", SEED_SLUG, "video-thumbnail.jpg"),
      path.join(site.root, "content/articles/a-story/photo.jpg"),
    );
    const result = await measureCdnBuilds({
      siteDir: site.root,
      env: { BROADSHEET_NOW: "2026-01-01T00:00:00+08:00" },
    });
    assert.deepEqual(result.without.images, { total: 1, encoded: 1 });
    assert.deepEqual(result.with.images, { total: 1, encoded: 1 });
    assert.ok(result.without.imageStageMs !== undefined && result.with.imageStageMs !== undefined);
    // One master against 12 encodings and 4 crops: far cheaper, with room for a loaded machine.
    assert.ok(
      result.with.imageStageMs < result.without.imageStageMs,
      `${result.with.imageStageMs} ms with the CDN, ${result.without.imageStageMs} ms without`,
    );
  });
});
