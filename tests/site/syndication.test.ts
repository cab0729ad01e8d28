/**
 * Feeds, sitemaps, robots.txt and _headers of real builds: one site at the configured address,
 * one under SITE_URL and PATH_PREFIX. Each is built once; the tests read the output.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listFiles } from "../../scripts/site/check-output.ts";
import {
  CACHE_CONTROL,
  CONTENT_SECURITY_POLICY,
  cspViolations,
  serializeCsp,
} from "../../scripts/site/headers.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";
import {
  assertJsonFeed11,
  parseHeadersFile,
  parseXml,
  patternMatches,
  RFC822,
  RFC3339_WITH_OFFSET,
  readOutput,
  tag,
} from "./support.ts";

const ORIGIN = "https://www.broadsheet.example";
const SEED_URL = `/asia/${SEED_SLUG}/`;
const SECTIONS = ["singapore", "asia", "world", "business", "tech", "sport", "opinion"];
const FEED_FILES = ["feed.xml", "rss.xml", "feed.json"];
/** Every feed, sitemap and robots file a build writes, site-relative, but the sitemap index's files. */
const SYNDICATION_FILES = [
  ...["", ...SECTIONS.map((slug) => `${slug}/`)].flatMap((folder) =>
    FEED_FILES.map((file) => `${folder}${file}`),
  ),
  "sitemap.xml",
  "news-sitemap.xml",
  "robots.txt",
];

/** The files of the sitemap index the main site's build writes: its stories are from two months. */
const MAIN_SITEMAPS = [
  "sitemaps/pages.xml",
  "sitemaps/articles-2019-06.xml",
  "sitemaps/articles-2025-12.xml",
];

/** The syndication files of a built site, the files under sitemaps/ included. */
function syndicationFiles(site: string): string[] {
  const parts = listFiles(path.join(site, "_site", "sitemaps")).map((file) => `sitemaps/${file}`);
  return [...SYNDICATION_FILES, ...parts];
}
/** Text that must not appear in any output: the draft's and the embargoed article's. */
const HELD_BACK = ["secret-draft", "Draft headline", "embargoed-story", "Embargoed headline"];

/**
 * The seed (Asia, agencies, photo and video, 2019) plus: a business story with two reporters,
 * an update, markup-like characters and `]]>` in its title and body and a link to the seed; a
 * staff story in Singapore; a Reuters story in Tech just outside the News sitemap's window; a
 * draft; an embargoed story. "Now" is 2026-01-01T00:00+08:00.
 */
function mainSite(): FixtureSite {
  const site = createFixtureSite({ seed: true });
  site.article(
    "markets-rally",
    articleSource(
      {
        title: '"Markets <b>rally</b> & ]]> hold"',
        description: '"Stocks rose; <i>bonds</i> fell."',
        date: "2025-12-31T09:00:00+08:00",
        updated: "2025-12-31T12:30:00+08:00",
        section: "business",
        authors: "[Jane Tan, Ali Hassan]",
        tags: "[Markets, Rates]",
      },
      `Shares rose after the [letter story](${SEED_URL}), traders said.\n\nA literal ]]> and \`<script>\` in the text.`,
    ),
  );
  site.article(
    "election-day",
    articleSource({
      title: '"Polls open across the island"',
      date: "2025-12-30T12:00:00+08:00",
      section: "singapore",
      tags: "[Elections]",
    }),
  );
  site.article(
    "chip-exports",
    articleSource({
      title: '"Chip exports slow"',
      // 49 hours before "now": outside the News sitemap's two days.
      date: "2025-12-29T23:00:00+08:00",
      section: "tech",
      sources: "[Reuters]",
    }),
  );
  site.article(
    "secret-draft",
    articleSource({
      title: '"Draft headline"',
      date: "2025-12-31T10:00:00+08:00",
      section: "world",
      draft: "true",
    }),
  );
  site.article(
    "embargoed-story",
    articleSource({
      title: '"Embargoed headline"',
      date: "2026-01-02T08:00:00+08:00",
      section: "world",
    }),
  );
  return site;
}

/**
 * The seed plus a story linking to it under the prefix, and one a minute too old for the News
 * sitemap; built under https://example.org/news/ with "now" exactly two days after the seed.
 */
function prefixedSite(): FixtureSite {
  const site = createFixtureSite({ seed: true });
  site.article(
    "talks-resume",
    articleSource(
      {
        title: '"Talks to resume, officials say"',
        date: "2019-06-24T09:00:00+08:00",
        section: "world",
        authors: "[Jane Tan]",
        tags: "[Nuclear talks]",
      },
      `Officials [confirmed the letter](/news${SEED_URL}).`,
    ),
  );
  site.article(
    "a-minute-too-old",
    articleSource({
      title: '"A minute too old"',
      date: "2019-06-23T11:04:00+08:00",
      section: "asia",
    }),
  );
  return site;
}

const sites: { main?: FixtureSite; prefixed?: FixtureSite } = {};
const root = (name: keyof typeof sites) => sites[name]?.root ?? "";

before(() => {
  sites.main = mainSite();
  sites.prefixed = prefixedSite();
  const main = runBuild(sites.main.root, {
    BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
    SITE_URL: undefined,
    PATH_PREFIX: undefined,
  });
  assert.equal(main.status, 0, main.stderr);
  const prefixed = runBuild(sites.prefixed.root, {
    BROADSHEET_NOW: "2019-06-25T11:05:00+08:00",
    SITE_URL: "https://example.org",
    PATH_PREFIX: "/news/",
  });
  assert.equal(prefixed.status, 0, prefixed.stderr);
});
after(() => {
  for (const site of Object.values(sites)) site?.remove();
});

describe("feeds", () => {
  it("are written for the site and for every section, and every one parses", () => {
    for (const file of syndicationFiles(root("main"))) {
      const text = readOutput(root("main"), file);
      if (file.endsWith(".json")) assertJsonFeed11(text, file);
      else if (file.endsWith(".xml")) parseXml(text, file);
    }
  });

  it("leave out the draft and the embargoed article, everywhere", () => {
    for (const file of syndicationFiles(root("main"))) {
      const text = readOutput(root("main"), file);
      for (const held of HELD_BACK) assert.ok(!text.includes(held), `${file} mentions ${held}`);
    }
  });

  it("Atom: entries newest first, with ids, links, times with offsets, authors, summary and the body escaped as text", () => {
    const xml = readOutput(root("main"), "feed.xml");
    assert.ok(!xml.includes("<![CDATA["), "no CDATA sections");
    const $ = parseXml(xml);
    assert.equal($("feed").attr("xmlns"), "http://www.w3.org/2005/Atom");
    assert.equal($("feed > id").text(), `${ORIGIN}/feed.xml`);
    assert.equal($("feed > title").text(), "The Broadsheet Times");
    // The newest change on the site, not the time of the build: reproducible.
    assert.equal($("feed > updated").text(), "2025-12-31T12:30:00+08:00");
    assert.equal($('feed > link[rel="self"]').attr("href"), `${ORIGIN}/feed.xml`);
    assert.equal($('feed > link[rel="alternate"]').attr("href"), `${ORIGIN}/`);
    const ids = $("entry > id")
      .toArray()
      .map((element) => $(element).text());
    assert.deepEqual(ids, [
      `${ORIGIN}/business/markets-rally/`,
      `${ORIGIN}/singapore/election-day/`,
      `${ORIGIN}/tech/chip-exports/`,
      `${ORIGIN}${SEED_URL}`,
    ]);
    for (const element of $("entry").toArray()) {
      const entry = $(element);
      for (const name of ["published", "updated"]) {
        assert.match(entry.children(name).text(), RFC3339_WITH_OFFSET);
      }
      assert.ok(entry.find("author > name").length > 0);
      assert.equal(entry.children("content").attr("type"), "html");
    }
    const markets = $("entry").first();
    assert.equal(markets.children("title").text(), "Markets <b>rally</b> & ]]> hold");
    assert.equal(markets.children("title").attr("type"), "text");
    assert.equal(markets.children("summary").text(), "Stocks rose; <i>bonds</i> fell.");
    assert.equal(markets.children("published").text(), "2025-12-31T09:00:00+08:00");
    assert.equal(markets.children("updated").text(), "2025-12-31T12:30:00+08:00");
    assert.deepEqual(
      markets
        .find("author > name")
        .toArray()
        .map((element) => $(element).text()),
      ["Jane Tan", "Ali Hassan"],
    );
    const content = markets.children("content").text();
    assert.match(content, /A literal \]\]&gt; and <code>&lt;script&gt;<\/code> in the text\./);
    // The link in the body is made absolute for readers away from the site.
    assert.ok(content.includes(`<a href="${ORIGIN}${SEED_URL}">letter story</a>`), content);
    const seed = $("entry").last();
    assert.deepEqual(
      seed
        .find("author > name")
        .toArray()
        .map((element) => $(element).text()),
      ["Bloomberg", "Reuters", "AFP"],
    );
    assert.equal(seed.children("published").text(), "2019-06-23T11:05:00+08:00");
    assert.equal(seed.children("updated").text(), "2019-06-23T11:05:00+08:00");
    assert.ok(seed.children("content").text().includes("The second Trump-Kim summit"));
    // The staff story is credited to the publication.
    assert.equal($("entry").eq(1).find("author > name").text(), "The Broadsheet Times");
  });

  it("Atom and RSS: the lead image is a 1200-pixel JPEG in media:content, with size and type, that exists", () => {
    for (const file of ["feed.xml", "rss.xml"]) {
      const $ = parseXml(readOutput(root("main"), file), file);
      const media = $(tag("media:content"));
      assert.equal(media.length, 1, `${file}: only the seed has a lead image`);
      const url = media.attr("url") ?? "";
      assert.match(url, new RegExp(`^${ORIGIN}/media/.+-1200\\.jpg$`));
      assert.equal(media.attr("type"), "image/jpeg");
      assert.equal(media.attr("medium"), "image");
      assert.equal(media.attr("width"), "1200");
      assert.match(media.attr("height") ?? "", /^[1-9]\d*$/);
      assert.match(media.find(tag("media:description")).text(), /^Stand-in photograph/);
      assert.equal(media.find(tag("media:credit")).text(), "AFP");
      const local = path.join(root("main"), "_site", url.slice(ORIGIN.length));
      assert.ok(existsSync(local), `${url} is not in the built site`);
    }
  });

  it("RSS 2.0: channel, items with RFC 822 dates, permalink guids, creators, escaped description and content", () => {
    const xml = readOutput(root("main"), "rss.xml");
    assert.ok(!xml.includes("<![CDATA["), "no CDATA sections");
    const $ = parseXml(xml);
    assert.equal($("rss").attr("version"), "2.0");
    const channel = $("rss > channel");
    assert.equal(channel.children("title").text(), "The Broadsheet Times");
    assert.equal(channel.children("link").text(), `${ORIGIN}/`);
    assert.ok(channel.children("description").text().length > 0);
    assert.equal(channel.children("language").text(), "en-SG");
    assert.equal(channel.children("lastBuildDate").text(), "Wed, 31 Dec 2025 12:30:00 +0800");
    assert.equal(channel.children(tag("atom:link")).attr("href"), `${ORIGIN}/rss.xml`);
    const items = channel.children("item");
    assert.equal(items.length, 4);
    for (const element of items.toArray()) {
      const item = $(element);
      assert.match(item.children("pubDate").text(), RFC822);
      assert.equal(item.children("guid").attr("isPermaLink"), "true");
      assert.equal(item.children("guid").text(), item.children("link").text());
      assert.ok(item.children(tag("dc:creator")).length > 0);
      // RSS's own <author> must be an e-mail address: bylines go in dc:creator.
      assert.equal(item.children("author").length, 0);
    }
    const markets = items.first();
    assert.equal(markets.children("pubDate").text(), "Wed, 31 Dec 2025 09:00:00 +0800");
    assert.equal(markets.children(tag("dcterms:modified")).text(), "2025-12-31T12:30:00+08:00");
    assert.deepEqual(
      markets
        .children(tag("dc:creator"))
        .toArray()
        .map((element) => $(element).text()),
      ["Jane Tan", "Ali Hassan"],
    );
    // Readers treat description as HTML: the standfirst's characters stay characters.
    assert.equal(
      markets.children("description").text(),
      "Stocks rose; &lt;i&gt;bonds&lt;/i&gt; fell.",
    );
    assert.ok(xml.includes("Stocks rose; &amp;lt;i&amp;gt;bonds&amp;lt;/i&amp;gt; fell."));
    assert.match(markets.children(tag("content:encoded")).text(), /A literal \]\]&gt; and/);
    assert.equal(items.eq(1).children(tag("dc:creator")).text(), "The Broadsheet Times");
    assert.equal(items.eq(1).children(tag("dcterms:modified")).length, 0);
    assert.equal(items.eq(2).children(tag("dc:creator")).text(), "Reuters");
  });

  it("JSON Feed 1.1: items with ids, times with offsets, authors, image and the body as HTML", () => {
    const feed = assertJsonFeed11(readOutput(root("main"), "feed.json"), "feed.json");
    assert.equal(feed.feed_url, `${ORIGIN}/feed.json`);
    assert.equal(feed.home_page_url, `${ORIGIN}/`);
    assert.equal(feed.language, "en-SG");
    assert.equal(feed.items.length, 4);
    const [markets, election, chips, seed] = feed.items;
    assert.equal(markets?.title, "Markets <b>rally</b> & ]]> hold");
    assert.equal(markets?.summary, "Stocks rose; <i>bonds</i> fell.");
    assert.equal(markets?.date_published, "2025-12-31T09:00:00+08:00");
    assert.equal(markets?.date_modified, "2025-12-31T12:30:00+08:00");
    assert.deepEqual(markets?.authors, [{ name: "Jane Tan" }, { name: "Ali Hassan" }]);
    assert.ok(markets?.content_html.includes(`<a href="${ORIGIN}${SEED_URL}">`));
    assert.ok(markets?.content_html.includes("]]&gt;"));
    assert.equal(markets?.image, undefined);
    assert.deepEqual(election?.authors, [{ name: "The Broadsheet Times" }]);
    assert.equal(election?.date_modified, undefined);
    assert.deepEqual(chips?.authors, [{ name: "Reuters" }]);
    assert.match(seed?.image ?? "", new RegExp(`^${ORIGIN}/media/.+-1200\\.jpg$`));
    assert.deepEqual(seed?.tags, [
      "Asia",
      "North Korea",
      "Kim Jong Un",
      "Donald Trump",
      "Nuclear talks",
    ]);
  });

  it("each section's feeds hold only that section's articles; an empty section's feed is valid and empty", () => {
    const business = parseXml(readOutput(root("main"), "business/feed.xml"));
    assert.deepEqual(
      business("entry > id")
        .toArray()
        .map((element) => business(element).text()),
      [`${ORIGIN}/business/markets-rally/`],
    );
    assert.equal(business("feed > title").text(), "Business | The Broadsheet Times");
    assert.equal(business('feed > link[rel="self"]').attr("href"), `${ORIGIN}/business/feed.xml`);
    assert.equal(business('feed > link[rel="alternate"]').attr("href"), `${ORIGIN}/business/`);
    const asia = assertJsonFeed11(readOutput(root("main"), "asia/feed.json"), "asia/feed.json");
    assert.deepEqual(
      asia.items.map((item) => item.url),
      [`${ORIGIN}${SEED_URL}`],
    );
    assert.equal(asia.feed_url, `${ORIGIN}/asia/feed.json`);
    const tech = parseXml(readOutput(root("main"), "tech/rss.xml"));
    assert.equal(tech("item > link").text(), `${ORIGIN}/tech/chip-exports/`);
    // World holds only the draft and the embargoed story: nothing published.
    const world = parseXml(readOutput(root("main"), "world/feed.xml"));
    assert.equal(world("entry").length, 0);
    assert.match(world("feed > updated").text(), RFC3339_WITH_OFFSET);
    assert.equal(
      assertJsonFeed11(readOutput(root("main"), "world/feed.json"), "world").items.length,
      0,
    );
    assert.equal(parseXml(readOutput(root("main"), "world/rss.xml"))("item").length, 0);
  });
});

describe("sitemaps", () => {
  /** `<loc>` to `<lastmod>` ("" when there is none) in a sitemap file or the index, site-relative. */
  function entries(file: string): Map<string, string> {
    const $ = parseXml(readOutput(root("main"), file), file);
    return new Map(
      $("url, sitemap")
        .toArray()
        .map((element) => {
          const loc = $(element).children("loc").text();
          assert.ok(loc.startsWith(`${ORIGIN}/`), loc);
          return [loc.slice(ORIGIN.length), $(element).children("lastmod").text()];
        }),
    );
  }

  it("sitemap.xml is an index over the pages file and one file per month of articles, all in the site", () => {
    const $ = parseXml(readOutput(root("main"), "sitemap.xml"));
    assert.equal($("sitemapindex").attr("xmlns"), "http://www.sitemaps.org/schemas/sitemap/0.9");
    assert.deepEqual(
      [...entries("sitemap.xml").keys()],
      MAIN_SITEMAPS.map((file) => `/${file}`),
    );
    // No file under sitemaps/ that the index does not name.
    assert.deepEqual(
      listFiles(path.join(root("main"), "_site", "sitemaps"))
        .map((file) => `sitemaps/${file}`)
        .sort(),
      [...MAIN_SITEMAPS].sort(),
    );
    for (const file of MAIN_SITEMAPS) {
      const part = parseXml(readOutput(root("main"), file), file);
      assert.equal(part("urlset").attr("xmlns"), "http://www.sitemaps.org/schemas/sitemap/0.9");
    }
  });

  it("its files list home, every section, every topic, the corrections and every article, and nothing else", () => {
    const articles = [
      "/business/markets-rally/",
      "/singapore/election-day/",
      "/tech/chip-exports/",
      SEED_URL,
    ];
    const topics = [
      "donald-trump",
      "elections",
      "kim-jong-un",
      "markets",
      "north-korea",
      "nuclear-talks",
      "rates",
    ].map((slug) => `/topics/${slug}/`);
    const pages = [...entries("sitemaps/pages.xml").keys()];
    assert.deepEqual(
      [...pages].sort(),
      ["/", ...SECTIONS.map((slug) => `/${slug}/`), ...topics, "/corrections/"].sort(),
    );
    // Each article in the file of the month it was first published, in publication order.
    assert.deepEqual([...entries("sitemaps/articles-2019-06.xml").keys()], [SEED_URL]);
    assert.deepEqual(
      [...entries("sitemaps/articles-2025-12.xml").keys()],
      ["/tech/chip-exports/", "/singapore/election-day/", "/business/markets-rally/"],
    );
    const paths = MAIN_SITEMAPS.flatMap((file) => [...entries(file).keys()]);
    assert.deepEqual([...paths].sort(), [...pages, ...articles].sort());
    assert.equal(new Set(paths).size, paths.length, "no URL twice");
    for (const pagePath of paths) {
      const file = path.join(root("main"), "_site", pagePath, "index.html");
      assert.ok(existsSync(file), `${pagePath} is in the sitemap but not in the site`);
    }
  });

  it("lastmod to the second with offset: the update for articles, the newest story for listings, the newest entry for each file", () => {
    const lastmod = new Map([
      ...entries("sitemaps/pages.xml"),
      ...entries("sitemaps/articles-2019-06.xml"),
      ...entries("sitemaps/articles-2025-12.xml"),
    ]);
    assert.equal(lastmod.get("/business/markets-rally/"), "2025-12-31T12:30:00+08:00");
    assert.equal(lastmod.get("/singapore/election-day/"), "2025-12-30T12:00:00+08:00");
    assert.equal(lastmod.get(SEED_URL), "2019-06-23T11:05:00+08:00");
    assert.equal(lastmod.get("/"), "2025-12-31T12:30:00+08:00");
    assert.equal(lastmod.get("/business/"), "2025-12-31T12:30:00+08:00");
    assert.equal(lastmod.get("/asia/"), "2019-06-23T11:05:00+08:00");
    assert.equal(lastmod.get("/topics/north-korea/"), "2019-06-23T11:05:00+08:00");
    // A section with no published story has no date to give.
    assert.equal(lastmod.get("/world/"), "");
    const index = entries("sitemap.xml");
    assert.deepEqual(
      [...index.values()],
      ["2025-12-31T12:30:00+08:00", "2019-06-23T11:05:00+08:00", "2025-12-31T12:30:00+08:00"],
    );
    for (const [page, value] of [...lastmod, ...index]) {
      if (value !== "") assert.match(value, RFC3339_WITH_OFFSET, page);
    }
  });

  it("news-sitemap.xml: only articles first published in the two days before the build's now, newest first", () => {
    const $ = parseXml(readOutput(root("main"), "news-sitemap.xml"));
    assert.equal($("urlset").attr("xmlns:news"), "http://www.google.com/schemas/sitemap-news/0.9");
    const urls = $("url").toArray();
    assert.deepEqual(
      urls.map((element) => $(element).children("loc").text()),
      [`${ORIGIN}/business/markets-rally/`, `${ORIGIN}/singapore/election-day/`],
    );
    const first = $(urls[0]);
    const news = first.children(tag("news:news"));
    assert.equal(
      news.find(`${tag("news:publication")} > ${tag("news:name")}`).text(),
      "The Broadsheet Times",
    );
    assert.equal(news.find(tag("news:language")).text(), "en");
    assert.equal(news.children(tag("news:publication_date")).text(), "2025-12-31T09:00:00+08:00");
    assert.equal(news.children(tag("news:title")).text(), "Markets <b>rally</b> & ]]> hold");
  });

  it("news-sitemap.xml follows BROADSHEET_NOW: exactly two days back is in, a minute more is out", () => {
    const $ = parseXml(readOutput(root("prefixed"), "news-sitemap.xml"));
    assert.deepEqual(
      $("url > loc")
        .toArray()
        .map((element) => $(element).text()),
      ["https://example.org/news/world/talks-resume/", `https://example.org/news${SEED_URL}`],
    );
  });

  it("robots.txt allows everything and names both sitemaps by absolute URL", () => {
    const robots = readOutput(root("main"), "robots.txt");
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, /^Allow: \/$/m);
    assert.doesNotMatch(robots, /^Disallow: \S/m);
    const sitemaps = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(sitemaps, [`${ORIGIN}/sitemap.xml`, `${ORIGIN}/news-sitemap.xml`]);
  });
});

describe("under SITE_URL and PATH_PREFIX", () => {
  const base = "https://example.org/news/";

  /** Every URL a feed or sitemap gives as its own: locs, links, ids, guids, image URLs. */
  function ownUrls(file: string): string[] {
    const text = readOutput(root("prefixed"), file);
    if (file.endsWith(".json")) {
      const feed = assertJsonFeed11(text, file);
      return [
        feed.home_page_url,
        feed.feed_url,
        ...(feed.authors ?? []).flatMap((author) => (author.url ? [author.url] : [])),
        ...feed.items.flatMap((item) => [item.id, item.url, ...(item.image ? [item.image] : [])]),
      ];
    }
    if (file.endsWith(".txt")) {
      return [...text.matchAll(/^Sitemap: (.+)$/gm)].map((match) => match[1] ?? "");
    }
    const $ = parseXml(text, file);
    return [
      ...$("loc, link, guid, id")
        .toArray()
        .map((element) => $(element).text())
        .filter((value) => value !== ""),
      ...$("[href], [url]")
        .toArray()
        .map((element) => $(element).attr("href") ?? $(element).attr("url") ?? ""),
    ];
  }

  it("every absolute URL in feeds, sitemaps and robots.txt starts with https://example.org/news/", () => {
    let count = 0;
    const files = syndicationFiles(root("prefixed"));
    assert.ok(files.includes("sitemaps/articles-2019-06.xml"), files.join(", "));
    for (const file of files) {
      for (const url of ownUrls(file)) {
        count++;
        assert.ok(url.startsWith(base), `${file}: ${url}`);
      }
    }
    assert.ok(count > 60, `only ${count} URLs checked`);
    const feed = assertJsonFeed11(readOutput(root("prefixed"), "feed.json"), "feed.json");
    assert.equal(feed.feed_url, `${base}feed.json`);
    const talks = feed.items.find((item) => item.url === `${base}world/talks-resume/`);
    assert.ok(talks?.content_html.includes(`<a href="${base}asia/${SEED_SLUG}/">`));
    assert.match(
      readOutput(root("prefixed"), "robots.txt"),
      /^Sitemap: https:\/\/example\.org\/news\/sitemap\.xml$/m,
    );
  });

  it("_headers paths are under /news/", () => {
    const blocks = parseHeadersFile(readOutput(root("prefixed"), "_headers"));
    assert.ok(blocks.length > 5);
    for (const block of blocks) assert.ok(block.path.startsWith("/news/"), block.path);
    assert.ok(blocks.some((block) => block.path === "/news/*"));
    assert.ok(blocks.some((block) => block.path === "/news/assets/*"));
    assert.ok(blocks.some((block) => block.path === "/news/media/*"));
  });
});

describe("_headers and the Content-Security-Policy", () => {
  it("sets one CSP, without unsafe-inline, and the security headers, on every path", () => {
    const blocks = parseHeadersFile(readOutput(root("main"), "_headers"));
    const withCsp = blocks.filter((block) => block.headers.has("Content-Security-Policy"));
    // /admin/* has the editors' web UI's own policy, last (issue 14; tests/cms/outputs.test.ts).
    assert.deepEqual(
      withCsp.map((block) => block.path),
      ["/*", "/admin/*"],
    );
    const headers = withCsp[0]?.headers ?? new Map<string, string>();
    const csp = headers.get("Content-Security-Policy") ?? "";
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(csp, serializeCsp(CONTENT_SECURITY_POLICY));
    const directives = new Map(
      csp.split(";").map((part) => {
        const [name = "", ...sources] = part.trim().split(/\s+/);
        return [name, sources.join(" ")];
      }),
    );
    assert.equal(directives.get("default-src"), "'self'");
    assert.equal(directives.get("img-src"), "'self' data:");
    assert.equal(directives.get("style-src"), "'self'");
    assert.equal(directives.get("script-src"), "'self' 'wasm-unsafe-eval'");
    assert.equal(directives.get("frame-src"), "https://players.brightcove.net");
    assert.equal(directives.get("connect-src"), "'self'");
    assert.equal(directives.get("font-src"), "'self'");
    assert.equal(directives.get("object-src"), "'none'");
    assert.equal(directives.get("base-uri"), "'self'");
    assert.equal(directives.get("form-action"), "'self'");
    assert.equal(directives.get("frame-ancestors"), "'none'");
    assert.equal(directives.get("upgrade-insecure-requests"), "");
    assert.equal(headers.get("X-Content-Type-Options"), "nosniff");
    assert.equal(headers.get("Referrer-Policy"), "strict-origin-when-cross-origin");
    assert.equal(
      headers.get("Permissions-Policy"),
      "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    assert.equal(headers.get("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
    assert.equal(headers.get("X-Frame-Options"), "DENY");
    assert.equal(headers.get("Cross-Origin-Opener-Policy"), "same-origin");
    // Cloudflare applies every matching rule: no header may be set by two rules for one path.
    // The exception is /admin/*, whose own policy replaces the site's (issue 14; README, "The
    // editors' web UI", says what Cloudflare Pages needs).
    const publicBlocks = blocks.filter((block) => block.path !== "/admin/*");
    for (const name of headers.keys()) {
      assert.equal(
        publicBlocks.filter((block) => block.headers.has(name)).length,
        1,
        `${name} is set by more than one rule`,
      );
    }
    // /admin/* comes last (Netlify serves the last matching block's value) and detaches every
    // site-wide header it sets again (Cloudflare would otherwise send both values), dropping none.
    const admin = blocks.at(-1);
    assert.equal(admin?.path, "/admin/*");
    for (const name of admin.headers.keys()) {
      if (headers.has(name)) {
        assert.ok(admin.detached.has(name), `/admin/* sets ${name} without detaching the site's`);
      }
    }
    for (const name of admin.detached) {
      assert.ok(admin.headers.has(name), `/admin/* detaches ${name} and sets none`);
    }
    assert.ok(admin.detached.has("Content-Security-Policy"));
  });

  it("gives every built file exactly one Cache-Control: immutable for hashed assets and media, revalidate for the rest", () => {
    for (const [name, site] of [
      ["main", root("main")],
      ["prefixed", root("prefixed")],
    ] as const) {
      const prefix = name === "prefixed" ? "/news/" : "/";
      const blocks = parseHeadersFile(readOutput(site, "_headers"));
      const caching = blocks.filter((block) => block.headers.has("Cache-Control"));
      const files = listFiles(path.join(site, "_site")).filter((file) => file !== "_headers");
      assert.ok(files.some((file) => file.startsWith("media/")));
      assert.ok(files.some((file) => file.startsWith("assets/")));
      for (const file of files) {
        const requests = file.endsWith("index.html")
          ? [`${prefix}${file.slice(0, -"index.html".length)}`, `${prefix}${file}`]
          : [`${prefix}${file}`];
        for (const request of requests) {
          const matching = caching.filter((block) => patternMatches(block.path, request));
          assert.equal(
            matching.length,
            1,
            `${name}: ${request} matches ${matching.length} Cache-Control rules (${matching.map((block) => block.path).join(", ")})`,
          );
          const expected = /^(assets|media)\//.test(file)
            ? CACHE_CONTROL.immutable
            : file === "breaking.json"
              ? CACHE_CONTROL.breaking
              : CACHE_CONTROL.revalidate;
          assert.equal(matching[0]?.headers.get("Cache-Control"), expected, request);
        }
      }
    }
  });

  it("no built page has inline styles or inline scripts (JSON-LD data excepted)", () => {
    const dir = path.join(root("main"), "_site");
    const pages = listFiles(dir).filter((file) => file.endsWith(".html"));
    assert.ok(pages.length >= 15, `only ${pages.length} pages`);
    const problems = pages.flatMap((file) =>
      cspViolations(readOutput(root("main"), file)).map(
        (violation) => `${file}: <${violation.element}> ${violation.problem}`,
      ),
    );
    assert.deepEqual(problems, []);
    // The scan sees the JSON-LD it lets through: it is reading real pages.
    assert.match(
      readOutput(root("main"), `${SEED_URL.slice(1)}index.html`),
      /application\/ld\+json/,
    );
  });
});
