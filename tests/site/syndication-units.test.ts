/**
 * The pure functions behind feeds, sitemaps and headers, on synthetic data: limits and windows
 * that a fixture build could only reach with thousands of articles.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { cardOf } from "../../scripts/content/card.ts";
import type { Article, Site } from "../../scripts/content/model.ts";
import type { ImageFile, ProcessedImage } from "../../scripts/media/index.ts";
import { atomFeed } from "../../scripts/site/feeds/atom.ts";
import {
  FEED_SIZE,
  type FeedChannel,
  feedChannel,
  feedImageFile,
} from "../../scripts/site/feeds/channels.ts";
import { feedLinks } from "../../scripts/site/feeds/discovery.ts";
import { jsonFeed } from "../../scripts/site/feeds/json-feed.ts";
import { absoluteLinks } from "../../scripts/site/feeds/links.ts";
import { rssFeed } from "../../scripts/site/feeds/rss.ts";
import {
  CONTENT_SECURITY_POLICY,
  cspViolations,
  headerRules,
  headersFile,
  serializeCsp,
} from "../../scripts/site/headers.ts";
import { moment } from "../../scripts/site/render-batch.ts";
import {
  NEWS_LIMIT,
  newsLanguage,
  newsSitemapXml,
  recentArticles,
} from "../../scripts/site/sitemaps/news.ts";
import { plannedSitemaps } from "../../scripts/site/sitemaps/parts.ts";
import { robotsTxt } from "../../scripts/site/sitemaps/robots.ts";
import { SITEMAP_LIMIT, sitemapIndexXml, urlsetXml } from "../../scripts/site/sitemaps/sitemap.ts";
import { type Plan, plannedArticle, planSite } from "../helpers/plan.ts";
import { NOW, story } from "../helpers/stories.ts";
import { assertJsonFeed11, parseHeadersFile, parseXml, tag } from "./support.ts";

const SITE: Site = {
  name: "The Test Gazette",
  origin: "https://example.org",
  pathPrefix: "/news/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [
    { slug: "asia", name: "Asia" },
    { slug: "world", name: "World" },
  ],
  brightcove: { accountId: "1", playerId: "default" },
  logo: { src: "logo.svg", alt: "The Test Gazette" },
  promotion: { text: "Subscribe." },
};

/** A published article `minutesAgo` minutes before NOW (the stories helper counts hours). */
function article(minutesAgo: number, overrides: Partial<Article> = {}): Article {
  return story(minutesAgo, { date: NOW.minus({ minutes: minutesAgo }), ...overrides });
}

function file(width: number, height: number, name = `photo-${width}`): ImageFile {
  return { path: `media/${name}.jpg`, width, height, format: "jpeg", sha256: "0".repeat(64) };
}

function processed(jpegWidths: readonly number[]): ProcessedImage<ImageFile> {
  const jpeg = jpegWidths.map((width) => file(width, Math.round(width / 1.5)));
  return {
    width: 2400,
    height: 1600,
    variants: { avif: [], webp: [], jpeg },
    crops: {
      "16x9": file(1200, 675, "crop-16x9"),
      "4x3": file(1200, 900, "crop-4x3"),
      "1x1": file(1200, 1200, "crop-1x1"),
      social: file(1200, 630, "crop-social"),
    },
    placeholder: "data:image/webp;base64,AAAA",
  };
}

/** The News sitemap the build would write for `articles` at `now`. */
function newsSitemap(articles: readonly Article[], now = NOW): string {
  const spec = planSite(SITE, articles, now).spec("news-sitemap", "/news-sitemap.xml");
  return newsSitemapXml(spec.site, spec.articles);
}

describe("the News sitemap", () => {
  it("caps at 1,000 entries, newest first, when 1,001 articles are recent", () => {
    // One a minute over the last 1,001 minutes, handed over oldest first.
    const articles = Array.from({ length: 1001 }, (_, index) => article(1000 - index));
    const $ = parseXml(newsSitemap(articles), "news sitemap");
    const locs = $("url > loc")
      .toArray()
      .map((element) => $(element).text());
    assert.equal(NEWS_LIMIT, 1000);
    assert.equal(locs.length, 1000);
    assert.equal($(tag("news:news")).length, 1000);
    assert.equal(locs[0], "https://example.org/news/asia/story-0/");
    assert.equal(locs.at(-1), "https://example.org/news/asia/story-999/");
    assert.ok(!locs.includes("https://example.org/news/asia/story-1000/"), "the oldest is cut");
  });

  it("takes articles from exactly 48 hours before now up to now, and nothing later", () => {
    const [exactly, tooOld, justNow, future] = [48 * 60, 48 * 60 + 1, 0, -1].map((minutes) =>
      cardOf(article(minutes)),
    );
    assert.ok(exactly && tooOld && justNow && future);
    assert.deepEqual(recentArticles([tooOld, exactly, future, justNow], NOW.toMillis()), [
      justNow,
      exactly,
    ]);
  });

  it("is a valid empty urlset when nothing is recent", () => {
    const xml = newsSitemap([article(3 * 24 * 60)]);
    const $ = parseXml(xml, "empty news sitemap");
    assert.equal($("urlset").length, 1);
    assert.equal($("urlset").attr("xmlns"), "http://www.sitemaps.org/schemas/sitemap/0.9");
    assert.equal($("urlset").attr("xmlns:news"), "http://www.google.com/schemas/sitemap-news/0.9");
    assert.equal($("url").length, 0);
  });

  it("names the publication and its ISO 639 language; times carry the site zone's offset", () => {
    const utc = article(60, { date: DateTime.fromISO("2025-12-31T15:00:00Z", { setZone: true }) });
    const $ = parseXml(newsSitemap([utc]));
    assert.equal($(tag("news:name")).text(), "The Test Gazette");
    assert.equal($(tag("news:language")).text(), "en");
    assert.equal($(tag("news:publication_date")).text(), "2025-12-31T23:00:00+08:00");
    assert.equal($(tag("news:title")).text(), "Story 60");
  });

  it("writes languages as Google News reads them", () => {
    assert.equal(newsLanguage("en-SG"), "en");
    assert.equal(newsLanguage("EN"), "en");
    assert.equal(newsLanguage("ms-MY"), "ms");
    assert.equal(newsLanguage("fil"), "fil");
    assert.equal(newsLanguage("zh-SG"), "zh-cn");
    assert.equal(newsLanguage("zh-Hans"), "zh-cn");
    assert.equal(newsLanguage("zh-Hant-HK"), "zh-tw");
    assert.equal(newsLanguage("zh-TW"), "zh-tw");
  });
});

/** Every `<loc>` of a sitemap file or index, in order. */
function locs(xml: string): string[] {
  const $ = parseXml(xml);
  return $("loc")
    .toArray()
    .map((element) => $(element).text());
}

/** `[<loc>, <lastmod>]` ("" when there is none) of each entry of a sitemap file or index, in order. */
function lastmods(xml: string): [string, string][] {
  const $ = parseXml(xml);
  return $("url, sitemap")
    .toArray()
    .map((element) => [$(element).children("loc").text(), $(element).children("lastmod").text()]);
}

describe("the sitemap", () => {
  // Two stories in November, three in December (one updated since, one written in UTC that is
  // already 1 December in Singapore), in the site's zone; tagged so topics have pages.
  const november = [
    article(40 * 24 * 60, { tags: ["Trade"] }),
    article(35 * 24 * 60, { tags: ["Trade"] }),
  ];
  const december = [
    article(30 * 24 * 60 + 60, {
      slug: "utc-story",
      url: "/world/utc-story/",
      section: { slug: "world", name: "World" },
      date: DateTime.fromISO("2025-11-30T20:00:00Z", { setZone: true }),
    }),
    article(24 * 60, { updated: NOW.minus({ minutes: 5 }), tags: ["Trade", "Rates"] }),
    article(60),
  ];
  const plan = planSite(SITE, [...december, ...november], NOW);
  const index = plan.spec("sitemap-index", "/sitemap.xml");
  const indexXml = sitemapIndexXml(index.site, index.parts);
  const file = (urlPath: string) => {
    const spec = plan.spec("sitemap", urlPath);
    return urlsetXml(spec.site, spec.entries);
  };

  it("is an index over the pages file and one file per month of articles, oldest month first", () => {
    const $ = parseXml(indexXml, "index");
    assert.equal($("sitemapindex").attr("xmlns"), "http://www.sitemaps.org/schemas/sitemap/0.9");
    assert.deepEqual(locs(indexXml), [
      "https://example.org/news/sitemaps/pages.xml",
      "https://example.org/news/sitemaps/articles-2025-11.xml",
      "https://example.org/news/sitemaps/articles-2025-12.xml",
    ]);
    assert.deepEqual(plan.paths("sitemap"), [
      "/sitemaps/pages.xml",
      "/sitemaps/articles-2025-11.xml",
      "/sitemaps/articles-2025-12.xml",
    ]);
  });

  it("dates each file in the index by its newest entry, to the second with the zone's offset", () => {
    assert.deepEqual(
      lastmods(indexXml).map(([, lastmod]) => lastmod),
      ["2025-12-31T23:55:00+08:00", "2025-11-27T00:00:00+08:00", "2025-12-31T23:55:00+08:00"],
    );
  });

  it("puts each article in the file of its month in the site's zone, oldest first, dated by its update", () => {
    const xml = file("/sitemaps/articles-2025-12.xml");
    assert.deepEqual(lastmods(xml), [
      ["https://example.org/news/world/utc-story/", "2025-12-01T04:00:00+08:00"],
      ["https://example.org/news/asia/story-1440/", "2025-12-31T23:55:00+08:00"],
      ["https://example.org/news/asia/story-60/", "2025-12-31T23:00:00+08:00"],
    ]);
    assert.deepEqual(locs(file("/sitemaps/articles-2025-11.xml")), [
      "https://example.org/news/asia/story-57600/",
      "https://example.org/news/asia/story-50400/",
    ]);
  });

  it("lists home, every section (an empty one undated) and every topic in the pages file, dated by the newest story each shows", () => {
    assert.deepEqual(lastmods(file("/sitemaps/pages.xml")), [
      ["https://example.org/news/", "2025-12-31T23:55:00+08:00"],
      ["https://example.org/news/asia/", "2025-12-31T23:55:00+08:00"],
      ["https://example.org/news/world/", "2025-12-01T04:00:00+08:00"],
      ["https://example.org/news/topics/rates/", "2025-12-31T23:55:00+08:00"],
      ["https://example.org/news/topics/trade/", "2025-12-31T23:55:00+08:00"],
      // No story here has a correction: the corrections page has no date to give.
      ["https://example.org/news/corrections/", ""],
    ]);
    const empty = planSite(SITE, [article(60)], NOW).spec("sitemap", "/sitemaps/pages.xml");
    assert.deepEqual(
      empty.entries.find((entry) => entry.path === "/world/"),
      { path: "/world/" },
      "a section with no story has no date to give",
    );
  });

  it("splits a file past the protocol's limit into numbered files, in publication order", () => {
    assert.equal(SITEMAP_LIMIT, 50_000);
    const stories = [1, 2, 3, 4, 5].map((hours) =>
      plannedArticle(article(hours * 60), SITE.timeZone),
    );
    const files = plannedSitemaps(stories, [], () => [], 2);
    assert.deepEqual(
      files.map((entry) => entry.path),
      [
        "/sitemaps/pages.xml",
        "/sitemaps/articles-2025-12.xml",
        "/sitemaps/articles-2025-12-2.xml",
        "/sitemaps/articles-2025-12-3.xml",
      ],
    );
    assert.deepEqual(
      files.slice(1).flatMap((part) => part.entries.map((entry) => entry.path)),
      [5, 4, 3, 2, 1].map((hours) => `/asia/story-${hours * 60}/`),
    );
  });

  it("percent-encodes non-Latin paths", () => {
    assert.deepEqual(locs(urlsetXml(SITE, [{ path: "/topics/北朝鲜/" }])), [
      "https://example.org/news/topics/%E5%8C%97%E6%9C%9D%E9%B2%9C/",
    ]);
  });
});

/**
 * The channel of a planned feed file, as the feed template builds it before writing it (the
 * articles' bodies taken from the test's own articles rather than the build's records).
 */
function channelOf(plan: Plan, urlPath: string): FeedChannel {
  const spec = plan.spec("feed", urlPath);
  const items = spec.items.map((item) => {
    const article = plan.articles.get(item.card.slug);
    assert.ok(article, `${urlPath} holds an unknown story ${item.card.slug}`);
    return {
      article,
      ...(item.image ? { image: item.image } : {}),
      ...(item.thumbnail ? { thumbnail: item.thumbnail } : {}),
    };
  });
  return feedChannel(
    spec.site,
    {
      folder: spec.folder,
      title: spec.title,
      description: spec.description,
      updated: moment(spec.updated),
    },
    items,
  );
}

/** The site's channel for some articles, newest first. */
function channelFor(articles: readonly Article[]): FeedChannel {
  return feedChannel(
    SITE,
    { folder: "/", title: SITE.name, description: "The latest news.", updated: NOW },
    articles.map((item) => ({ article: item })),
  );
}

describe("feed channels", () => {
  it("hold the newest 50 articles, newest first, for the site and each section, in three formats", () => {
    const articles = Array.from({ length: 51 }, (_, index) => article(index));
    const plan = planSite(SITE, articles, NOW);
    assert.deepEqual(plan.paths("feed"), [
      "/feed.xml",
      "/rss.xml",
      "/feed.json",
      "/asia/feed.xml",
      "/asia/rss.xml",
      "/asia/feed.json",
      "/world/feed.xml",
      "/world/rss.xml",
      "/world/feed.json",
    ]);
    const site = channelOf(plan, "/feed.xml");
    const asia = channelOf(plan, "/asia/rss.xml");
    const world = channelOf(plan, "/world/feed.json");
    assert.equal(FEED_SIZE, 50);
    assert.equal(site.items.length, 50);
    assert.equal(site.items[0]?.url, "https://example.org/news/asia/story-0/");
    assert.equal(site.items.at(-1)?.url, "https://example.org/news/asia/story-49/");
    assert.equal(asia.folder, "/asia/");
    assert.equal(asia.feedUrls.atom, "https://example.org/news/asia/feed.xml");
    assert.equal(asia.items.length, 50);
    assert.equal(world.items.length, 0);
  });

  it("are dated by their newest change, not by the clock; an empty channel by the site's; an empty site by the build's now", () => {
    const updatedLater = article(600, { updated: NOW.minus({ minutes: 5 }) });
    const plan = planSite(SITE, [article(60), updatedLater], NOW.plus({ years: 1 }));
    assert.equal(channelOf(plan, "/feed.xml").updated.toISO(), "2025-12-31T23:55:00.000+08:00");
    assert.equal(
      channelOf(plan, "/world/feed.xml").updated.toISO(),
      "2025-12-31T23:55:00.000+08:00",
    );
    const empty = planSite(SITE, [], NOW.setZone("UTC"));
    assert.equal(channelOf(empty, "/rss.xml").updated.toISO(), "2026-01-01T00:00:00.000+08:00");
  });

  it("credit reporters, agencies, or the publication", () => {
    const items = channelFor([
      article(1, { credit: { kind: "authors", names: ["Jane Tan", "Ali Hassan"] } }),
      article(2, { credit: { kind: "agencies", names: ["Reuters", "AFP"] } }),
      article(3),
    ]).items;
    assert.deepEqual(
      items.map((item) => item.authors.map((author) => author.name)),
      [["Jane Tan", "Ali Hassan"], ["Reuters", "AFP"], ["The Test Gazette"]],
    );
  });

  it("use the 1200-pixel JPEG, else the social crop, as the lead image", () => {
    assert.equal(feedImageFile(processed([400, 800, 1200, 1600])).path, "media/photo-1200.jpg");
    assert.equal(feedImageFile(processed([400, 800, 1400])).path, "media/photo-1400.jpg");
    assert.equal(feedImageFile(processed([400, 800])).path, "media/crop-social.jpg");
  });

  it("keep any text XML can carry and escape it exactly, in Atom, RSS and JSON Feed", () => {
    const nasty = "A &lt;script&gt; &nbsp; &#38; &amp; ]]> <b>\"quoted\"</b> 'x' \u0001end \uD800";
    const kept = "A &lt;script&gt; &nbsp; &#38; &amp; ]]> <b>\"quoted\"</b> 'x' end ";
    const articles = [
      article(1, {
        title: nasty,
        description: nasty,
        body: [
          { kind: "html", html: "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;nbsp; ]]&gt;</p>" },
        ],
        tags: [nasty],
      }),
    ];
    const channel = channelFor(articles);
    const atom = parseXml(atomFeed(channel), "atom");
    assert.equal(atom("entry > title").text(), kept);
    assert.equal(atom("entry > summary").text(), kept);
    assert.equal(
      atom("entry > content").text(),
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;nbsp; ]]&gt;</p>",
    );
    assert.equal(atom("entry > category").last().attr("term"), kept);
    const rss = parseXml(rssFeed(channel), "rss");
    assert.equal(rss("item > title").text(), kept);
    assert.equal(
      rss(`item > ${tag("content:encoded")}`).text(),
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;nbsp; ]]&gt;</p>",
    );
    const json = assertJsonFeed11(jsonFeed(channel), "json");
    assert.equal(
      json.items[0]?.content_html,
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;nbsp; ]]&gt;</p>",
    );
  });
});

describe("feed discovery links", () => {
  it("advertise the site's feeds everywhere and a section's on its pages, under the prefix", () => {
    assert.deepEqual(
      feedLinks(SITE).map((link) => [link.type, link.href, link.title]),
      [
        ["application/atom+xml", "/news/feed.xml", "The Test Gazette (Atom)"],
        ["application/rss+xml", "/news/rss.xml", "The Test Gazette (RSS)"],
        ["application/feed+json", "/news/feed.json", "The Test Gazette (JSON Feed)"],
      ],
    );
    assert.deepEqual(
      feedLinks(SITE, "world")
        .slice(3)
        .map((link) => [link.href, link.title]),
      [
        ["/news/world/feed.xml", "World | The Test Gazette (Atom)"],
        ["/news/world/rss.xml", "World | The Test Gazette (RSS)"],
        ["/news/world/feed.json", "World | The Test Gazette (JSON Feed)"],
      ],
    );
    assert.equal(feedLinks(SITE, "no-such-section").length, 3);
  });
});

describe("absolute links in feed bodies", () => {
  const base = "https://example.org/news/asia/story/";

  it("resolves root-relative and relative links and image sources against the article", () => {
    assert.equal(
      absoluteLinks(
        '<p><a href="/news/world/x/">x</a> <a href="../y/">y</a> <a href="#n">n</a></p>',
        base,
      ),
      '<p><a href="https://example.org/news/world/x/">x</a> <a href="https://example.org/news/asia/y/">y</a> <a href="https://example.org/news/asia/story/#n">n</a></p>',
    );
  });

  it("leaves a body without relative URLs exactly as it was", () => {
    const body =
      '<p>“Quotes” &amp; <a href="https://other.example/?a=1&amp;b=2">a</a> <a href="mailto:x@y.z">m</a></p>\n';
    assert.equal(absoluteLinks(body, base), body);
  });
});

describe("headers", () => {
  it("serialise the policy the README documents", () => {
    assert.equal(
      serializeCsp(CONTENT_SECURITY_POLICY),
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
        "frame-src https://players.brightcove.net; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });

  it("write every rule under the path prefix, one CSP, and caching rules that do not overlap", () => {
    const blocks = parseHeadersFile(headersFile(headerRules(SITE)));
    assert.ok(blocks.every((block) => block.path.startsWith("/news/")));
    assert.equal(blocks.filter((block) => block.headers.has("Content-Security-Policy")).length, 1);
    const paths = blocks.map((block) => block.path);
    assert.equal(new Set(paths).size, paths.length, "each path once");
    assert.ok(paths.includes("/news/asia/*") && paths.includes("/news/world/*"));
  });

  it("refuse a section whose folder is one of the year-long-cached ones", () => {
    const media = { ...SITE, sections: [{ slug: "media", name: "Media" }] };
    assert.throws(() => headerRules(media), /section "media" shares its folder/);
    const topics = { ...SITE, sections: [{ slug: "topics", name: "Topics" }] };
    const paths = headerRules(topics).map((rule) => rule.path);
    assert.equal(new Set(paths).size, paths.length);
  });

  it("robots.txt names both sitemaps under SITE_URL and PATH_PREFIX", () => {
    assert.equal(
      robotsTxt(SITE),
      "User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\nSitemap: https://example.org/news/news-sitemap.xml\n",
    );
  });
});

describe("the CSP check of built pages", () => {
  const page = (head: string, body = "") =>
    `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
  const problems = (html: string) => cspViolations(html).map((violation) => violation.problem);

  it("passes a page with external same-site scripts, styles, JSON-LD, data: placeholders and the Brightcove player", () => {
    const html = page(
      '<link rel="stylesheet" href="/assets/site.1.css"><script src="/assets/a.js" defer></script>' +
        '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<img src="data:image/webp;base64,AA" alt=""><img src="/media/a.jpg" srcset="/media/a.jpg 400w, /media/b.jpg 800w" alt="">' +
        '<iframe src="https://players.brightcove.net/1/default_default/index.html?videoId=2" title="v"></iframe>',
    );
    assert.deepEqual(problems(html), []);
  });

  it("flags each kind of inline code and each origin the policy does not allow", () => {
    assert.deepEqual(problems(page("<style>p{}</style>")), ["an inline <style> element"]);
    assert.deepEqual(problems(page("", '<p style="color:red">x</p>')), [
      'a style="color:red" attribute',
    ]);
    assert.deepEqual(problems(page("", '<button onclick="go()">x</button>')), [
      'an inline event handler onclick=""',
    ]);
    assert.deepEqual(problems(page("<script>alert(1)</script>")), ["an inline script"]);
    assert.deepEqual(problems(page('<script type="module">import "/x.js"</script>')), [
      "an inline script",
    ]);
    assert.deepEqual(problems(page("", '<a href="javascript:alert(1)">x</a>')), [
      "a javascript: URL in href",
    ]);
    assert.deepEqual(problems(page('<script src="https://cdn.example/x.js"></script>')), [
      "a script from https://cdn.example/x.js",
    ]);
    assert.deepEqual(problems(page('<link rel="stylesheet" href="https://fonts.example/a.css">')), [
      "a stylesheet from https://fonts.example/a.css",
    ]);
    assert.deepEqual(problems(page("", '<img src="https://images.example/a.jpg" alt="">')), [
      "an image from https://images.example/a.jpg",
    ]);
    assert.deepEqual(
      problems(page("", '<iframe src="https://www.youtube.com/embed/x"></iframe>')),
      ["a frame from https://www.youtube.com/embed/x"],
    );
  });
});
