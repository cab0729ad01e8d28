/**
 * The benchmark harness's own contract, fast (no build is run): the synthetic archive is
 * deterministic and valid by the article contract, the Hugo project is what Hugo reads, and
 * the summary-line parser, targets, report and chart read synthetic results right.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { parse as parseYaml } from "yaml";
import { type ArchiveEntry, pickArticles } from "../../scripts/bench/archive.ts";
import { DEFAULT_SIZES, parseArguments } from "../../scripts/bench/arguments.ts";
import { chartSeries, decades, logScale, scaleChart } from "../../scripts/bench/chart.ts";
import { changeLayout, codeAt, LAYOUT_FILE } from "../../scripts/bench/code-copy.ts";
import {
  BENCH_NOW,
  type BenchArticle,
  broadsheetMarkdown,
  generateArticles,
  plainMarkdown,
  publishedArticle,
} from "../../scripts/bench/generate.ts";
import { onPath } from "../../scripts/bench/hugo-run.ts";
import {
  HUGO_LIST_LENGTH,
  startHugoSite,
  writeHugoArticle,
} from "../../scripts/bench/hugo-site.ts";
import { mergeFigures, parseTimeOutput } from "../../scripts/bench/measure.ts";
import { chooseCandidate, slotWidth } from "../../scripts/bench/page-weight.ts";
import { processKind } from "../../scripts/bench/process-tree.ts";
import { profilesByProcess } from "../../scripts/bench/profiled-build.ts";
import { writeProjects } from "../../scripts/bench/projects.ts";
import { wordCount } from "../../scripts/bench/prose.ts";
import { readFrames } from "../../scripts/bench/reload-listener.ts";
import { formatReport } from "../../scripts/bench/report.ts";
import {
  type BenchResults,
  BUILDS,
  type BuildKey,
  type RunFigures,
  type SizeResult,
  summarise,
} from "../../scripts/bench/results.ts";
import {
  siteConfig,
  siteSections,
  writeBroadsheetSite,
  writePlainSite,
} from "../../scripts/bench/site.ts";
import { parseSummary } from "../../scripts/bench/summary-line.ts";
import { checkTargets } from "../../scripts/bench/targets.ts";
import { usageHookModuleSource } from "../../scripts/bench/usage.ts";
import { loadContent } from "../../scripts/content/load.ts";
import { REPO_ROOT } from "../helpers/fixture-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-bench-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const SITE = siteConfig(REPO_ROOT);
const SECTIONS = siteSections(REPO_ROOT);
const options = (seed: number) => ({ seed, sections: SECTIONS, photoCount: 5 });
const MIB = 2 ** 20;

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

/** Front matter of a Markdown file, parsed. */
function frontMatter(markdown: string): Record<string, unknown> {
  return parseYaml(markdown.split("---")[1] ?? "") as Record<string, unknown>;
}

describe("synthetic archive generator", () => {
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

  it("makes a small archive the prefix of a larger one", () => {
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
    assert.deepEqual(Object.keys(frontMatter(plainMarkdown(article))), ["title", "date", "layout"]);
  });

  it("publishes a new article dated now, with two tags and no media", () => {
    const article = publishedArticle(500, options(1));
    assert.equal(Date.parse(article.date), Date.parse(BENCH_NOW));
    assert.equal(article.tags.length, 2);
    assert.equal(new Set(article.tags).size, 2);
    assert.equal(article.image, undefined);
    assert.equal(article.video, undefined);
    assert.equal(
      Date.parse(publishedArticle(501, options(1), 2).date),
      Date.parse(BENCH_NOW) - 120_000,
    );
    assert.ok(!generateArticles(500, options(1)).some((a) => a.slug === article.slug));
  });

  it("writes the three projects in one pass, the same Markdown as the whole-archive writers", () => {
    const dir = path.join(scratch, "projects");
    const projects = writeProjects(dir, 30, {
      repoRoot: REPO_ROOT,
      site: SITE,
      seed: 4,
      plain: true,
      hugo: true,
    });
    const articles = generateArticles(30, { ...options(4), sections: SECTIONS });
    writeBroadsheetSite(path.join(scratch, "projects-whole"), articles, { repoRoot: REPO_ROOT });
    assert.deepEqual(snapshot(projects.broadsheet), snapshot(path.join(scratch, "projects-whole")));
    assert.equal(readdirSync(path.join(projects.plainInput, "articles")).length, 30);
    assert.deepEqual(
      projects.entries.map((entry) => entry.slug),
      articles.map((article) => article.slug),
    );
    assert.equal(projects.entries[3]?.title, articles[3]?.title);
  });
});

describe("the Hugo project", () => {
  it("has a configuration, a single and a list layout, and a content folder per section", () => {
    const root = path.join(scratch, "hugo");
    startHugoSite(root, SITE);
    const config = readFileSync(path.join(root, "hugo.toml"), "utf8");
    assert.match(config, /^title = "The Broadsheet Times"$/m);
    assert.match(config, /\[taxonomies\]\n {2}tag = "tags"/);
    assert.match(config, new RegExp(`limit = ${HUGO_LIST_LENGTH}`));
    const list = readFileSync(path.join(root, "layouts/_default/list.html"), "utf8");
    assert.match(list, new RegExp(`range first ${HUGO_LIST_LENGTH} \\$pages`));
    assert.doesNotMatch(list, /Paginat/);
    assert.ok(existsSync(path.join(root, "layouts/_default/single.html")));
    for (const section of SITE.sections) {
      const index = readFileSync(path.join(root, "content", section.slug, "_index.md"), "utf8");
      assert.equal(frontMatter(index).title, section.name);
    }
  });

  it("writes each article under its section with title, date and tags", () => {
    const root = path.join(scratch, "hugo");
    const [article] = generateArticles(1, options(2)) as [BenchArticle];
    writeHugoArticle(root, article);
    const file = path.join(root, "content", article.section, `${article.slug}.md`);
    const markdown = readFileSync(file, "utf8");
    assert.deepEqual(frontMatter(markdown), {
      title: article.title,
      date: article.date,
      tags: [...article.tags],
    });
    assert.ok(markdown.endsWith(article.body));
  });

  it("builds with Hugo, when it is installed: lists of at most 24, a page per tag", {
    skip: onPath("hugo") === undefined ? "hugo is not on PATH" : false,
  }, () => {
    const root = path.join(scratch, "hugo-built");
    startHugoSite(root, SITE);
    const articles = generateArticles(60, options(9));
    for (const article of articles) writeHugoArticle(root, article);
    const built = spawnSync("hugo", ["--source", root, "--destination", "public", "--quiet"], {
      encoding: "utf8",
    });
    assert.equal(built.status, 0, built.stderr);
    const home = readFileSync(path.join(root, "public/index.html"), "utf8");
    assert.equal(home.match(/<li>/g)?.length, HUGO_LIST_LENGTH);
    const [first] = articles as [BenchArticle];
    const page = readFileSync(
      path.join(root, "public", first.section, first.slug, "index.html"),
      "utf8",
    );
    assert.ok(page.includes(`<h1>${first.title}</h1>`));
    assert.ok(
      existsSync(
        path.join(
          root,
          "public/tags",
          first.tags[0]?.toLowerCase().replace(/ /g, "-") ?? "",
          "index.html",
        ),
      ),
    );
  });

  it("finds a program on PATH, and says when it is not there", () => {
    const bin = path.join(scratch, "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, "hugo"), "");
    assert.equal(onPath("hugo", `/nowhere${path.delimiter}${bin}`), path.join(bin, "hugo"));
    assert.equal(onPath("hugo", "/nowhere"), undefined);
  });
});

function run(wallMs: number, peaks: Partial<Record<"main" | "worker" | "pagefind", number>> = {}) {
  const kind = (peak: number, count = 1) => ({
    count,
    peakRssBytes: peak,
    cpuMs: wallMs,
    sampled: false,
  });
  return {
    wallMs,
    cpuMs: wallMs * 1.5,
    processes: {
      main: kind(peaks.main ?? 400 * MIB),
      worker: kind(peaks.worker ?? 300 * MIB, 2),
      pagefind: { ...kind(peaks.pagefind ?? 100 * MIB), sampled: true },
    },
    summary: { articles: 1, pages: 10, rendered: 3, reused: 7, why: "no previous build" },
  } satisfies RunFigures;
}

function sizeResult(
  size: number,
  walls: Partial<Record<BuildKey, number>>,
  extra: Partial<SizeResult> = {},
): SizeResult {
  const builds = Object.fromEntries(
    BUILDS.flatMap(({ key }) => {
      const wall = walls[key];
      return wall === undefined ? [] : [[key, summarise([run(wall)])]];
    }),
  ) as SizeResult["builds"];
  return { size, generateMs: 100, builds, errors: {}, ...extra };
}

const MACHINE = {
  cpu: "Test CPU",
  cores: 2,
  memoryBytes: 8 * 2 ** 30,
  node: "v20.20.0",
  platform: "linux x64",
  sharp: "0.35.5",
  vips: "8.18.7",
  loadAverage: 0.1,
};

function results(sizes: SizeResult[]): BenchResults {
  return {
    date: "2026-01-01T00:00:00.000Z",
    machine: MACHINE,
    command: "npm run bench -- 4000 20000",
    seed: 1,
    repeat: 1,
    hugo: { version: "hugo v0.111.3", measuredWith: "GNU time (rusage)" },
    sizes,
    totalMs: 60_000,
  };
}

const FOUR_THOUSAND = sizeResult(
  4000,
  { cold: 20_000, unchanged: 2000, added: 3000, plainCold: 10_000, hugoCold: 3000 },
  {
    devServer: {
      startMs: 5000,
      edits: [
        { reloadMs: 600, pageMs: 700 },
        { reloadMs: 900, pageMs: 1100 },
        { reloadMs: 500, pageMs: 650 },
      ],
    },
  },
);
const TWENTY_THOUSAND = sizeResult(20_000, { cold: 110_000, added: 8000, hugoCold: 15_000 });

describe("issue 25's targets (and issue 11's for the dev server)", () => {
  const checks = checkTargets(
    results([
      sizeResult(1000, { cold: 6000, hugoCold: 800, added: 900 }),
      FOUR_THOUSAND,
      TWENTY_THOUSAND,
    ]),
  );
  const find = (prefix: string, size: number) =>
    checks.find((check) => check.target.startsWith(prefix) && check.size === size);

  it("checks each limit at its own size: publish-one against 0.75x, 0.25x and 0.05x of Hugo", () => {
    assert.equal(find("Publishing one article vs", 4000)?.status, "missed"); // 1.0x
    assert.equal(find("Publishing one article vs", 4000)?.limit, "≤ 0.75x");
    assert.equal(find("Publishing one article vs", 20_000)?.status, "missed"); // 0.53x
    assert.equal(find("Publishing one article vs", 20_000)?.limit, "≤ 0.25x");
    assert.equal(find("Publishing one article vs", 100_000)?.status, "not measured");
    assert.equal(find("Publishing one article vs", 100_000)?.limit, "≤ 0.05x");
    assert.equal(find("Publishing one article vs", 1000)?.status, "indicative");
    assert.equal(find("Publishing one article vs", 1000)?.limitAt, 4000);
    assert.equal(find("Nothing changed", 4000)?.status, "missed"); // 0.67x
    assert.equal(find("Nothing changed", 4000)?.limit, "≤ 0.5x");
    assert.equal(find("Cold build vs plain", 4000)?.status, "met"); // 2.0x exactly
    assert.equal(find("npm start", 4000)?.status, "met"); // median 700 ms
  });

  it("meets a limit at exactly the limit: publish 0.75x and nothing changed 0.5x at 4,000", () => {
    const at = (builds: Parameters<typeof sizeResult>[1]) =>
      checkTargets(results([sizeResult(4000, builds)]));
    const exactly = at({ added: 2250, unchanged: 1500, hugoCold: 3000 });
    const status = (prefix: string) =>
      exactly.find((check) => check.target.startsWith(prefix) && check.size === 4000)?.status;
    assert.equal(status("Publishing one article vs"), "met");
    assert.equal(status("Nothing changed"), "met");
  });

  it("checks a layout change against Hugo's cold build, and a publish's memory under 300 MiB", () => {
    const twenty = (builds: Parameters<typeof sizeResult>[1]) =>
      checkTargets(results([sizeResult(20_000, builds)]));
    const status = (checks: ReturnType<typeof checkTargets>, prefix: string) =>
      checks.find((check) => check.target.startsWith(prefix) && check.size === 20_000)?.status;
    assert.equal(status(twenty({ layout: 15_000, hugoCold: 15_000 }), "A layout change"), "met");
    assert.equal(status(twenty({ layout: 15_100, hugoCold: 15_000 }), "A layout change"), "missed");
    // The fixture's "added" build peaks at 400 MiB in its main process.
    assert.equal(status(twenty({ added: 3000 }), "Publishing one article, every"), "missed");
    assert.equal(find("Publishing one article in a 1,000,000", 1_000_000)?.status, "not measured");
  });

  it("checks issue 25's older story's edit against 0.4x of Hugo at 20,000 and 0.08x at 100,000", () => {
    const older = (size: number, edit: number, hugo: number) =>
      checkTargets(results([sizeResult(size, { olderEdited: edit, hugoCold: hugo })])).find(
        (check) =>
          check.target.startsWith("An older story's headline edited") && check.size === size,
      );
    assert.equal(older(20_000, 6000, 15_000)?.status, "met"); // 0.4x exactly
    assert.match(older(20_000, 6000, 15_000)?.measured ?? "", /edit 6\.00 s, Hugo 15\.00 s/);
    assert.equal(older(20_000, 6100, 15_000)?.status, "missed");
    assert.equal(older(100_000, 4000, 50_000)?.status, "met"); // 0.08x exactly
    assert.equal(older(100_000, 4100, 50_000)?.status, "missed");
  });

  it("reads the cost per article against the smallest size of at least 4,000", () => {
    const cost = find("Cold build's cost", 20_000);
    assert.equal(cost?.status, "indicative");
    assert.match(cost?.measured ?? "", /^1\.10x \(5\.50 ms per article vs 5\.00 ms at 4,000\)/);
    assert.equal(
      find("Cold build's cost", 4000),
      undefined,
      "the base is not compared with itself",
    );
    const big = sizeResult(100_000, { cold: 700_000 });
    const missed = checkTargets(results([FOUR_THOUSAND, big])).find(
      (check) => check.target.startsWith("Cold build's cost") && check.size === 100_000,
    );
    assert.equal(missed?.status, "missed"); // 1.4x
  });

  it("fails the memory target on a process over 2 GiB, or a cold build that did not complete", () => {
    const heavy = sizeResult(100_000, {});
    const over = {
      ...heavy,
      builds: { cold: summarise([run(500_000, { pagefind: 2.5 * 2 ** 30 })]) },
    };
    const memory = (size: SizeResult) =>
      checkTargets(results([size])).find((check) =>
        check.target.startsWith("Cold build completes"),
      );
    assert.equal(memory(over)?.status, "missed");
    assert.match(
      memory(over)?.measured ?? "",
      /^2,560 MiB \(main 400 MiB, worker 2x 300 MiB, pagefind 2,560 MiB\*\)/,
    );
    const failed = memory({ ...heavy, errors: { cold: "failed: build.ts exited with a signal" } });
    assert.equal(failed?.status, "missed");
    assert.equal(failed?.measured, "failed: build.ts exited with a signal");
    const fine = { ...heavy, builds: { cold: summarise([run(500_000)]) } };
    assert.equal(memory(fine)?.status, "met");
  });
});

describe("benchmark report", () => {
  const markdown = formatReport(results([FOUR_THOUSAND, TWENTY_THOUSAND]));

  it("has the machine, Hugo, the targets and the scale table with the chart beside it", () => {
    assert.match(markdown, /^# Broadsheet benchmark\n/);
    assert.match(markdown, /Machine: Test CPU, 2 cores, 8\.0 GiB, Node v20\.20\.0/);
    assert.match(markdown, /Hugo: hugo v0\.111\.3; measured with GNU time/);
    assert.match(
      markdown,
      /\| Publishing one article vs Hugo's cold build \(wall\) \| 4,000 \| 1\.00x \(publish 3\.00 s, Hugo 3\.00 s\) \| ≤ 0\.75x \| \*\*MISSED\*\* \|/,
    );
    assert.match(markdown, /\| build \| 4,000 articles \| 20,000 articles \|/);
    assert.match(markdown, /\| cold \(no _site\/, no \.cache\/\) \| 20\.00 s \| 110\.00 s \|/);
    assert.match(markdown, /\| cold per article, relative to 4,000 \| 1\.00x \| 1\.10x \|/);
    assert.match(markdown, /!\[Build time against archive size\]\(scale\.svg\)/);
  });

  it("prints the ratios and every build's peaks per process kind and pages", () => {
    assert.match(markdown, /\| cold \/ plain Eleventy cold \| 2\.00x \(2\.00x\) \| - \|/);
    assert.match(
      markdown,
      /\| publish one \/ Hugo cold \| 1\.00x \(1\.00x\) \| 0\.53x \(0\.53x\) \|/,
    );
    assert.match(
      markdown,
      /\| one added \(publish\) \| 3\.00 s \| 4\.50 s \| 400 MiB \| 2x 300 MiB \| 100 MiB\* \| - \| 3 \| 7 \| 1 \|/,
    );
    assert.match(
      markdown,
      /Dev server: first page served after 5\.00 s; headline edits reached the page in 700 ms, 1100 ms, 650 ms/,
    );
  });
});

/** Every element of an SVG document, parsed strictly (fails on malformed XML). */
function svgElements(svg: string): SaxesTagPlain[] {
  const parser = new SaxesParser();
  const elements: SaxesTagPlain[] = [];
  const errors: string[] = [];
  parser.on("error", (error) => errors.push(error.message));
  parser.on("opentag", (tag) => elements.push(tag));
  parser.write(svg).close();
  assert.deepEqual(errors, [], "the chart is not well-formed XML");
  return elements;
}

describe("the scale chart", () => {
  const sizes = [
    FOUR_THOUSAND,
    TWENTY_THOUSAND,
    sizeResult(100_000, { cold: 600_000, added: 20_000, plainCold: 400_000, hugoCold: 80_000 }),
  ];
  const svg = scaleChart(sizes, "a & b <test>");
  const elements = svgElements(svg);

  it("is a standalone SVG with a title, axis labels and a legend of the four series", () => {
    assert.equal(elements[0]?.name, "svg");
    assert.equal(elements[0]?.attributes.xmlns, "http://www.w3.org/2000/svg");
    assert.doesNotMatch(svg, /<script|@import|@font-face|href=/);
    for (const text of [
      "Build time against archive size",
      "Articles in the archive (log scale)",
      "Build time, wall clock (log scale)",
      "Broadsheet, cold",
      "Broadsheet, publish one",
      "plain Eleventy 3, cold",
      "Hugo, cold",
      "100,000",
      "a &amp; b &lt;test&gt;",
    ]) {
      assert.ok(svg.includes(text), text);
    }
  });

  it("plots each series' points left to right by size, higher for slower", () => {
    const groups = elements.filter((element) => element.name === "g");
    assert.deepEqual(
      groups.map((group) => group.attributes["data-series"]),
      ["cold", "added", "plainCold", "hugoCold"],
    );
    const series = chartSeries(sizes);
    const circles = svg
      .split('<g class="series"')
      .slice(1)
      .map((group) =>
        [...(group.split("</g>")[0] ?? "").matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map(
          (m) => [Number(m[1]), Number(m[2])],
        ),
      );
    series.forEach((line, index) => {
      const points = circles[index] ?? [];
      assert.equal(points.length, line.points.length, line.key);
      for (let i = 1; i < points.length; i += 1) {
        const [x0, y0] = points[i - 1] as number[];
        const [x1, y1] = points[i] as number[];
        const [, s0] = line.points[i - 1] as readonly [number, number];
        const [, s1] = line.points[i] as readonly [number, number];
        assert.ok((x1 ?? 0) > (x0 ?? 0), `${line.key}: x grows with size`);
        assert.equal(
          Math.sign((y0 ?? 0) - (y1 ?? 0)),
          Math.sign(s1 - s0),
          `${line.key}: y follows time`,
        );
      }
    });
    assert.equal(series[2]?.points.length, 2, "plain Eleventy was not run at 20,000");
  });

  it("spans whole decades on log scales", () => {
    assert.deepEqual(decades([4000, 100_000]), [1000, 100_000]);
    assert.deepEqual(decades([3, 3]), [1, 10]);
    const x = logScale([1000, 100_000], 0, 200);
    assert.equal(x(10_000), 100);
  });
});

describe("benchmark helpers", () => {
  it("reads the build's summary line, thousands separators and all", () => {
    const line =
      "Built 4,000 articles (5,891 pages: 12 rendered, 5,879 reused) into _site/ in 18.3 s · images: 0 (0 reused, 0 encoded) · search: 2 parts (1 indexed) · files: 10120 written, 3 removed (in place) · why: layouts or code changed (cards)";
    assert.deepEqual(parseSummary(`[11ty] something\n${line}\n  0.03 s  finding articles\n`), {
      articles: 4000,
      pages: 5891,
      rendered: 12,
      reused: 5879,
      images: { total: 0, reused: 0, encoded: 0 },
      search: { parts: 2, indexed: 1 },
      files: { written: 10120, removed: 3, mode: "in place" },
      why: "layouts or code changed (cards)",
    });
    assert.deepEqual(
      parseSummary("Built 1 article (1 page: 1 rendered, 0 reused) into _site/ in 0.1 s"),
      {
        articles: 1,
        pages: 1,
        rendered: 1,
        reused: 0,
      },
    );
    assert.equal(parseSummary("Built 1000 articles (1234 pages) into _site/"), undefined);
  });

  it("parses sizes and options", () => {
    assert.deepEqual(parseArguments([]).sizes, DEFAULT_SIZES);
    const parsed = parseArguments([
      "100,000",
      "4000",
      "20_000",
      "--repeat",
      "3",
      "--seed=9",
      "--no-dev",
    ]);
    assert.deepEqual(
      [parsed.sizes, parsed.repeat, parsed.seed, parsed.dev, parsed.hugo, parsed.images],
      [[4000, 20_000, 100_000], 3, 9, false, true, false],
    );
    const flags = parseArguments([
      "--no-hugo",
      "--no-plain",
      "--images",
      "--heap-prof",
      "--out",
      "x",
    ]);
    assert.deepEqual(
      [flags.hugo, flags.plain, flags.images, flags.profile, flags.heapProfile, flags.out],
      [false, false, true, true, true, "x"],
    );
    assert.equal(parseArguments([]).pages, false);
    assert.equal(parseArguments(["--pages"]).pages, true);
    assert.throws(() => parseArguments(["--fast"]), /unknown argument "--fast"\. Usage/);
    assert.throws(() => parseArguments(["--repeat", "0"]), /positive whole number/);
  });

  it("picks the newest articles to edit, mid-archive ones to delete and older ones to edit, all distinct", () => {
    const entries: ArchiveEntry[] = Array.from({ length: 11 }, (_, index) => ({
      index,
      slug: `a-${index}`,
      section: "world",
      title: `A ${index}`,
      // Index 7 is the newest, then 3, then the rest by index.
      date: `2025-0${index === 7 ? 9 : index === 3 ? 8 : 1}-01T00:00:${String(index).padStart(2, "0")}+08:00`,
    }));
    const picks = pickArticles(entries, 2);
    assert.deepEqual(
      picks.edited.map((e) => e.index),
      [7, 3],
    );
    assert.equal(picks.devServer.index, 10);
    const byDate = [...entries].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    const rank = (entry: ArchiveEntry) => byDate.indexOf(entry);
    assert.ok(
      Math.min(...picks.older.map(rank)) > Math.max(...picks.deleted.map(rank)),
      "the older edits are older than the deleted stories",
    );
    const touched = [...picks.edited, picks.devServer, ...picks.deleted, ...picks.older].map(
      (e) => e.index,
    );
    assert.equal(new Set(touched).size, touched.length);
    assert.throws(() => pickArticles(entries.slice(0, 4), 2), /too small/);
  });

  it("changes the story card's text once per change, and says when its anchor is gone", () => {
    const copy = codeAt(path.join(scratch, "code"));
    const file = path.join(copy.root, LAYOUT_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, readFileSync(path.join(REPO_ROOT, LAYOUT_FILE), "utf8"));
    changeLayout(copy, 1);
    assert.match(
      readFileSync(file, "utf8"),
      /<\/Heading>\n\s*<p class="bench-edition">Edition 1<\/p>/,
    );
    changeLayout(copy, 2);
    const twice = readFileSync(file, "utf8");
    assert.equal(twice.match(/bench-edition/g)?.length, 1);
    assert.match(twice, /Edition 2/);
    writeFileSync(file, "export const Nothing = 1;\n");
    assert.throws(() => changeLayout(copy, 3), /no "<\/Heading>"/);
  });

  it("tells workers and Pagefind apart, and keeps exact figures over sampled ones", () => {
    assert.equal(
      processKind(["/usr/bin/node", "--import", "x", "/r/scripts/engine/engine-worker.ts"]),
      "worker",
    );
    assert.equal(
      processKind(["/r/node_modules/@pagefind/linux-x64/bin/pagefind_extended", "--service"]),
      "pagefind",
    );
    assert.equal(
      processKind(["/r/node_modules/@esbuild/linux-x64/bin/esbuild", "--service=0.28.2"]),
      "other",
    );
    const merged = mergeFigures(
      [
        { pid: 1, kind: "main", peakRssBytes: 500, cpuMs: 90, source: "sampled" },
        { pid: 2, kind: "other", peakRssBytes: 300, cpuMs: 40, source: "sampled" },
        { pid: 3, kind: "pagefind", peakRssBytes: 700, cpuMs: 70, source: "sampled" },
      ],
      [
        { pid: 1, kind: "main", peakRssBytes: 600, cpuMs: 100 },
        { pid: 2, kind: "worker", peakRssBytes: 350, cpuMs: 50 },
        { pid: 4, kind: "worker", peakRssBytes: 200, cpuMs: 5 },
      ],
    );
    assert.deepEqual(
      merged.map(({ pid, kind, peakRssBytes, cpuMs, source }) => [
        pid,
        kind,
        peakRssBytes,
        cpuMs,
        source,
      ]),
      [
        [1, "main", 600, 100, "exit"],
        [2, "worker", 350, 50, "exit"],
        [3, "pagefind", 700, 70, "sampled"],
        [4, "worker", 200, 5, "exit"],
      ],
    );
    assert.deepEqual(parseTimeOutput("1.17 0.73 0.20 170264\n"), {
      cpuMs: 930,
      peakRssBytes: 170264 * 1024,
    });
    assert.equal(parseTimeOutput("Command exited with non-zero status 1"), undefined);
  });

  it("lets a forked worker's usage hook write beside the main process's record, not over it", () => {
    const dir = path.join(scratch, "hook");
    mkdirSync(dir, { recursive: true });
    const hook = path.join(dir, "hook.mjs");
    writeFileSync(hook, usageHookModuleSource());
    const child = path.join(dir, "child.mjs");
    writeFileSync(child, "process.disconnect();\n");
    const main = path.join(dir, "main.mjs");
    writeFileSync(
      main,
      `import { fork } from "node:child_process";\nfork(${JSON.stringify(child)}, [], { execArgv: process.execArgv });\n`,
    );
    const usage = path.join(dir, "usage.json");
    const result = spawnSync(process.execPath, ["--import", hook, main], {
      env: { ...process.env, BROADSHEET_BENCH_USAGE: usage },
    });
    assert.equal(result.status, 0, String(result.stderr));
    const records = readdirSync(dir).filter((name) => name.startsWith("usage.json"));
    assert.equal(records.length, 2, records.join(", "));
    const mainRecord = JSON.parse(readFileSync(usage, "utf8")) as {
      script: string;
      maxRssBytes: number;
    };
    assert.equal(mainRecord.script, main);
    assert.ok(mainRecord.maxRssBytes > 0);
    const childRecord = records.find((name) => name.endsWith(".child")) ?? "";
    assert.equal(JSON.parse(readFileSync(path.join(dir, childRecord), "utf8")).script, child);
  });

  it("finds each process's main-thread CPU profile", () => {
    const files = [
      "CPU.20260101.120000.100.0.001.cpuprofile",
      "CPU.20260101.120000.100.1.002.cpuprofile",
      "CPU.20260101.120001.101.0.001.cpuprofile",
      "CPU.20260101.120001.102.0.001.cpuprofile",
    ];
    assert.deepEqual(profilesByProcess(files, 100), {
      main: files[0],
      workers: [files[2], files[3]],
    });
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
      sha256: "0".repeat(64),
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
