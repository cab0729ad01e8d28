import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import sharp from "sharp";
import { curl } from "../../scripts/site/typography.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";

type Node = Record<string, unknown>;

const ORIGIN = "https://news.example.com";
const HOSTILE = `</script><script>alert(1)</script><!-- & "quotes" \u2028 {{ x }} {% y %}`;

function graphOf(html: string): Node[] {
  const $ = load(html);
  const blocks = $('script[type="application/ld+json"]');
  assert.equal(blocks.length, 1, "one JSON-LD graph per article page");
  const parsed = JSON.parse(blocks.text()) as { "@context": string; "@graph": Node[] };
  assert.equal(parsed["@context"], "https://schema.org");
  return parsed["@graph"];
}

function ofType(graph: Node[], type: string): Node {
  const node = graph.find((candidate) => candidate["@type"] === type);
  assert.ok(node, `the graph has a ${type}`);
  return node;
}

describe("structured data and sharing metadata", () => {
  let site: FixtureSite;
  const read = (file: string) => readFileSync(path.join(site.root, "_site", file), "utf8");

  before(() => {
    site = createFixtureSite({ seed: true });
    site.article(
      "hostile-fields",
      articleSource({
        title: JSON.stringify(HOSTILE),
        description: JSON.stringify(HOSTILE),
        dateline: JSON.stringify(HOSTILE),
        tags: `[${JSON.stringify(HOSTILE)}]`,
        authors: `[${JSON.stringify(HOSTILE)}]`,
      }),
    );
    const run = runBuild(site.root, { SITE_URL: ORIGIN });
    assert.equal(run.status, 0, run.stderr);
  });
  after(() => site.remove());

  it("describes the seed as a NewsArticle with Google's recommended properties", async () => {
    const graph = graphOf(read(`asia/${SEED_SLUG}/index.html`));
    const article = ofType(graph, "NewsArticle");
    const url = `${ORIGIN}/asia/${SEED_SLUG}/`;
    assert.equal(
      article.headline,
      "North Korea's Kim Jong Un receives personal letter from Trump, KCNA says",
    );
    assert.equal(article.datePublished, "2019-06-23T11:05:00+08:00");
    assert.equal(article.dateModified, "2019-06-23T11:05:00+08:00");
    assert.deepEqual(article.author, [
      { "@type": "Organization", name: "Bloomberg" },
      { "@type": "Organization", name: "Reuters" },
      { "@type": "Organization", name: "AFP" },
    ]);
    assert.equal(article.articleSection, "Asia");
    assert.equal(article.keywords, "North Korea, Kim Jong Un, Donald Trump, Nuclear talks");
    assert.deepEqual(article.mainEntityOfPage, { "@type": "WebPage", "@id": url });
    assert.equal(article.inLanguage, "en-SG");
    assert.equal(article.isAccessibleForFree, true);
    const images = article.image as string[];
    assert.equal(images.length, 3);
    const ratios = [];
    for (const image of images) {
      assert.ok(image.startsWith(`${ORIGIN}/media/`), image);
      const { width = 0, height = 0 } = await sharp(
        path.join(site.root, "_site", new URL(image).pathname),
      ).metadata();
      assert.ok(width * height >= 50_000, `${image} has at least 50,000 pixels`);
      ratios.push(Math.round((width / height) * 100) / 100);
    }
    assert.deepEqual(ratios, [1.78, 1.33, 1]);
    const publisher = ofType(graph, "NewsMediaOrganization");
    assert.deepEqual(article.publisher, { "@id": publisher["@id"] });
    assert.equal(publisher.name, "The Broadsheet Times");
    assert.match(
      String((publisher.logo as Node).url),
      new RegExp(`^${ORIGIN}/assets/logo\\.[0-9a-f]+\\.svg$`),
    );
  });

  it("describes the video as a VideoObject with the player as embedUrl", () => {
    const graph = graphOf(read(`asia/${SEED_SLUG}/index.html`));
    const video = ofType(graph, "VideoObject");
    assert.equal(video.name, "Pompeo hopes Trump letter paves way for new talks with North Korea");
    assert.match(String(video.description), /^US Secretary of State Mike Pompeo said on Sunday/);
    assert.equal(video.uploadDate, "2019-06-23T11:05:00+08:00");
    assert.equal(
      video.embedUrl,
      "https://players.brightcove.net/9876543210001/default_default/index.html?videoId=1234567890001",
    );
    const thumbnails = video.thumbnailUrl as string[];
    assert.ok(thumbnails.length >= 3);
    for (const thumbnail of thumbnails)
      assert.ok(thumbnail.startsWith(`${ORIGIN}/media/video-thumbnail-`), thumbnail);
    assert.deepEqual(ofType(graph, "NewsArticle").video, { "@id": video["@id"] });
  });

  it("gives the breadcrumb trail Home › Asia › the article", () => {
    const trail = ofType(graphOf(read(`asia/${SEED_SLUG}/index.html`)), "BreadcrumbList");
    assert.deepEqual(
      (trail.itemListElement as Node[]).map((item) => [item.position, item.name, item.item]),
      [
        [1, "Home", `${ORIGIN}/`],
        [2, "Asia", `${ORIGIN}/asia/`],
        [
          3,
          "North Korea's Kim Jong Un receives personal letter from Trump, KCNA says",
          `${ORIGIN}/asia/${SEED_SLUG}/`,
        ],
      ],
    );
  });

  it("gives Open Graph and X cards the 1200 x 630 crop, the times with offsets, section and tags", async () => {
    const $ = load(read(`asia/${SEED_SLUG}/index.html`));
    const meta = (property: string) =>
      $(`meta[property="${property}"], meta[name="${property}"]`).attr("content");
    assert.equal(meta("og:type"), "article");
    assert.equal(meta("og:url"), `${ORIGIN}/asia/${SEED_SLUG}/`);
    assert.equal(meta("og:site_name"), "The Broadsheet Times");
    assert.equal(meta("og:image:width"), "1200");
    assert.equal(meta("og:image:height"), "630");
    assert.ok(meta("og:image:alt"));
    const image = meta("og:image") ?? "";
    const { width, height } = await sharp(
      path.join(site.root, "_site", new URL(image).pathname),
    ).metadata();
    assert.deepEqual([width, height], [1200, 630]);
    assert.equal(meta("article:published_time"), "2019-06-23T11:05:00+08:00");
    assert.equal(meta("article:modified_time"), "2019-06-23T11:05:00+08:00");
    assert.equal(meta("article:section"), "Asia");
    assert.deepEqual(
      $('meta[property="article:tag"]')
        .toArray()
        .map((element) => $(element).attr("content")),
      ["North Korea", "Kim Jong Un", "Donald Trump", "Nuclear talks"],
    );
    assert.equal(meta("twitter:card"), "summary_large_image");
    assert.equal($('link[rel="canonical"]').attr("href"), `${ORIGIN}/asia/${SEED_SLUG}/`);
    assert.match(meta("robots") ?? "", /max-image-preview:large/);
  });

  it("keeps </script> and <!-- in every text field inside the JSON-LD, and gives back the exact text", () => {
    const html = read("asia/hostile-fields/index.html");
    const opening = '<script type="application/ld+json">';
    const start = html.indexOf(opening) + opening.length;
    const text = html.slice(start, html.indexOf("</script>", start));
    assert.doesNotMatch(text, /[<>]/, "no raw angle bracket inside the data block");
    const article = ofType(graphOf(html), "NewsArticle");
    assert.equal(article.headline, HOSTILE);
    assert.equal(article.description, HOSTILE);
    assert.equal(article.dateline, HOSTILE);
    assert.equal(article.keywords, HOSTILE);
    assert.deepEqual(article.author, [{ "@type": "Person", name: HOSTILE }]);
    const $ = load(html);
    // The JSON-LD block, and the site's own scripts from /assets/ (the breaking-news banner's).
    const inline = $("script:not([src])");
    assert.equal(
      inline.length,
      1,
      "only the JSON-LD block: nothing the editor wrote became a script",
    );
    assert.equal(inline.attr("type"), "application/ld+json");
    for (const script of $("script[src]").toArray()) {
      assert.match($(script).attr("src") ?? "", /^\/assets\/[a-z-]+\.[0-9a-f]+\.js$/);
    }
    // The page shows it with its quotes curled; the structured data above keeps what was typed.
    assert.equal($("h1").text(), curl(HOSTILE));
  });
});
