/**
 * The benchmark harness's own contract, fast (no build is run): the synthetic site is
 * deterministic and valid by the article contract, and the report reads targets right.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { parseArguments } from "../../scripts/bench/arguments.ts";
import { parseSummary } from "../../scripts/bench/builds.ts";
import {
  BENCH_NOW,
  type BenchArticle,
  broadsheetMarkdown,
  generateArticles,
  plainMarkdown,
} from "../../scripts/bench/generate.ts";
import { chooseCandidate, slotWidth } from "../../scripts/bench/page-weight.ts";
import { wordCount } from "../../scripts/bench/prose.ts";
import { readFrames } from "../../scripts/bench/reload-listener.ts";
import { checkTargets, formatReport } from "../../scripts/bench/report.ts";
import {
  type BenchResults,
  type RunFigures,
  SCENARIOS,
  type ScenarioKey,
  type SizeResult,
  summarise,
} from "../../scripts/bench/results.ts";
import { siteSections, writeBroadsheetSite, writePlainSite } from "../../scripts/bench/site.ts";
import { loadContent } from "../../scripts/content/load.ts";
import { REPO_ROOT } from "../helpers/fixture-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-bench-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const SECTIONS = siteSections(REPO_ROOT);
const options = (seed: number) => ({ seed, sections: SECTIONS, photoCount: 5 });

/** Stand-in photo files: the generator only copies them, so any bytes do. */
function fakePhotos(): string[] {
  return Array.from({ length: 5 }, (_, i) => {
    const file = path.join(scratch, `photo-${i}.jpg`);
    writeFileSync(file, `photo ${i}`);
    return file;
  });
}

/** Every file under `dir`, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), readFileSync(full).toString("base64"));
  }
  return files;
}

describe("synthetic site generator", () => {
  it("writes byte-identical projects for the same seed, and different ones for another", () => {
    const photos = fakePhotos();
    const write = (name: string, seed: number) => {
      const root = path.join(scratch, name);
      const articles = generateArticles(40, options(seed));
      writeBroadsheetSite(path.join(root, "site"), articles, { repoRoot: REPO_ROOT, photos });
      writeBroadsheetSite(path.join(root, "bare"), articles, { repoRoot: REPO_ROOT });
      writePlainSite(path.join(root, "plain"), articles);
      return snapshot(root);
    };
    const first = write("a", 7);
    const second = write("b", 7);
    assert.ok(first.size > 120);
    assert.deepEqual(second, first);
    assert.notDeepEqual(write("c", 8), first);
  });

  it("makes a small site the prefix of a larger one", () => {
    assert.deepEqual(
      generateArticles(20, options(3)),
      generateArticles(50, options(3)).slice(0, 20),
    );
  });

  it("writes articles that pass Broadsheet's content validation", () => {
    const root = path.join(scratch, "valid");
    const articles = generateArticles(100, options(11));
    writeBroadsheetSite(root, articles, { repoRoot: REPO_ROOT, photos: fakePhotos() });
    const loaded = loadContent({
      root,
      now: DateTime.fromISO(BENCH_NOW, { setZone: true }),
      includeDrafts: false,
      includeFuture: false,
    });
    assert.ok(loaded.ok, loaded.ok ? "" : JSON.stringify(loaded.issues.slice(0, 3), null, 2));
    assert.equal(loaded.value.articles.length, 100);
    assert.equal(loaded.value.articles.filter((a) => a.image).length, 10);
    assert.equal(loaded.value.articles.filter((a) => a.video).length, 2);
  });

  it("gives realistic articles: about 600 words, 1-4 tags, dates in the two years before now", () => {
    const articles = generateArticles(200, options(5));
    const now = Date.parse(BENCH_NOW);
    for (const article of articles) {
      const words = wordCount(article.body);
      assert.ok(words >= 560 && words <= 720, `${article.slug}: ${words} words`);
      assert.ok(article.tags.length >= 1 && article.tags.length <= 4);
      assert.match(article.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/);
      const age = now - Date.parse(article.date);
      assert.ok(age > 0 && age <= 2 * 366 * 86_400_000, `${article.date} out of range`);
      assert.ok(SECTIONS.includes(article.section));
    }
    const bodies = articles.map((a) => a.body).join("\n");
    assert.match(bodies, /^## /m);
    assert.match(bodies, /\]\(https:\/\/www\.example\.com\//);
    assert.match(bodies, /^"/m);
    assert.ok(new Set(articles.flatMap((a) => a.tags)).size > 50);
    assert.ok(articles.some((a) => a.authors) && articles.some((a) => a.dateline && a.sources));
  });

  it("drops media from the no-image variant and reduces plain front matter to title, date, layout", () => {
    const article = generateArticles(1, options(1))[0] as BenchArticle;
    assert.ok(article.image);
    assert.match(broadsheetMarkdown(article), /\nimage:\n {2}src: photo\.jpg\n/);
    assert.doesNotMatch(broadsheetMarkdown(article, false), /image:|video:/);
    const front = plainMarkdown(article).split("---")[1] ?? "";
    assert.deepEqual(
      front
        .trim()
        .split("\n")
        .map((line) => line.split(":")[0]),
      ["title", "date", "layout"],
    );
  });
});

function run(wallMs: number, cpuMs = wallMs, maxRssBytes = 300 * 2 ** 20): RunFigures {
  return { wallMs, cpuMs, maxRssBytes, childPeakRssBytes: 40 * 2 ** 20 };
}

function sizeResult(size: number, walls: Partial<Record<ScenarioKey, number>>): SizeResult {
  const builds = Object.fromEntries(
    SCENARIOS.map(({ key }) => [key, summarise([run(walls[key] ?? 1000)])]),
  ) as SizeResult["builds"];
  return {
    size,
    site: {
      articles: size,
      withPhoto: size / 10,
      withVideo: size / 50,
      imageRequests: size / 10 + size / 50,
      distinctImages: 10,
      generateMs: 100,
    },
    builds,
    imageStage: {
      images: 10,
      files: 160,
      bareMs: 10_000,
      moduleMs: 10_500,
      moduleEncoded: 10,
      moduleReused: 0,
    },
    pages: [{ page: "home", url: "/", rawBytes: 20_000, gzipBytes: 5000 }],
    devServer: { startMs: 5000, edits: [{ reloadMs: 700, pageMs: 720 }] },
  };
}

describe("benchmark report", () => {
  const results: BenchResults = {
    date: "2026-01-01T00:00:00.000Z",
    machine: {
      cpu: "Test CPU",
      cores: 2,
      memoryBytes: 8 * 2 ** 30,
      node: "v20.20.0",
      platform: "linux x64",
      sharp: "0.35.5",
      vips: "8.18.7",
      loadAverage: 0.1,
    },
    command: "npm run bench -- 1000",
    seed: 1,
    repeat: 1,
    sizes: [
      sizeResult(1000, { warm: 6000, noImagesWarm: 5000, noImagesCold: 9000, plainCold: 4000 }),
    ],
    leadImage: [
      {
        device: "phone 375 px, DPR 2",
        neededPx: 750,
        chosenWidth: 800,
        avifBytes: 10_000,
        webpBytes: 11_000,
        jpegBytes: 20_000,
      },
    ],
    leadImageSource: "content/articles/seed/photo.jpg",
    totalMs: 60_000,
  };

  it("marks targets met or missed at their own size, indicative elsewhere, and names sizes not run", () => {
    const checks = checkTargets(results);
    const find = (prefix: string, size: number) =>
      checks.find((check) => check.target.startsWith(prefix) && check.size === size);
    assert.equal(find("Warm build with images", 1000)?.status, "met"); // 1.2x exactly
    assert.equal(find("Broadsheet without images", 1000)?.status, "indicative");
    assert.equal(find("Broadsheet without images", 4000)?.status, "not measured");
    assert.equal(find("Image stage", 1000)?.status, "met");
    assert.equal(find("Dev server", 1000)?.status, "met");
    assert.equal(find("Peak memory", 4000)?.status, "not measured");
    const slower = { ...results, sizes: [sizeResult(1000, { warm: 6100, noImagesWarm: 5000 })] };
    assert.equal(
      checkTargets(slower).find((c) => c.target.startsWith("Warm build"))?.status,
      "missed",
    );
  });

  it("formats a Markdown report with the machine, the targets and every build", () => {
    const markdown = formatReport(results);
    assert.match(markdown, /^# Broadsheet benchmark\n/);
    assert.match(markdown, /Machine: Test CPU, 2 cores, 8\.0 GiB, Node v20\.20\.0/);
    assert.match(
      markdown,
      /\| Warm build with images vs without images \(wall\) \| 1,000 \| 1\.20x \(CPU 1\.20x\) \| ≤ 1\.2x \| \*\*met\*\* \|/,
    );
    assert.match(
      markdown,
      /\| Broadsheet without images vs plain Eleventy.* \| 4,000 \| - \| ≤ 1\.25x \| not measured/,
    );
    for (const { label } of SCENARIOS) assert.ok(markdown.includes(`| ${label} |`), label);
    assert.match(
      markdown,
      /\| phone 375 px, DPR 2 \| 750 \| 800 \| 9\.8 KB \| 10\.7 KB \| 19\.5 KB \|/,
    );
  });
});

describe("benchmark helpers", () => {
  it("reads the build's summary line", () => {
    const line =
      "Built 1000 articles (1234 pages) into _site/ in 9.1 s · images: 120 (100 reused, 20 encoded) · search: 1000 pages";
    assert.deepEqual(parseSummary(`[11ty] Wrote 1234 files\n${line}\n`), {
      articles: 1000,
      pages: 1234,
      images: { total: 120, reused: 100, encoded: 20 },
    });
    assert.equal(parseSummary("nothing"), undefined);
  });

  it("parses sizes and options", () => {
    assert.deepEqual(parseArguments([]).sizes, [100, 1000, 4000]);
    const parsed = parseArguments(["100", "--repeat", "3", "--seed=9", "--no-dev"]);
    assert.deepEqual([parsed.sizes, parsed.repeat, parsed.seed, parsed.dev], [[100], 3, 9, false]);
    assert.throws(() => parseArguments(["--fast"]), /unknown argument/);
  });

  it("picks the srcset candidate a browser would for the lead slot", () => {
    const sizes = "(min-width: 760px) 720px, 100vw";
    assert.equal(slotWidth(sizes, 375), 375);
    assert.equal(slotWidth(sizes, 1280), 720);
    const files = [400, 800, 1200, 1600].map((width) => ({
      path: `media/p-${width}.jpg`,
      width,
      height: width,
      format: "jpeg" as const,
    }));
    assert.equal(chooseCandidate(files, 750)?.width, 800);
    assert.equal(chooseCandidate(files, 1440)?.width, 1600);
    assert.equal(chooseCandidate(files, 2000)?.width, 1600);
  });

  it("reads WebSocket text frames, complete or split", () => {
    const text = JSON.stringify({ type: "eleventy.reload" });
    const frame = Buffer.concat([Buffer.from([0x81, text.length]), Buffer.from(text)]);
    assert.deepEqual(readFrames(frame).payloads, [text]);
    const partial = readFrames(frame.subarray(0, 5));
    assert.deepEqual(partial.payloads, []);
    assert.equal(partial.rest.length, 5);
  });
});
