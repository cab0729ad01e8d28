/**
 * Standing pages end to end, by the real build: what readers get at `/<slug>/` (a page with no
 * story furniture), the footer on every kind of page, the publisher's policies in structured
 * data, where pages appear (sitemap, search) and where they never do (feeds, the News sitemap,
 * fronts and listings), html-validate, and every bad input at once with `_site/` untouched.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { listFiles } from "../../scripts/site/check-output.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";
import { pageSource, writePage, writePageFile } from "../helpers/pages.ts";
import { snapshot } from "../helpers/site-snapshot.ts";
import { photo } from "../media/fixtures.ts";

type Node = Record<string, unknown>;

const ORIGIN = "https://news.example.com";
const PUBLISHER_ID = `${ORIGIN}/#publisher`;
const FOOTER = [
  "About us",
  "Contact us",
  "Corrections policy",
  "Ethics policy",
  "Privacy",
  "Corrections",
];
const FOOTER_PATHS = [
  "/about/",
  "/contact/",
  "/corrections-policy/",
  "/ethics-policy/",
  "/privacy/",
  "/corrections/",
];

/** Writes the pages every test here reads: about, contact, two policies, a masthead, privacy. */
async function writePages(root: string): Promise<void> {
  writePage(
    root,
    "about",
    pageSource(
      {
        title: "About us",
        description: "Who we are and how we work.",
        footer: "true",
        order: "1",
        updated: "2026-11-20T10:00:00+08:00",
      },
      [
        `We are an independent newsroom. Read [our story on the letter](/asia/${SEED_SLUG}/).`,
        "",
        '![The newsroom at night](newsroom.jpg "The newsroom on a late shift. PHOTO: ST")',
        "",
        "## Who owns us",
        "",
        "A trust owns the paper.",
      ].join("\n"),
    ),
  );
  writePageFile(root, "about", "newsroom.jpg", await photo(1600, 1000, 7));
  writePage(
    root,
    "contact",
    pageSource(
      { title: "Contact us", footer: "true", order: "2" },
      "Write to [the desk](mailto:desk@news.example.com).\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ),
  );
  writePage(
    root,
    "corrections-policy",
    pageSource(
      { title: "Corrections policy", policy: "corrections", footer: "true", order: "3" },
      "Every correction is listed on [the corrections page](/corrections/).",
    ),
  );
  writePage(
    root,
    "ethics-policy",
    pageSource(
      { title: "Ethics policy", policy: "ethics", footer: "true", order: "4" },
      "We take no gifts.",
    ),
  );
  writePage(
    root,
    "masthead",
    pageSource({ title: "Our masthead", policy: "masthead" }, "The editors who run the paper."),
  );
  writePage(
    root,
    "privacy",
    pageSource({ title: "Privacy", footer: "true" }, "We keep no cookies."),
  );
}

function graphOf(html: string): Node[] {
  const $ = load(html);
  const blocks = $('script[type="application/ld+json"]');
  assert.equal(blocks.length, 1, "one JSON-LD graph per page");
  return (JSON.parse(blocks.text()) as { "@graph": Node[] })["@graph"];
}

function nodeWith(graph: Node[], key: string, value: unknown): Node {
  const node = graph.find((candidate) => candidate[key] === value);
  assert.ok(node, `the graph has a node with ${key} ${String(value)}: ${JSON.stringify(graph)}`);
  return node;
}

describe("standing pages in a built site", () => {
  let site: FixtureSite;
  const read = (file: string) => readFileSync(path.join(site.root, "_site", file), "utf8");
  const page = (file: string) => load(read(file));

  before(async () => {
    site = createFixtureSite({ seed: true });
    await writePages(site.root);
    site.article(
      "rates-held",
      articleSource(
        { title: '"Rates held"', date: "2025-12-31T08:00:00+08:00", section: "business" },
        "The bank held rates. [About us](/about/) explains who we are.",
      ),
    );
    const run = runBuild(site.root, { SITE_URL: ORIGIN });
    assert.equal(run.status, 0, run.stderr);
  });
  after(() => site.remove());

  it("shows a page with a heading, its standfirst and last update, breadcrumbs home, and no story furniture", () => {
    const $ = page("about/index.html");
    assert.equal($("h1").text(), "About us");
    assert.equal($("title").text(), "About us | The Broadsheet Times");
    assert.equal($(".standfirst").text(), "Who we are and how we work.");
    assert.equal($(".standing-updated").text(), "Last updated 20 November 2026");
    assert.equal($(".standing-updated time").attr("datetime"), "2026-11-20T10:00:00+08:00");
    assert.deepEqual(
      $(".breadcrumbs a")
        .toArray()
        .map((link) => [$(link).text(), link.attribs.href, link.attribs["aria-current"]]),
      [
        ["Home", "/", undefined],
        ["About us", "/about/", "page"],
      ],
    );
    for (const furniture of [
      ".byline",
      ".dateline",
      ".story-kind",
      ".kicker",
      ".related",
      ".tags",
      ".timestamps",
      ".correction-notice",
    ]) {
      assert.equal($(furniture).length, 0, `no ${furniture}`);
    }
    assert.equal($(".sections a[aria-current]").length, 0, "no section is marked as the page's");
    assert.match($(".story-body").text(), /We are an independent newsroom/);
    assert.equal($(".story-body h2").text(), "Who owns us");
    const figure = $(".story-body figure");
    assert.equal(figure.find("img[alt='The newsroom at night']").length, 1);
    assert.match(figure.find("figcaption").text(), /The newsroom on a late shift\.\s*PHOTO: ST/);
    assert.equal(
      $(".story-body source[type='image/avif']").length,
      1,
      "made by the image pipeline",
    );
    assert.equal($(`.story-body a[href='/asia/${SEED_SLUG}/']`).length, 1);
  });

  it("links the footer's pages, in order, then the corrections, from articles, fronts, archives and the pages themselves", () => {
    for (const file of [
      `asia/${SEED_SLUG}/index.html`,
      "index.html",
      "asia/index.html",
      "archive/index.html",
      "archive/2019/06/index.html",
      "search/index.html",
      "404.html",
      "corrections/index.html",
      "masthead/index.html",
    ]) {
      const $ = page(file);
      const links = $(".site-footer .footer-nav a").toArray();
      assert.deepEqual(
        links.map((link) => $(link).text()),
        FOOTER,
        file,
      );
      assert.deepEqual(
        links.map((link) => link.attribs.href),
        FOOTER_PATHS,
        file,
      );
    }
    const $ = page("contact/index.html");
    assert.equal($(".footer-nav a[aria-current='page']").attr("href"), "/contact/");
    assert.equal(page("index.html")(".footer-nav a[aria-current]").length, 0);
  });

  it("names each policy page on the home page's publisher, whose id every article's publisher is", () => {
    const home = graphOf(read("index.html"));
    const publisher = nodeWith(home, "@id", PUBLISHER_ID);
    assert.equal(publisher["@type"], "NewsMediaOrganization");
    assert.equal(publisher.name, "The Broadsheet Times");
    assert.equal(publisher.url, `${ORIGIN}/`);
    assert.equal(publisher.correctionsPolicy, `${ORIGIN}/corrections-policy/`);
    assert.equal(publisher.ethicsPolicy, `${ORIGIN}/ethics-policy/`);
    assert.equal(publisher.masthead, `${ORIGIN}/masthead/`);
    for (const absent of [
      "publishingPrinciples",
      "diversityPolicy",
      "ownershipFundingInfo",
      "unnamedSourcesPolicy",
      "verificationFactCheckingPolicy",
      "actionableFeedbackPolicy",
    ]) {
      assert.equal(publisher[absent], undefined, absent);
    }
    assert.equal(
      nodeWith(home, "@type", "WebSite").publisher &&
        (nodeWith(home, "@type", "WebSite").publisher as Node)["@id"],
      PUBLISHER_ID,
    );

    const article = graphOf(read(`asia/${SEED_SLUG}/index.html`));
    assert.deepEqual(nodeWith(article, "@type", "NewsArticle").publisher, { "@id": PUBLISHER_ID });
    const small = nodeWith(article, "@id", PUBLISHER_ID);
    assert.deepEqual(
      Object.keys(small).sort(),
      ["@id", "@type", "logo", "name", "url"],
      "articles carry the small publisher node, which policy pages never change",
    );
  });

  it("types each page (AboutPage, ContactPage, WebPage) and gives it the publisher with its policies", () => {
    const types: Record<string, string> = {
      about: "AboutPage",
      contact: "ContactPage",
      "corrections-policy": "WebPage",
      "ethics-policy": "WebPage",
      masthead: "WebPage",
      privacy: "WebPage",
    };
    for (const [slug, type] of Object.entries(types)) {
      const graph = graphOf(read(`${slug}/index.html`));
      const url = `${ORIGIN}/${slug}/`;
      const node = nodeWith(graph, "@id", url);
      assert.equal(node["@type"], type, slug);
      assert.deepEqual(node.publisher, { "@id": PUBLISHER_ID });
      assert.equal(
        nodeWith(graph, "@id", PUBLISHER_ID).correctionsPolicy,
        `${ORIGIN}/corrections-policy/`,
      );
      const crumbs = nodeWith(graph, "@type", "BreadcrumbList").itemListElement as Node[];
      assert.deepEqual(
        crumbs.map((crumb) => crumb.item),
        [`${ORIGIN}/`, url],
      );
    }
    const about = nodeWith(graphOf(read("about/index.html")), "@id", `${ORIGIN}/about/`);
    assert.equal(about.dateModified, "2026-11-20T10:00:00+08:00");
    assert.equal(about.name, "About us");
    assert.equal(about.description, "Who we are and how we work.");
    assert.deepEqual(about.about, { "@id": PUBLISHER_ID });
  });

  it("lists the pages in the sitemap's pages file, with their last update", () => {
    const sitemap = read("sitemaps/pages.xml");
    for (const slug of Object.keys({
      about: 1,
      contact: 1,
      "corrections-policy": 1,
      "ethics-policy": 1,
      masthead: 1,
      privacy: 1,
    })) {
      assert.match(sitemap, new RegExp(`<loc>${ORIGIN}/${slug}/</loc>`));
    }
    assert.match(
      sitemap,
      new RegExp(`<loc>${ORIGIN}/about/</loc>\\s*<lastmod>2026-11-20T10:00:00\\+08:00</lastmod>`),
    );
  });

  it("keeps pages out of feeds, the News sitemap, fronts and listings", () => {
    const pageUrl = /\/(about|contact|corrections-policy|ethics-policy|masthead|privacy)\//;
    // What each feed or sitemap lists (a story's body may link to a page: that is not a listing).
    const listed: Record<string, RegExp> = {
      "feed.xml": /<id>([^<]*)<\/id>/g,
      "asia/feed.xml": /<id>([^<]*)<\/id>/g,
      "rss.xml": /<guid[^>]*>([^<]*)<\/guid>/g,
      "feed.json": /"url":\s*"([^"]*)"/g,
      "business/feed.json": /"url":\s*"([^"]*)"/g,
      "news-sitemap.xml": /<loc>([^<]*)<\/loc>/g,
      "sitemaps/articles-2025-12.xml": /<loc>([^<]*)<\/loc>/g,
    };
    for (const [file, pattern] of Object.entries(listed)) {
      const entries = [...read(file).matchAll(pattern)].map((match) => match[1] ?? "");
      assert.ok(entries.length > 0, `${file} lists something`);
      assert.deepEqual(
        entries.filter((entry) => pageUrl.test(entry)),
        [],
        file,
      );
    }
    assert.match(
      read("feed.xml"),
      /href="https:\/\/news\.example\.com\/about\/"/,
      "a story's link to a page stays in its feed item",
    );
    for (const file of [
      "index.html",
      "asia/index.html",
      "business/index.html",
      "archive/index.html",
      "archive/2025/12/index.html",
      "corrections/index.html",
    ]) {
      const $ = page(file);
      const linked = $("main a")
        .toArray()
        .map((link) => link.attribs.href ?? "")
        .filter((href) => pageUrl.test(href));
      assert.deepEqual(linked, [], `${file} lists no standing page`);
    }
    // A story that links to a page keeps its link, checked like any other.
    assert.equal(page("business/rates-held/index.html")(".story-body a[href='/about/']").length, 1);
  });

  it("indexes the pages for search in a part of their own, labelled", () => {
    const parts =
      page("search/index.html")("form[data-parts]").attr("data-parts")?.split(" ") ?? [];
    assert.equal(parts.at(-1), "pages", parts.join(" "));
    const entry = JSON.parse(read("pagefind/pages/pagefind-entry.json")) as {
      languages: Record<string, { page_count: number }>;
    };
    assert.equal(entry.languages.en?.page_count, 6);
    const metaFiles = listFiles(path.join(site.root, "_site/pagefind/pages")).filter((file) =>
      file.startsWith("fragment/"),
    );
    assert.equal(metaFiles.length, 6);
  });

  it("gives a page with embeds its own Content-Security-Policy, as an article's", () => {
    const headers = read("_headers");
    const rule = headers.split(/\n(?=\/)/).find((block) => block.startsWith("/contact/*"));
    assert.ok(rule, headers);
    assert.match(rule, /frame-src [^;]*https:\/\/www\.youtube-nocookie\.com/);
    assert.equal(page("contact/index.html")("figure.embed-youtube").length, 1);
  });

  it("passes html-validate's recommended rules on every page", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    const dir = path.join(site.root, "_site");
    for (const file of listFiles(dir).filter((name) => name.endsWith(".html"))) {
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
});

describe("a build over bad standing pages", () => {
  let site: FixtureSite;
  let before_: ReturnType<typeof snapshot>;
  let run: ReturnType<typeof runBuild>;

  before(async () => {
    site = createFixtureSite({ seed: true });
    await writePages(site.root);
    assert.equal(runBuild(site.root).status, 0);
    before_ = snapshot(site.root);
    // A section's slug, built pages' slugs, a second ethics policy, an unknown policy, body errors.
    writePage(site.root, "asia", pageSource({ title: "Asia desk" }));
    writePage(site.root, "search", pageSource({ title: "Search us" }));
    writePage(site.root, "corrections", pageSource({ title: "Corrections" }));
    writePage(site.root, "feed", pageSource({ title: "Our feeds" }));
    writePage(site.root, "standards", pageSource({ title: "Standards", policy: "ethics" }));
    writePage(site.root, "funding", pageSource({ title: "Funding", policy: "ownershp" }));
    writePage(
      site.root,
      "team",
      pageSource(
        { title: "Team", ordr: "2" },
        "Text.\n\n![The team](team.jpg)\n\nhttps://vm.tiktok.com/ZMabc/\n\n[Gone](/asia/no-such-story/)",
      ),
    );
    run = runBuild(site.root);
  });
  after(() => site.remove());

  it("reports every problem in one run, each with its file, line and fix, and exits 1", () => {
    assert.equal(run.status, 1, run.stdout);
    const out = run.stderr;
    const expect = (pattern: RegExp) => assert.match(out, pattern);
    expect(
      /content\/pages\/asia\/index\.md\n\s+The page's address \/asia\/ is already taken: it is the Asia section's page\./,
    );
    expect(
      /content\/pages\/search\/index\.md\n\s+The page's address \/search\/ is already taken: it is the search page/,
    );
    expect(
      /content\/pages\/corrections\/index\.md\n\s+The page's address \/corrections\/ is already taken[^\n]*\n\s+Fix: [^\n]*e\.g\. corrections-policy/,
    );
    expect(
      /content\/pages\/feed\/index\.md\n\s+The page's address \/feed\/ is already taken: it is the site's feeds/,
    );
    expect(
      /content\/pages\/standards\/index\.md:3 \[policy\]\n\s+policy: ethics is also claimed by content\/pages\/ethics-policy\/index\.md/,
    );
    expect(
      /content\/pages\/ethics-policy\/index\.md:3 \[policy\]\n\s+policy: ethics is also claimed by content\/pages\/standards\/index\.md/,
    );
    expect(
      /content\/pages\/funding\/index\.md:3:9 \[policy\]\n\s+policy is "ownershp", not a policy[^\n]*did you mean "ownership"/,
    );
    expect(
      /content\/pages\/team\/index\.md:3:1 \[ordr\]\n\s+"ordr" is not a known field\.\n\s+Fix: Did you mean "order"\?/,
    );
    expect(
      /content\/pages\/team\/index\.md:8\n\s+The photo on line 8 names team\.jpg, but there is no such file/,
    );
    expect(/content\/pages\/team\/index\.md:10\n\s+[^\n]*vm\.tiktok\.com[^\n]*short link/);
    expect(/Nothing was published: _site\/ is as it was before this build\./);
  });

  it("leaves _site/ exactly as it was", () => {
    const after_ = snapshot(site.root);
    assert.deepEqual([...after_.keys()], [...before_.keys()]);
    for (const [file, { hash, mtimeMs }] of before_) {
      assert.equal(after_.get(file)?.hash, hash, file);
      assert.equal(after_.get(file)?.mtimeMs, mtimeMs, file);
    }
  });
});

describe("links from standing pages and to them", () => {
  let site: FixtureSite;
  let run: ReturnType<typeof runBuild>;

  before(() => {
    site = createFixtureSite({ seed: true });
    writePage(
      site.root,
      "team",
      pageSource(
        { title: "Team" },
        `Text.\n\n[A story gone](/asia/no-such-story/)\n\n[Our seed](/asia/${SEED_SLUG}/)`,
      ),
    );
    site.article(
      "links-to-pages",
      articleSource(
        { title: '"Links"' },
        "See [the team](/team/) and [our privacy page](/privacy/).",
      ),
    );
    run = runBuild(site.root);
  });
  after(() => site.remove());

  it("checks them against the whole site, like an article body's, at their lines", () => {
    assert.equal(run.status, 1, run.stdout);
    assert.match(
      run.stderr,
      /content\/pages\/team\/index\.md:7\n\s+The link "\/asia\/no-such-story\/" points to a page that does not exist\./,
    );
    assert.match(
      run.stderr,
      /content\/articles\/links-to-pages\/index\.md:7\n\s+The link "\/privacy\/" points to a page that does not exist\./,
    );
    assert.doesNotMatch(run.stderr, /"\/team\/"/, "an article may link to a page");
    assert.doesNotMatch(run.stderr, new RegExp(SEED_SLUG), "a page may link to an article");
  });
});

describe("the pages the repository ships", () => {
  let site: FixtureSite;
  let run: ReturnType<typeof runBuild>;
  const read = (file: string) => readFileSync(path.join(site.root, "_site", file), "utf8");

  before(() => {
    site = createFixtureSite({ seed: true });
    cpSync(path.join(REPO_ROOT, "content/pages"), path.join(site.root, "content/pages"), {
      recursive: true,
    });
    // A GitHub Pages project site: every address under the repository's folder.
    run = runBuild(site.root, { SITE_URL: "https://example.org", PATH_PREFIX: "/news/" });
  });
  after(() => site.remove());

  it("build under a path prefix, marked as text to replace, in the footer and the publisher's data", () => {
    assert.equal(run.status, 0, run.stderr);
    const $ = load(read("index.html"));
    assert.deepEqual(
      $(".footer-nav a")
        .toArray()
        .map((link) => [$(link).text(), link.attribs.href]),
      [
        ["About us", "/news/about/"],
        ["Contact us", "/news/contact/"],
        ["Corrections policy", "/news/corrections-policy/"],
        ["Ethics policy", "/news/ethics-policy/"],
        ["Corrections", "/news/corrections/"],
      ],
    );
    const publisher = nodeWith(
      graphOf(read("index.html")),
      "@id",
      "https://example.org/news/#publisher",
    );
    assert.equal(publisher.correctionsPolicy, "https://example.org/news/corrections-policy/");
    assert.equal(publisher.ethicsPolicy, "https://example.org/news/ethics-policy/");
    for (const slug of ["about", "contact", "corrections-policy", "ethics-policy"]) {
      const page = load(read(`${slug}/index.html`));
      assert.match(
        page(".story-body blockquote").first().text().trim(),
        /^Template text: replace it\./,
        slug,
      );
    }
    assert.equal(
      nodeWith(graphOf(read("about/index.html")), "@id", "https://example.org/news/about/")[
        "@type"
      ],
      "AboutPage",
    );
    assert.equal(
      nodeWith(graphOf(read("contact/index.html")), "@id", "https://example.org/news/contact/")[
        "@type"
      ],
      "ContactPage",
    );
  });
});
