/**
 * The promise of the incremental build: whatever changed, the output of a build that reuses the
 * last one's work is byte-identical to a build from nothing of the same content; files that did
 * not change keep their bytes and modification time; a publish re-renders a bounded number of
 * pages. One fixture site using every feature goes through an edit sequence; after each step it
 * is built incrementally and compared with a cold build of a fresh copy of its content, which
 * renders in worker processes (the incremental builds render in the build's own process).
 */
import assert from "node:assert/strict";
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listFiles } from "../../scripts/site/check-output.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, SEED_SLUG } from "../helpers/fixture-site.ts";
import { copyRepo, type RepoCopy } from "../helpers/repo-copy.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";

const NOW = "2026-01-01T00:00:00+08:00";
const fixture = createFixtureSite({ seed: true });
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-cold-"));
const cold = path.join(scratch, "cold");
let code: RepoCopy | undefined;
let now = NOW;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a build of `root` with the repository's code (or a copy of it). */
function build(root: string, env: Record<string, string> = {}, copy?: RepoCopy): Run {
  return runBuild(root, { BROADSHEET_NOW: now, ...env }, copy?.root);
}

/** The pages a build says it rendered. */
function rendered(run: Run): number {
  const match = /\((\d[\d,]*) pages?: (\d[\d,]*) rendered/.exec(run.stdout);
  assert.ok(match, `no summary line in:\n${run.stdout}\n${run.stderr}`);
  return Number((match[2] ?? "").replace(/,/g, ""));
}

let comparisons = 0;

/**
 * Builds the fixture incrementally and a fresh copy cold; both must give the same site. Every
 * third cold build renders in two worker processes, in batches of 25 pages, so pages made by
 * workers are compared with pages made by the build's own process too.
 */
function buildAndCompare(
  env: Record<string, string> = {},
  copy?: RepoCopy,
  coldEnv: Record<string, string> = env,
) {
  const before = snapshot(site);
  const incremental = build(site, env, copy);
  assert.equal(incremental.status, 0, incremental.stderr);
  copyProject(site, cold);
  const workers: Record<string, string> =
    comparisons++ % 3 === 0 ? { BROADSHEET_WORKERS: "2", BROADSHEET_BATCH_SIZE: "25" } : {};
  const fresh = build(cold, { ...workers, ...coldEnv }, copy);
  assert.equal(fresh.status, 0, fresh.stderr);
  const after = snapshot(site);
  assert.deepEqual(differences(after, snapshot(cold)), [], "incremental output equals cold output");
  return { run: incremental, before, after };
}

/** Files whose bytes did not change must keep their modification time too. */
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

function changedFiles(before: Map<string, SiteFile>, after: Map<string, SiteFile>): string[] {
  return [...after].filter(([file, now]) => before.get(file)?.hash !== now.hash).map(([f]) => f);
}

const brief = (n: number) =>
  articleSource(
    {
      title: `"Brief number ${n}"`,
      date: `2025-10-${String(1 + (n % 28)).padStart(2, "0")}T${String(8 + (n % 10)).padStart(2, "0")}:00:00+08:00`,
      section: "singapore",
      tags: "[Briefs]",
    },
    `Brief ${n} tells a short story about the city.`,
  );

before(() => {
  // Every feature of an article: photo and video (the seed), bylines, updates, descriptions,
  // non-Latin and accented tags, links between stories, drafts, embargoes, several sections,
  // months and years, and a month of more than one archive page.
  fixture.article(
    "rates-held",
    articleSource(
      {
        title: '"Central bank holds rates steady"',
        date: "2025-11-03T09:00:00+08:00",
        section: "business",
        tags: "[Economy, Rates]",
        authors: "[Jane Tan]",
      },
      `The central bank held rates. See [the letter](/asia/${SEED_SLUG}/).\n\nA second paragraph.`,
    ),
  );
  fixture.article(
    "exports-rise",
    articleSource(
      {
        title: '"Exports rise for a third month"',
        date: "2025-11-20T10:00:00+08:00",
        updated: "2025-11-21T08:00:00+08:00",
        section: "business",
        tags: "[Economy, 中美关系]",
        sources: "[Reuters]",
        dateline: "SINGAPORE",
      },
      "Exports rose.",
    ),
  );
  fixture.article(
    "floods-recede",
    articleSource(
      {
        title: '"Floods recede in the north"',
        date: "2025-12-05T07:30:00+08:00",
        section: "world",
        tags: "[Climate, Économie]",
        description: "Waters fell overnight.",
      },
      "The floods receded.",
    ),
  );
  fixture.article(
    "heatwave",
    articleSource(
      {
        title: '"A heatwave grips the region"',
        date: "2025-12-28T12:00:00+08:00",
        section: "world",
        tags: "[Climate]",
      },
      "It is hot.",
    ),
  );
  fixture.article(
    "chip-plant",
    articleSource(
      {
        title: '"A chip plant opens"',
        date: "2024-03-01T09:00:00+08:00",
        section: "tech",
        tags: "[AI]",
      },
      "A plant opened.",
    ),
  );
  fixture.article(
    "ai-rules",
    articleSource(
      {
        title: '"New rules for AI"',
        date: "2024-03-15T09:00:00+08:00",
        section: "tech",
        tags: "[AI, Rates]",
      },
      "Rules were set.",
    ),
  );
  fixture.article(
    "cup-final",
    articleSource(
      {
        title: '"Cup final tonight"',
        date: "2025-12-31T23:00:00+08:00",
        section: "sport",
        tags: "[Football]",
      },
      "The final is tonight.",
    ),
  );
  fixture.article(
    "draft-story",
    articleSource(
      { title: '"Not yet"', date: "2025-12-30T09:00:00+08:00", section: "sport", draft: "true" },
      "A draft.",
    ),
  );
  fixture.article(
    "embargoed",
    articleSource(
      {
        title: '"Under embargo"',
        date: "2026-01-05T09:00:00+08:00",
        section: "world",
        tags: "[Climate]",
      },
      "Embargoed news.",
    ),
  );
  for (let n = 1; n <= 55; n++) fixture.article(`brief-${n}`, brief(n));
});

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
  code?.remove();
});

describe("an incremental build equals a cold build", () => {
  it("from nothing, and builds every kind of page", () => {
    const { run } = buildAndCompare();
    assert.match(run.stdout, /why: no previous build/);
    const files = listFiles(path.join(site, "_site"));
    for (const expected of [
      "index.html",
      "archive/index.html",
      "archive/2025/10/index.html",
      "archive/2025/10/page/2/index.html",
      "archive/singapore/2025/10/page/2/index.html",
      "archive/topics/briefs/2025/10/index.html",
      "sitemap.xml",
      "sitemaps/pages.xml",
      "sitemaps/articles-2025-10.xml",
      "pagefind/2024/pagefind.js",
      "pagefind/2025/pagefind.js",
    ]) {
      assert.ok(files.includes(expected), `${expected} is built`);
    }
  });

  it("when nothing changed: nothing is rendered, written or touched", () => {
    const { run, before, after } = buildAndCompare();
    assert.equal(rendered(run), 0);
    assert.match(run.stdout, /files: 0 written, 0 removed \(in place\)/);
    assertUntouched(before, after);
  });

  it("when an article is added: a bounded set of pages changes, older stories' pages do not", () => {
    fixture.article(
      "late-goal",
      articleSource(
        {
          title: '"A late goal wins it"',
          date: "2025-12-31T23:30:00+08:00",
          section: "sport",
          tags: "[Football]",
        },
        "A late goal.",
      ),
    );
    const { run, before, after } = buildAndCompare();
    assert.ok(rendered(run) < 40, `rendered ${rendered(run)} pages`);
    assertUntouched(before, after);
    const changed = changedFiles(before, after);
    for (const old of ["business/rates-held/index.html", "sport/cup-final/index.html"]) {
      assert.ok(!changed.includes(old), `${old} is not rewritten`);
    }
  });

  it("when a body is edited: the article's page changes, not the listings", () => {
    fixture.article(
      "floods-recede",
      articleSource(
        {
          title: '"Floods recede in the north"',
          date: "2025-12-05T07:30:00+08:00",
          section: "world",
          tags: "[Climate, Économie]",
          description: "Waters fell overnight.",
        },
        "The floods receded. Zanzibarite was found in the mud.",
      ),
    );
    const { before, after } = buildAndCompare();
    const changed = changedFiles(before, after);
    assert.ok(changed.includes("world/floods-recede/index.html"));
    assert.ok(!changed.includes("world/index.html"), "the section page does not show bodies");
    assertUntouched(before, after);
  });

  it("when a headline is edited: every page that shows it changes", () => {
    fixture.article(
      "rates-held",
      articleSource(
        {
          title: '"Central bank keeps rates on hold"',
          date: "2025-11-03T09:00:00+08:00",
          section: "business",
          tags: "[Economy, Rates]",
          authors: "[Jane Tan]",
        },
        `The central bank held rates. See [the letter](/asia/${SEED_SLUG}/).\n\nA second paragraph.`,
      ),
    );
    const { before, after } = buildAndCompare();
    const changed = changedFiles(before, after);
    for (const page of [
      "business/index.html",
      "index.html",
      "topics/rates/index.html",
      "archive/2025/11/index.html",
    ]) {
      assert.ok(changed.includes(page), `${page} shows the new headline`);
    }
  });

  it("when a date moves the article to another month and year", () => {
    fixture.article(
      "exports-rise",
      articleSource(
        {
          title: '"Exports rise for a third month"',
          date: "2024-03-10T10:00:00+08:00",
          updated: "2024-03-11T08:00:00+08:00",
          section: "business",
          tags: "[Economy, 中美关系]",
          sources: "[Reuters]",
          dateline: "SINGAPORE",
        },
        "Exports rose.",
      ),
    );
    buildAndCompare();
  });

  it("when a section and tags change", () => {
    fixture.article(
      "heatwave",
      articleSource(
        {
          title: '"A heatwave grips the region"',
          date: "2025-12-28T12:00:00+08:00",
          section: "asia",
          tags: "[Weather, Climate]",
        },
        "It is hot.",
      ),
    );
    const { after } = buildAndCompare();
    assert.ok(after.has("asia/heatwave/index.html"));
    assert.ok(!after.has("world/heatwave/index.html"), "the old URL is gone");
  });

  it("when an article is deleted: it is gone from every output", () => {
    rmSync(path.join(site, "content/articles/ai-rules"), { recursive: true });
    const { after } = buildAndCompare();
    assert.ok(![...after.keys()].some((file) => file.includes("ai-rules")));
  });

  it("when a draft is published", () => {
    fixture.article(
      "draft-story",
      articleSource(
        { title: '"Not yet"', date: "2025-12-30T09:00:00+08:00", section: "sport", draft: "false" },
        "A draft no more.",
      ),
    );
    const { after } = buildAndCompare();
    assert.ok(after.has("sport/draft-story/index.html"));
  });

  it("when a later BROADSHEET_NOW lifts an embargo (and starts a new month)", () => {
    // A card shows the time of a recent story (from yesterday on, by the build's day): days
    // later the same card shows its date alone, incrementally as cold.
    const cupFinalCard = () =>
      /Cup final tonight[\s\S]*?<time[^>]*>([^<]*)<\/time>/.exec(
        readFileSync(path.join(site, "_site/sport/index.html"), "utf8"),
      )?.[1];
    assert.match(cupFinalCard() ?? "", /31 December.*11:00\s?pm/i);
    now = "2026-01-06T00:00:00+08:00";
    const { after } = buildAndCompare();
    assert.equal(cupFinalCard(), "31 December 2025");
    assert.ok(after.has("world/embargoed/index.html"));
    assert.ok(after.has("pagefind/2026-01-05/pagefind.js"), "this month's search part is by day");
  });

  it("when a photo is replaced", () => {
    const folder = path.join(site, "content/articles", SEED_SLUG);
    copyFileSync(path.join(folder, "video-thumbnail.jpg"), path.join(folder, "photo.new"));
    rmSync(path.join(folder, "photo.jpg"));
    copyFileSync(path.join(folder, "photo.new"), path.join(folder, "photo.jpg"));
    rmSync(path.join(folder, "photo.new"));
    buildAndCompare();
  });

  it("when the site configuration changes", () => {
    const config = path.join(site, "content/_data/site.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8")
        .replace("name: World", "name: The World")
        .replace(/text: .*/, "text: Follow us for the latest news."),
    );
    const { run } = buildAndCompare();
    assert.match(run.stdout, /site configuration changed/);
  });

  it("when the stylesheet changes, and when a script changes", () => {
    appendFileSync(
      path.join(site, "assets/css/site.css"),
      "\n.kicker { letter-spacing: 0.02em; }\n",
    );
    const css = buildAndCompare();
    assert.match(css.run.stdout, /stylesheet changed/);
    appendFileSync(
      path.join(site, "assets/js/video-facade.js"),
      '\ndocument.documentElement.dataset.facade = "ready";\n',
    );
    const { before, after } = buildAndCompare();
    const changed = changedFiles(before, after).filter((file) => file.endsWith(".html"));
    assert.deepEqual(
      changed,
      [`asia/${SEED_SLUG}/index.html`],
      "only the page with a video changes",
    );
  });

  it("when the logo is replaced: new icons, as a cold build makes them (the icons are kept between builds)", () => {
    // A wide logo: the icons centre it on a margin, and pages' <img> take its new size.
    writeFileSync(
      path.join(site, "assets/images/logo.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">' +
        '<rect width="300" height="100" fill="#7a1f1f"/><circle cx="50" cy="50" r="30" fill="#fff"/></svg>\n',
    );
    const { before, after } = buildAndCompare();
    const icons = (files: Map<string, SiteFile>) =>
      [...files.keys()]
        .filter((file) => /^assets\/(apple-touch-icon|icon-\d+)\./.test(file))
        .sort();
    assert.equal(icons(after).length, 3);
    assert.notDeepEqual(icons(after), icons(before), "the icons were made again");
    assert.notEqual(after.get("favicon.ico")?.hash, before.get("favicon.ico")?.hash);
  });

  it("when a link in a body points at a page that no longer exists, both fail alike", () => {
    fixture.article(
      "cup-final",
      articleSource(
        {
          title: '"Cup final tonight"',
          date: "2025-12-31T23:00:00+08:00",
          section: "sport",
          tags: "[Football]",
        },
        "The final is tonight.\n\nSee [the rules](/tech/ai-rules/).",
      ),
    );
    const before = snapshot(site);
    const incremental = build(site);
    copyProject(site, cold);
    const fresh = build(cold);
    assert.equal(incremental.status, 1);
    assert.equal(fresh.status, 1);
    const problem = /content\/articles\/cup-final\/index\.md:\d+/;
    assert.match(incremental.stderr, problem);
    assert.match(fresh.stderr, problem);
    assert.deepEqual(differences(snapshot(site), before), [], "_site/ is untouched");
    fixture.article(
      "cup-final",
      articleSource(
        {
          title: '"Cup final tonight"',
          date: "2025-12-31T23:00:00+08:00",
          section: "sport",
          tags: "[Football]",
        },
        "The final is tonight.",
      ),
    );
    buildAndCompare();
  });
});

describe("a damaged or missing cache is detected and rebuilt, never trusted", () => {
  // The fixture gets a media cache of its own, which these tests damage; the cold builds it is
  // compared with use the tests' shared, undamaged one.
  const media = path.join(site, ".cache/media");
  const ownCache = { BROADSHEET_CACHE_DIR: media };
  const compare = () => buildAndCompare(ownCache, undefined, {});

  /** Every file under a folder. */
  function cacheFiles(dir: string): string[] {
    return existsSync(dir) ? listFiles(dir).map((file) => path.join(dir, file)) : [];
  }

  it("with its own media cache from the start", () => {
    compare();
  });

  it("when the build cache is deleted", () => {
    rmSync(path.join(site, ".cache/build"), { recursive: true, force: true });
    const { run } = compare();
    assert.match(run.stdout, /no previous build/);
  });

  it("when every cache file is cut to a third of its size", () => {
    for (const file of cacheFiles(path.join(site, ".cache"))) {
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    }
    compare();
  });

  it("when every cache file has garbage in the middle, at the same size", () => {
    for (const file of cacheFiles(path.join(site, ".cache"))) {
      const bytes = readFileSync(file);
      if (bytes.length < 4) continue;
      const middle = Math.floor(bytes.length / 2);
      bytes.fill(0x5a, middle, Math.min(bytes.length, middle + 64));
      writeFileSync(file, bytes);
    }
    compare();
  });

  it("when _site/ is deleted: it is made again from the cache", () => {
    rmSync(path.join(site, "_site"), { recursive: true });
    const { run } = compare();
    assert.equal(rendered(run), 0, "every page comes from the page store");
    assert.match(run.stdout, /\(fresh\)/);
  });

  it("when an earlier publish was interrupted and its journal is unreadable: every file of _site/ is checked and put right", () => {
    const site404 = path.join(site, "_site/404.html");
    rmSync(site404);
    writeFileSync(path.join(site, ".cache/build/site/commit.json"), "{}");
    const { run, before, after } = compare();
    assert.match(run.stdout, /\(in place, every file checked\)/);
    assert.ok(statSync(site404).isFile());
    assertUntouched(before, after);
  });
});

describe("a change to Broadsheet's own code", () => {
  it("re-renders the pages its layouts make, and equals a cold build", () => {
    code = copyRepo();
    buildAndCompare({}, code);
    const card = path.join(code.root, "layouts/components/StoryCard.tsx");
    writeFileSync(
      card,
      readFileSync(card, "utf8").replace('class="kicker"', 'class="kicker story-card-kicker"'),
    );
    const { run, before, after } = buildAndCompare({}, code);
    assert.match(run.stdout, /layouts or code changed/);
    const changed = changedFiles(before, after);
    assert.ok(changed.includes("index.html"), "front pages show cards");
    assert.ok(
      !changed.some((file) => file.startsWith("archive/") && file.includes("/20")),
      "archive rows are not cards",
    );
  });

  it("keeps every file whose bytes did not change, even when the code changed", () => {
    const engine = path.join(code?.root ?? "", "scripts/site/render.ts");
    appendFileSync(engine, "\n// A comment: a new version of the code, the same pages.\n");
    const { run, before, after } = buildAndCompare({}, code);
    assert.ok(rendered(run) > 0, "every page was rendered again");
    assert.deepEqual(changedFiles(before, after), []);
    assertUntouched(before, after);
  });
});

describe("the build cache", () => {
  it("keeps no pack the site no longer uses", () => {
    const cache = path.join(site, ".cache/build/site");
    const state = [
      path.join(cache, "state.json"),
      ...readdirSync(path.join(cache, "state")).map((name) => path.join(cache, "state", name)),
    ]
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    for (const store of ["records", "pages", "search"]) {
      const dir = path.join(cache, store);
      const packs = existsSync(dir) ? readdirSync(dir) : [];
      for (const pack of packs) {
        assert.ok(state.includes(pack), `${store}/${pack} is still used`);
      }
    }
  });
});
