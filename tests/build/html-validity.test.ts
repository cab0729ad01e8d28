import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { bodyLinkIssues, listFiles, pageIssues } from "../../scripts/site/check-output.ts";
import { outputFile } from "../../scripts/site/page-specs.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";

/**
 * A site with every kind of page: the seed, articles with and without media, several topics, a
 * link in a body to another story (written under the site's folder, `pathPrefix`).
 */
function richSite(pathPrefix = "/"): FixtureSite {
  const site = createFixtureSite({ seed: true });
  site.article(
    "plain-story",
    articleSource(
      { title: "A plain story", tags: "[Economy]" },
      `Text about [the letter](${pathPrefix}asia/${SEED_SLUG}/).\n\n## A heading\n\n> A quote`,
    ),
  );
  site.article(
    "staff-story",
    articleSource({
      title: "Staff story",
      section: "singapore",
      authors: "[Jane Tan]",
      updated: "2024-03-02T10:00:00+08:00",
    }),
  );
  return site;
}

/**
 * The build's checks of every page (one h1, a title, a lang, nothing the CSP blocks, every
 * internal link and asset resolving) run again over a finished site, links in article bodies
 * included: the build checks those against its page plan rather than with the page.
 */
function siteIssues(dir: string, pathPrefix: string): string[] {
  const files = listFiles(dir);
  const existing = new Set(files);
  const pages = files.filter((file) => file.endsWith(".html"));
  assert.ok(pages.length >= 15, `only ${pages.length} pages`);
  return pages.flatMap((file) => {
    const html = readFileSync(path.join(dir, file), "utf8").replaceAll(
      "data-article-body",
      "data-checked-body",
    );
    return pageIssues(file, html, existing, pathPrefix).map(
      (issue) => `${issue.file}: ${issue.message}`,
    );
  });
}

describe("every built page", () => {
  const sites: Record<string, FixtureSite> = {};
  before(() => {
    sites.root = richSite();
    sites.prefixed = richSite("/news/");
    assert.equal(runBuild(sites.root.root).status, 0);
    const run = runBuild(sites.prefixed.root, {
      SITE_URL: "https://example.org",
      PATH_PREFIX: "/news/",
    });
    assert.equal(run.status, 0, run.stderr);
  });
  after(() => {
    for (const site of Object.values(sites)) site.remove();
  });

  it("passes html-validate's recommended rules", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const dir = path.join(sites.root?.root ?? "", "_site");
    const problems: string[] = [];
    const pages = listFiles(dir).filter((file) => file.endsWith(".html"));
    assert.ok(pages.length >= 15);
    for (const file of pages) {
      const report = await validator.validateString(
        readFileSync(path.join(dir, file), "utf8"),
        file,
        {
          extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
        },
      );
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("has every internal link and asset resolving, at the root and under PATH_PREFIX", () => {
    assert.deepEqual(siteIssues(path.join(sites.root?.root ?? "", "_site"), "/"), []);
    assert.deepEqual(siteIssues(path.join(sites.prefixed?.root ?? "", "_site"), "/news/"), []);
  });

  it("keeps search and the 404 page out of search engines, the 404 page without a canonical address", () => {
    const dir = path.join(sites.root?.root ?? "", "_site");
    const head = (file: string) => {
      const $ = load(readFileSync(path.join(dir, file), "utf8"));
      return {
        robots: $('meta[name="robots"]').attr("content") ?? "",
        canonical: $('link[rel="canonical"]').attr("href"),
      };
    };
    const search = head("search/index.html");
    assert.match(search.robots, /\bnoindex\b/);
    assert.match(search.canonical ?? "", /^https?:\/\/[^/]+\/search\/$/);
    const notFound = head("404.html");
    assert.match(notFound.robots, /\bnoindex\b/);
    assert.equal(notFound.canonical, undefined, "the 404 page is served at every missing address");
    // Every other page is indexed and names its own address.
    for (const file of [
      "index.html",
      `asia/${SEED_SLUG}/index.html`,
      "asia/index.html",
      "archive/index.html",
    ]) {
      const page = head(file);
      assert.doesNotMatch(page.robots, /noindex/, file);
      assert.ok(
        page.canonical?.endsWith(`/${file.replace(/index\.html$/, "")}`),
        `${file}: ${page.canonical}`,
      );
    }
  });

  it("labels a card with its section except on that section's own page", () => {
    const dir = path.join(sites.root?.root ?? "", "_site");
    const kickers = (file: string) => {
      const $ = load(readFileSync(path.join(dir, file), "utf8"));
      return $(".story-card .kicker")
        .toArray()
        .map((element) => $(element).text().trim());
    };
    assert.ok(kickers("index.html").includes("Asia"), `home: ${kickers("index.html").join(", ")}`);
    assert.ok(
      kickers("singapore/index.html").length === 0,
      "no label on the Singapore page's cards",
    );
    assert.ok(!kickers("asia/index.html").some((kicker) => kicker.includes("Asia")));
    assert.ok(
      load(readFileSync(path.join(dir, "asia/index.html"), "utf8"))(".story-card").length > 0,
      "the Asia page lists its stories",
    );
  });

  it("leads from the home page to every story through the archive's links alone", () => {
    const dir = path.join(sites.root?.root ?? "", "_site");
    const linksOf = (file: string) => {
      const $ = load(readFileSync(path.join(dir, file), "utf8"));
      return $("main a[href^='/']")
        .toArray()
        .map((element) => outputFile(($(element).attr("href") ?? "").split("#")[0] ?? ""));
    };
    // Listings show only the latest stories: from the home page, follow its archive link, then
    // only links between archive pages, and collect the stories they list.
    const queue: string[] = linksOf("index.html").filter((file) => file.startsWith("archive/"));
    assert.deepEqual(queue, ["archive/index.html"], "the home page links to its archive");
    const visited = new Set(queue);
    const stories = new Set<string>();
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const target of linksOf(file)) {
        if (target.startsWith("archive/")) {
          if (!visited.has(target)) queue.push(target);
          visited.add(target);
        } else if (/^(?!topics\/)[a-z0-9-]+\/[a-z0-9-]+\/index\.html$/.test(target)) {
          // A story's page (the breadcrumbs lead home as well).
          stories.add(target);
        }
      }
    }
    assert.ok(visited.has("archive/2024/03/index.html"), [...visited].join(", "));
    assert.deepEqual(
      [...stories].sort(),
      [
        `asia/${SEED_SLUG}/index.html`,
        "asia/plain-story/index.html",
        "singapore/staff-story/index.html",
      ].sort(),
    );
  });

  it("keeps every link and asset inside /news/ and every absolute URL under https://example.org/news/ with PATH_PREFIX", () => {
    const dir = path.join(sites.prefixed?.root ?? "", "_site");
    const offenders: string[] = [];
    for (const file of listFiles(dir).filter(
      (name) => /\.(html|xml|json|txt)$/.test(name) && !name.startsWith("pagefind/"),
    )) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const match of text.matchAll(/(?:href|src|srcset|content|data-[a-z-]+)="([^"]*)"/g)) {
        for (const url of (match[1] ?? "")
          .split(/,\s*/)
          .map((part) => part.split(/\s+/)[0] ?? "")) {
          if (url.startsWith("/") && !url.startsWith("/news/")) offenders.push(`${file}: ${url}`);
        }
      }
      for (const match of text.matchAll(
        /https?:\/\/(?:www\.)?(?:broadsheet\.example|example\.org)[^"'\s<]*/g,
      )) {
        if (!match[0].startsWith("https://example.org/news/"))
          offenders.push(`${file}: ${match[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

describe("links in article bodies", () => {
  // Checked against the whole site on every build: the page a story links to may go with a
  // change to another article, and the story's own page would not be rendered again.
  const files = new Set(["index.html", "asia/kept/index.html", "media/a.jpg"]);
  const story = (...urls: string[]) => ({
    sourcePath: "content/articles/linking/index.md",
    bodyLinks: urls.map((url, index) => ({ url, line: 7 + index })),
  });

  it("pass when they lead to pages and files of the site", () => {
    assert.deepEqual(
      bodyLinkIssues([story("/news/asia/kept/", "/news/media/a.jpg")], files, "/news/"),
      [],
    );
  });

  it("are reported at their file and line when the page is gone or outside the site's folder", () => {
    const issues = bodyLinkIssues(
      [story("/news/asia/kept/", "/news/asia/gone/", "/asia/kept/")],
      files,
      "/news/",
    );
    assert.deepEqual(
      issues.map((issue) => [issue.file, issue.line, issue.message]),
      [
        [
          "content/articles/linking/index.md",
          8,
          'The link "/news/asia/gone/" points to a page that does not exist.',
        ],
        [
          "content/articles/linking/index.md",
          9,
          'The link "/asia/kept/" leaves the site\'s folder /news/.',
        ],
      ],
    );
  });
});
