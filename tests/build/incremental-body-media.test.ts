/**
 * Body media takes part in the promise of the incremental build: after each edit an editor makes
 * to a story's photos, galleries, pull quotes and embeds, the incremental output is byte for byte
 * a cold build's, the pages that show the change are rendered again and no others, a photo no
 * longer used leaves the site (and the media cache when it is pruned), and `_headers` follows
 * the pages with embeds.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listFiles } from "../../scripts/site/check-output.ts";
import {
  MEDIA_BODY,
  MEDIA_FIELDS,
  MEDIA_SLUG,
  photoBytes,
  writeMediaArticle,
} from "../helpers/body-media-article.ts";
import { commandArgs } from "../helpers/build.ts";
import { articleSource, createFixtureSite, REPO_ROOT } from "../helpers/fixture-site.ts";
import { copyProject, differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";

const NOW = "2026-01-01T00:00:00+08:00";
// No seed: its large stand-in photos would be encoded again in this test's own media cache.
const fixture = createFixtureSite();
const site = fixture.root;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-body-media-"));
const cold = path.join(scratch, "cold");
// Its own media cache, shared by the incremental and the cold builds, so pruning it is safe.
const mediaCache = path.join(scratch, "media");
const PAGE = `asia/${MEDIA_SLUG}/index.html`;
let body = MEDIA_BODY;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function tool(root: string, script: string): Run {
  const result = spawnSync(
    process.execPath,
    // The build as `npm run build` starts it; the cache pruner as its npm script does (tsx).
    script === "scripts/build.ts"
      ? commandArgs("build")
      : ["--import", import.meta.resolve("tsx"), path.join(REPO_ROOT, script)],
    {
      cwd: root,
      env: {
        ...process.env,
        BROADSHEET_NOW: NOW,
        BROADSHEET_CACHE_DIR: mediaCache,
        TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json"),
        NO_COLOR: "1",
      },
      encoding: "utf8",
      timeout: 240_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Builds the fixture incrementally and a fresh copy cold: both must give the same site. */
function buildAndCompare() {
  const before = snapshot(site);
  const incremental = tool(site, "scripts/build.ts");
  assert.equal(incremental.status, 0, incremental.stderr);
  copyProject(site, cold);
  const fresh = tool(cold, "scripts/build.ts");
  assert.equal(fresh.status, 0, fresh.stderr);
  const after = snapshot(site);
  assert.deepEqual(differences(after, snapshot(cold)), [], "incremental output equals cold output");
  return { run: incremental, changed: changedFiles(before, after), before, after };
}

function changedFiles(before: Map<string, SiteFile>, after: Map<string, SiteFile>): string[] {
  return [...after].filter(([file, now]) => before.get(file)?.hash !== now.hash).map(([f]) => f);
}

const media = (name: string) =>
  listFiles(path.join(site, "_site")).filter((file) => file.startsWith(`media/${name}-`));
const read = (file: string) => readFileSync(path.join(site, "_site", file), "utf8");
const headersRule = () =>
  /^\/asia\/floods-force[^\n]*\n(?: {2}[^\n]*\n)+/m.exec(read("_headers"))?.[0];

function editBody(edit: (text: string) => string) {
  body = edit(body);
  fixture.article(MEDIA_SLUG, articleSource(MEDIA_FIELDS, body));
}

before(async () => {
  await writeMediaArticle(fixture);
  fixture.article(
    "a-plain-story",
    articleSource(
      { title: '"A plain story"', date: "2019-06-24T08:00:00+08:00", section: "asia" },
      "Nothing but words.",
    ),
  );
});

after(() => {
  fixture.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe("body media in incremental builds", () => {
  it("from nothing: the photos, the players' rule and the scripts are published", () => {
    // A first build is a cold build: there is nothing to compare it with yet.
    const first = tool(site, "scripts/build.ts");
    assert.equal(first.status, 0, first.stderr);
    for (const name of ["rescue", "map", "sandbags", "street", "boats"]) {
      assert.ok(media(name).length > 0, `${name} is published`);
    }
    assert.match(headersRule() ?? "", /youtube-nocookie.*twitter.*spotify/);
  });

  it("when a body photo's file is replaced: its page and feeds change, its old files go", async () => {
    const old = media("rescue");
    fixture.file(MEDIA_SLUG, "rescue.jpg", await photoBytes("boats.jpg"));
    const { changed } = buildAndCompare();
    assert.ok(changed.includes(PAGE));
    assert.ok(changed.includes("feed.json") && changed.includes("asia/feed.xml"));
    assert.ok(!changed.includes("asia/a-plain-story/index.html"));
    assert.ok(!changed.includes("asia/index.html"), "cards do not show body photos");
    assert.ok(
      old.every((file) => !media("rescue").includes(file)),
      "the old encodings are gone",
    );
  });

  it("when a caption is edited: the page, feeds and search change; no image is encoded", () => {
    editBody((text) => text.replace("Kampung Melayu on Monday.", "Kampung Melayu, under water."));
    const { run, changed } = buildAndCompare();
    assert.match(run.stdout, /images: \d+ \(\d+ reused, 0 encoded\)/);
    assert.ok(changed.includes(PAGE));
    assert.ok(
      changed.some((file) => file.startsWith("pagefind/")),
      "the caption is searched",
    );
    assert.ok(!changed.includes("asia/index.html"));
  });

  it("when an embed's caption is edited: the page, feeds and search change, and nothing else", () => {
    editBody((text) =>
      text.replace(
        "Caption: Residents describe the night the *Ciliwung* rose.",
        "Caption: Residents describe the morning after.",
      ),
    );
    const { changed } = buildAndCompare();
    assert.match(read(PAGE), /Residents describe the morning after\./);
    assert.ok(changed.includes(PAGE));
    assert.ok(changed.includes("feed.json") && changed.includes("asia/feed.xml"));
    assert.ok(
      changed.some((file) => file.startsWith("pagefind/")),
      "the caption is searched",
    );
    assert.ok(!changed.includes("asia/index.html"), "cards do not show captions");
    assert.ok(!changed.includes("asia/a-plain-story/index.html"));
  });

  it("when a credit changes and a gallery photo is taken out: the one is made again with its new credit, the other leaves the site and, pruned, the cache", () => {
    const oldSandbags = media("sandbags");
    const old = media("boats");
    editBody((text) =>
      text
        .replace("Ciliwung river. PHOTO: AFP", "Ciliwung river. PHOTO: ANTARA")
        .replace(/\n!\[Two boats[^\n]*/, ""),
    );
    unlinkSync(path.join(site, "content/articles", MEDIA_SLUG, "boats.jpg"));
    const { changed } = buildAndCompare();
    assert.ok(changed.includes(PAGE));
    assert.ok(media("sandbags").every((file) => !oldSandbags.includes(file)));
    assert.deepEqual(media("boats"), []);
    const cached = () => readdirSync(mediaCache, { recursive: true }).map(String);
    const names = old.map((file) => path.basename(file));
    assert.ok(names.some((name) => cached().some((entry) => entry.endsWith(name))));
    const pruned = tool(site, "scripts/cli/prune-media-cache.ts");
    assert.equal(pruned.status, 0, pruned.stderr);
    assert.ok(names.every((name) => !cached().some((entry) => entry.endsWith(name))));
    for (const file of media("street")) {
      assert.ok(
        cached().some((entry) => entry.endsWith(path.basename(file))),
        `${file} is still used and stays cached`,
      );
    }
  });

  it("when one provider's embed goes: the page's policy drops that player", () => {
    editBody((text) =>
      text.replace("https://x.com/jakartapost/status/1234567890123456789\n\n", ""),
    );
    const { changed } = buildAndCompare();
    assert.ok(changed.includes("_headers") && changed.includes(PAGE));
    const rule = headersRule() ?? "";
    assert.match(rule, /youtube-nocookie/);
    assert.doesNotMatch(rule, /twitter/);
  });

  it("when every embed goes and another story embeds a post: the rules follow, nothing else is rendered", () => {
    editBody((text) =>
      text
        .replace(/https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\n(?:Caption: [^\n]*\n)?\n/, "")
        .replace("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk\n\n", ""),
    );
    fixture.article(
      "a-plain-story",
      articleSource(
        { title: '"A plain story"', date: "2019-06-24T08:00:00+08:00", section: "asia" },
        "Nothing but words.\n\nhttps://vimeo.com/76979871",
      ),
    );
    const { changed } = buildAndCompare();
    assert.equal(headersRule(), undefined);
    assert.doesNotMatch(read(PAGE), /embeds\.[0-9a-f]+\.js/);
    assert.match(read(PAGE), /gallery\.[0-9a-f]+\.js/);
    assert.match(
      read("_headers"),
      /^\/asia\/a-plain-story\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*player\.vimeo\.com/m,
    );
    assert.match(read("asia/a-plain-story/index.html"), /embeds\.[0-9a-f]+\.js/);
    assert.deepEqual(
      changed.filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/")).sort(),
      [PAGE, "asia/a-plain-story/index.html"].sort(),
    );
  });
});
