/**
 * The bad-input suite at the level editors meet it: one `npm run build` over a site holding many
 * kinds of bad article at once. Every one is reported (file, field, fix), the build exits 1, no
 * front matter is run, and the published `_site/` is left byte-for-byte as it was.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listFiles } from "../../scripts/site/check-output.ts";
import { type BuildRun, runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { corruptJpeg, hugePngHeader, truncatedJpeg } from "../media/fixtures.ts";

function snapshot(root: string): Map<string, string> {
  const dir = path.join(root, "_site");
  return new Map(
    listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]),
  );
}

const photoArticle = (file: string) =>
  articleSource({ image: `\n  src: ${file}\n  alt: A photo.` });

describe("a build over many bad articles at once", () => {
  let site: FixtureSite;
  let before_: Map<string, string>;
  let run: BuildRun;
  const sideEffect = path.join(os.tmpdir(), `broadsheet-js-front-matter-ran-${process.pid}`);

  before(async () => {
    site = createFixtureSite({ seed: true });
    assert.equal(runBuild(site.root).status, 0);
    before_ = snapshot(site.root);

    site.article(
      "unclosed-quote",
      '---\ntitle: "Kim receives letter\ndate: 2024-03-01T09:30:00+08:00\nsection: asia\n---\n\nText.\n',
    );
    site.article(
      "tab-indented",
      "---\ntitle: Tabs\ndate: 2024-03-01T09:30:00+08:00\nsection: asia\nimage:\n\tsrc: photo.jpg\n---\n\nText.\n",
    );
    site.article(
      "duplicate-key",
      "---\ntitle: One\ntitle: Two\ndate: 2024-03-01T09:30:00+08:00\nsection: asia\n---\n\nText.\n",
    );
    site.article("list-front-matter", "---\n- title: A list\n---\n\nText.\n");
    site.article(
      "never-closed",
      "---\ntitle: Open\ndate: 2024-03-01T09:30:00+08:00\nsection: asia\n\nText.\n",
    );
    site.article(
      "js-front-matter",
      `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(sideEffect)}, "ran"), "x") }\n---\n\nText.\n`,
    );
    site.article("wrong-type", articleSource({ title: "2024" }));
    site.article("unknown-field", articleSource({ tittle: '"Typo"' }));
    site.article(
      "latin-1",
      Buffer.concat([
        Buffer.from("---\ntitle: Caf"),
        Buffer.from([0xe9]),
        Buffer.from("\ndate: 2024-03-01T09:30:00+08:00\nsection: asia\n---\n\nText.\n"),
      ]),
    );
    site.article("empty-file", "");
    site.article("empty-body", articleSource({}, "   "));
    site.article("unknown-section", articleSource({ section: "sports-desk" }));
    site.article("updated-before-date", articleSource({ updated: "2024-02-01T09:30:00+08:00" }));
    site.article("impossible-date", articleSource({ date: "2019-02-30T10:00:00+08:00" }));
    site.article(
      "video-without-thumbnail",
      articleSource({ video: '\n  provider: brightcove\n  id: "123"' }),
    );
    site.article("missing-image", photoArticle("photo.jpg"));
    site.article("truncated-jpeg", photoArticle("photo.jpg"));
    site.file("truncated-jpeg", "photo.jpg", await truncatedJpeg());
    site.article("corrupt-jpeg", photoArticle("photo.jpg"));
    site.file("corrupt-jpeg", "photo.jpg", await corruptJpeg());
    site.article("html-as-jpeg", photoArticle("photo.jpg"));
    site.file("html-as-jpeg", "photo.jpg", "<!doctype html><html><body>Not a photo</body></html>");
    site.article("svg-as-jpeg", photoArticle("photo.jpg"));
    site.file(
      "svg-as-jpeg",
      "photo.jpg",
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    );
    site.article("empty-image", photoArticle("photo.jpg"));
    site.file("empty-image", "photo.jpg", "");
    site.article("huge-png", photoArticle("huge.png"));
    site.file("huge-png", "huge.png", hugePngHeader());
    site.article("Upper-Case-Slug", articleSource());
    run = runBuild(site.root);
  });
  after(() => site.remove());

  it("exits 1 with no stack trace", () => {
    assert.equal(run.status, 1, run.stdout);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  const expected: [string, RegExp][] = [
    ["unclosed-quote", /:2:\d+.*\n.*The quote opened on line 2 is never closed/],
    ["tab-indented", /:6:\d+.*\n.*A tab indents line 6: YAML reads only spaces/],
    ["duplicate-key", /:3:\d+.*\n.*The field "title" is written a second time on line 3/],
    ["list-front-matter", /a list, not a set of fields/],
    ["never-closed", /never closed/],
    ["js-front-matter", /only YAML is read/],
    ["wrong-type", /\[title\]\n\s+title must be text, not the number 2024/],
    ["unknown-field", /\[tittle\][\s\S]*?Did you mean "title"/],
    ["latin-1", /not valid UTF-8/],
    ["empty-file", /empty/],
    ["empty-body", /no body text/],
    ["unknown-section", /\[section\][\s\S]*?not a section of this site/],
    ["updated-before-date", /\[updated\][\s\S]*?before the first publication date/],
    ["impossible-date", /\[date\][\s\S]*?not a real date/],
    ["video-without-thumbnail", /\[video\.thumbnail\]/],
    ["missing-image", /\[image\.src\][\s\S]*?no such file/],
    ["truncated-jpeg", /\[image\.src\]\n.*cut short/],
    ["corrupt-jpeg", /\[image\.src\]/],
    ["html-as-jpeg", /\[image\.src\]/],
    ["svg-as-jpeg", /\[image\.src\]\n.*SVG/],
    ["empty-image", /\[image\.src\]/],
    ["huge-png", /\[image\.src\]\n.*over the limit/],
    ["Upper-Case-Slug", /not a valid slug/],
  ];
  /** The report of one article: from its `✖` line to the next. */
  const reportOf = (slug: string): string => {
    const file = `content/articles/${slug}/index.md`;
    const at = run.stderr.indexOf(`✖ ${file}`);
    assert.ok(at !== -1, `${file} is not reported:\n${run.stderr}`);
    const next = run.stderr.indexOf("✖", at + 1);
    return run.stderr.slice(at, next === -1 ? undefined : next);
  };
  for (const [slug, pattern] of expected) {
    it(`reports ${slug}, naming its file and what is wrong`, () => {
      const report = reportOf(slug);
      assert.match(report, pattern);
      assert.match(report, /Fix: \S/);
    });
  }

  it("reports a bad photo at the line of its image.src field", () => {
    for (const slug of [
      "truncated-jpeg",
      "corrupt-jpeg",
      "html-as-jpeg",
      "svg-as-jpeg",
      "empty-image",
      "huge-png",
    ]) {
      assert.match(reportOf(slug), /index\.md:6:\d+ \[image\.src\]/, slug);
    }
  });

  it("never runs ---js front matter", () => {
    assert.equal(existsSync(sideEffect), false);
  });

  it("leaves _site/ byte-for-byte as it was, and no staging folder", () => {
    assert.deepEqual(snapshot(site.root), before_);
    assert.deepEqual(
      readdirSync(site.root).filter((name) => name.startsWith(".site-")),
      [],
    );
  });
});

describe("tags and slugs that look like paths", () => {
  it("only ever write inside _site/", () => {
    const site = createFixtureSite();
    try {
      site.article(
        "path-like-tags",
        articleSource({ tags: '["../../../escape", "/etc/passwd", "..", "a/../../b"]' }),
      );
      const run = runBuild(site.root);
      assert.equal(run.status, 0, run.stderr);
      // .cache holds the search index cache, which the build writes on purpose.
      const outside = readdirSync(site.root).filter(
        (name) => !["_site", "content", "assets", ".cache"].includes(name),
      );
      assert.deepEqual(outside, []);
      const topics = listFiles(path.join(site.root, "_site")).filter((file) =>
        file.startsWith("topics/"),
      );
      assert.ok(topics.length >= 3);
      for (const file of topics) assert.match(file, /^topics\/[a-z0-9-]+\/index\.html$/);
    } finally {
      site.remove();
    }
  });
});
