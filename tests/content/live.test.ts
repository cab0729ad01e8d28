/**
 * Live coverage's rules (CONTENT.md, "Live coverage"): every mistake in a blog's updates and in
 * `ended` is reported at once, each naming the update's file (or index.md) and line, with a fix.
 * Checked twice: on the live scan's issues themselves (exact files, lines and fields), and
 * through `npm run build`, which lists them all, exits 1 and leaves `_site/` as it was.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ContentIssue } from "../../scripts/content/issues.ts";
import { scanLive } from "../../scripts/engine/live-stage.ts";
import { PackStore } from "../../scripts/engine/pack-store.ts";
import type { ArticleEntry } from "../../scripts/engine/state.ts";
import { listFiles } from "../../scripts/site/check-output.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import {
  LIVE_SLUG,
  liveFields,
  updateSource,
  writeLiveBlog,
  writeUpdate,
} from "../helpers/live-blog.ts";
import { articlePath, expectInvalid, load, withSite } from "./support.ts";

const live = (name: string) => `content/articles/${LIVE_SLUG}/live/${name}.md`;

const UNCLOSED_GALLERY = updateSource(5, {
  body: "Scenes from Davao.\n\n::: gallery\n![One](one.jpg)",
});
const NO_OFFSET_MISSING_PHOTO = updateSource(1, {
  time: "2025-12-31T09:00:00",
  body: "Rubble.\n\n![Rescuers dig](gone.jpg)",
});

/** The bad updates, each with the file, line and field its issue must name. */
const BAD: readonly {
  readonly name: string;
  readonly source: string;
  readonly line: number;
  readonly field?: string;
  readonly says: RegExp;
  readonly fix?: RegExp;
}[] = [
  {
    name: "no-time",
    source: "---\ntitle: Aftershock\n---\n\nAn aftershock was felt in Davao.\n",
    line: 1,
    field: "time",
    says: /time is required/,
  },
  {
    name: "before-the-blog",
    source: updateSource(1, { time: "2025-12-30T08:00:00+08:00" }),
    line: 2,
    field: "time",
    says: /before the live blog began/,
  },
  {
    name: "no-offset",
    source: updateSource(1, { time: "2025-12-31T09:00:00" }),
    line: 2,
    field: "time",
    says: /no UTC offset/,
  },
  {
    name: "pinned-first",
    source: updateSource(2, { pinned: true }),
    line: 3,
    field: "pinned",
    says: /pinned, and so is .*pinned-second\.md/,
  },
  {
    name: "pinned-second",
    source: updateSource(3, { title: "Evacuations", pinned: true }),
    line: 4,
    field: "pinned",
    says: /pinned, and so is .*pinned-first\.md/,
  },
  {
    name: "missing-photo",
    source: updateSource(4, { body: "Rescuers at work.\n\n![Rescuers dig](rubble.jpg)" }),
    line: 7,
    says: /names rubble\.jpg, but there is no such file/,
  },
  {
    name: "unclosed-gallery",
    source: UNCLOSED_GALLERY,
    line: 7,
    says: /never closed|not closed|unclosed/i,
  },
  // The gallery's mistake does not hide its missing photo: one run names both.
  {
    name: "unclosed-gallery",
    source: UNCLOSED_GALLERY,
    line: 8,
    says: /names one\.jpg, but there is no such file/,
  },
  // Nor does a mistake in the front matter.
  {
    name: "no-offset-and-missing-photo",
    source: NO_OFFSET_MISSING_PHOTO,
    line: 2,
    field: "time",
    says: /no UTC offset/,
  },
  {
    name: "no-offset-and-missing-photo",
    source: NO_OFFSET_MISSING_PHOTO,
    line: 7,
    says: /names gone\.jpg, but there is no such file/,
  },
  {
    name: "misspelt-field",
    // Two letters swapped: one slip from "title", though as far from "time" by plain edits.
    source: "---\ntime: 2025-12-31T09:10:00+08:00\ntitel: Typo\n---\n\nText.\n",
    line: 3,
    field: "titel",
    says: /not a known field/,
    fix: /Did you mean "title"/,
  },
  {
    name: "no-text",
    source: "---\ntime: 2025-12-31T09:10:00+08:00\n---\n\n",
    line: 4,
    says: /has no text/,
  },
];

/** Writes the blog, one good update and every bad one. */
function writeBadBlog(site: FixtureSite): void {
  writeLiveBlog(site, 1);
  for (const bad of BAD) writeUpdate(site, bad.name, bad.source);
  writeUpdate(site, "Bad_Name", updateSource(6));
  // An article that is not a live blog, with an update; another with an end of coverage.
  site.article("not-a-live-blog", articleSource({ date: "2025-12-31T07:00:00+08:00" }));
  writeUpdate(site, "stray", updateSource(1), "not-a-live-blog");
  site.article(
    "news-that-ends",
    articleSource({ ended: "2025-12-31T18:00:00+08:00", date: "2025-12-31T07:00:00+08:00" }),
  );
  // A live blog that ends before it began.
  site.article(
    "ends-before-it-began",
    articleSource(liveFields({ ended: "2025-12-30T18:00:00+08:00" }), "Summary."),
  );
}

/** The issues the live scan finds in a fixture, as the build would (no last build). */
function scanIssues(site: FixtureSite): readonly ContentIssue[] {
  const entries = new Map<string, ArticleEntry>();
  const dir = path.join(site.root, "content/articles");
  for (const slug of [LIVE_SLUG, "not-a-live-blog"]) {
    const source = readFileSync(path.join(dir, slug, "index.md"), "utf8");
    const kind = /^kind: live$/m.test(source) ? "live" : undefined;
    entries.set(slug, {
      folder: "",
      index: "",
      recordKey: "",
      record: { pack: "", offset: 0, length: 0, hash: "" },
      media: "",
      card: {
        slug,
        sourcePath: articlePath(slug),
        url: `/asia/${slug}/`,
        title: "t",
        description: "d",
        date: "2025-12-31T08:00:00.000+08:00",
        dateMs: Date.parse("2025-12-31T08:00:00+08:00"),
        section: { slug: "asia", name: "Asia" },
        tags: [],
        sources: [],
        authors: [],
        ...(kind ? { kind } : {}),
        draft: false,
        bodyLinks: [],
      },
      month: "2025-12",
      zone: "Asia/Singapore",
    });
  }
  const packs = mkdtempSync(path.join(os.tmpdir(), "broadsheet-live-records-"));
  const store = new PackStore(packs);
  try {
    return scanLive(site.root, entries, {}, "parser", store).issues;
  } finally {
    store.close();
    rmSync(packs, { recursive: true, force: true });
  }
}

describe("live updates: every mistake at its file and line", () => {
  let issues: readonly ContentIssue[] = [];
  before(() => {
    issues = withSite((site) => {
      writeBadBlog(site);
      return scanIssues(site);
    });
  });

  for (const bad of BAD) {
    it(`reports ${bad.name}.md at line ${bad.line}`, () => {
      const found = issues.filter((issue) => issue.file === live(bad.name));
      assert.ok(
        found.some(
          (issue) =>
            issue.line === bad.line &&
            (bad.field === undefined || issue.field === bad.field) &&
            bad.says.test(issue.message) &&
            (bad.fix === undefined || bad.fix.test(issue.fix)) &&
            issue.fix.length > 0,
        ),
        `no issue for ${bad.name}.md at line ${bad.line} saying ${bad.says}; got ${JSON.stringify(found, null, 2)}`,
      );
    });
  }

  it("reports a file whose name is not an id, with a name that is", () => {
    const found = issues.find((issue) => issue.file === live("Bad_Name"));
    assert.ok(found, JSON.stringify(issues.map((issue) => issue.file)));
    assert.match(found.message, /"Bad_Name\.md" is not a valid id/);
    assert.match(found.fix, /bad-name\.md/);
  });

  it("reports updates under an article that is not a live blog, naming the update", () => {
    const found = issues.find(
      (issue) => issue.file === "content/articles/not-a-live-blog/live/stray.md",
    );
    assert.ok(found);
    assert.match(found.message, /not a live blog/);
    assert.match(found.fix, /kind: live/);
  });

  it("finds nothing wrong with the good update", () => {
    assert.deepEqual(
      issues.filter((issue) => issue.file === live("update-001")),
      [],
    );
  });
});

describe("ended", () => {
  it("is refused on an article that is not live, at its line", () => {
    withSite((site) => {
      site.article(
        "not-live",
        articleSource({ date: "2025-12-31T07:00:00+08:00", ended: "2025-12-31T18:00:00+08:00" }),
      );
      const [issue] = expectInvalid(load(site));
      assert.equal(issue?.file, articlePath("not-live"));
      assert.equal(issue?.field, "ended");
      assert.equal(issue?.line, 5);
      assert.match(issue?.message ?? "", /only for live coverage/);
    });
  });

  it("is refused before the blog's date, at its line", () => {
    withSite((site) => {
      site.article(
        "ends-early",
        articleSource(liveFields({ ended: "2025-12-30T18:00:00+08:00" }), "Summary."),
      );
      const [issue] = expectInvalid(load(site));
      assert.equal(issue?.field, "ended");
      assert.match(issue?.message ?? "", /before the first publication date/);
      assert.ok(issue?.line !== undefined);
    });
  });

  it("is taken on a live blog, with kind live", () => {
    withSite((site) => {
      site.article(
        "ends-well",
        articleSource(liveFields({ ended: "2025-12-31T18:00:00+08:00" }), "Summary."),
      );
      const loaded = load(site);
      assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.issues));
      const [blog] = loaded.value.articles;
      assert.equal(blog?.kind, "live");
      assert.equal(blog?.ended?.toISO(), "2025-12-31T18:00:00.000+08:00");
    });
  });
});

describe("a build over a blog with every mistake", () => {
  let site: FixtureSite;
  const siteFiles = () =>
    new Map(
      listFiles(path.join(site.root, "_site")).map((file) => [
        file,
        readFileSync(path.join(site.root, "_site", file)).toString("base64"),
      ]),
    );

  after(() => site?.remove());

  it("lists every problem at once, exits 1, and leaves _site/ as it was", () => {
    site = createFixtureSite();
    site.article("a-calm-day", articleSource({ date: "2025-12-30T08:00:00+08:00" }));
    assert.equal(runBuild(site.root).status, 0);
    const published = siteFiles();
    writeBadBlog(site);
    // A photo beside index.md is found for an update too: this one is fine.
    mkdirSync(path.join(site.root, "content/articles", LIVE_SLUG), { recursive: true });
    writeFileSync(path.join(site.root, "content/articles", LIVE_SLUG, "note.txt"), "not an update");
    const run = runBuild(site.root);
    assert.equal(run.status, 1, run.stdout);
    for (const bad of BAD) {
      assert.ok(
        run.stderr.includes(`${live(bad.name)}:${bad.line}`),
        `${bad.name}.md:${bad.line} is reported:\n${run.stderr}`,
      );
    }
    assert.match(run.stderr, new RegExp(`${live("Bad_Name").replace(/\./g, "\\.")}`));
    assert.match(run.stderr, /not-a-live-blog\/live\/stray\.md/);
    assert.match(run.stderr, /news-that-ends\/index\.md:\d+:\d+ \[ended\]/);
    assert.match(run.stderr, /ends-before-it-began\/index\.md:\d+:\d+ \[ended\]/);
    assert.match(run.stderr, /Nothing was published/);
    assert.deepEqual(siteFiles(), published, "_site/ is untouched");
  });
});
