/**
 * Body media end to end, as an editor publishes it (ISSUE 12): the story with two body photos,
 * a gallery, a pull quote, three embeds and a link, built by the real build and read as readers,
 * feeds, search engines and hosts get it; then bad bodies, reported at their lines with every
 * other problem of the run while `_site/` stays as it was.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type CheerioAPI, load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import sharp from "sharp";
import { listFiles } from "../../scripts/site/check-output.ts";
import {
  EMBED_ORIGINS,
  MEDIA_PATH,
  MEDIA_SLUG,
  photoBytes,
  writeMediaArticle,
} from "../helpers/body-media-article.ts";
import { type BuildRun, runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
} from "../helpers/fixture-site.ts";
import { snapshot } from "../helpers/site-snapshot.ts";
import { readExif } from "../media/exif.ts";

/** A photo's slot in the column: a landscape the column's width; an upright one (the map, 3:4) as wide as a square frame's height allows (photo-slot.ts). */
const BODY_SIZES = ["(min-width: 760px) 720px, 100vw", "(min-width: 760px) 540px, 75vw"];

describe("a story with every kind of body media", () => {
  let site: FixtureSite;
  let run: BuildRun;
  let $: CheerioAPI;
  const read = (file: string) => readFileSync(path.join(site.root, "_site", file), "utf8");

  before(async () => {
    site = createFixtureSite({ seed: true });
    await writeMediaArticle(site);
    // A story with no lead photo: its first body photo stands for it when it is shared.
    site.article(
      "sandbags-along-the-river",
      articleSource(
        { title: '"Sandbags along the river"', date: "2025-12-31T08:00:00+08:00" },
        'Residents piled sandbags.\n\n![Sandbags stacked along the Ciliwung river](sandbags.jpg "On Monday. PHOTO: AFP")',
      ),
    );
    site.file("sandbags-along-the-river", "sandbags.jpg", await photoBytes("sandbags.jpg"));
    run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    $ = load(read(`asia/${MEDIA_SLUG}/index.html`));
  });
  after(() => site.remove());

  it("shows each body photo as a <figure> with AVIF, WebP and JPEG, its size, the column's sizes, lazily", () => {
    const figures = $(".story-body > figure.body-figure");
    assert.equal(figures.length, 2);
    for (const [index, figure] of figures.toArray().entries()) {
      const types = $(figure)
        .find("picture source")
        .toArray()
        .map((source) => $(source).attr("type"));
      assert.deepEqual(types, ["image/avif", "image/webp"]);
      const img = $(figure).find("picture img");
      assert.match(img.attr("src") ?? "", /^\/media\/.+\.jpg$/);
      assert.ok(Number(img.attr("width")) > 0 && Number(img.attr("height")) > 0);
      assert.equal(img.attr("sizes"), BODY_SIZES[index]);
      assert.equal(
        $(figure).find(".media-upright").length,
        index,
        "only the upright map is framed",
      );
      assert.equal(img.attr("loading"), "lazy");
    }
    assert.equal($("img[fetchpriority='high']").length, 1, "the lead is the only eager image");
    // The masthead's logo aside (small, in the first screen): the lead is the one eager photo.
    assert.equal($("main img:not([loading])").not(".media-placeholder").length, 1);
  });

  it("puts caption and credit in the figcaption, and nothing for a photo without them", () => {
    const [rescue, map] = $(".body-figure").toArray();
    assert.equal(
      $(rescue).find("figcaption .caption").text(),
      "Rescue workers in East Jakarta on Monday.",
    );
    assert.equal($(rescue).find("figcaption .credit").text(), "PHOTO: REUTERS");
    assert.equal(
      $(map).find("img[alt]").last().attr("alt"),
      "A map of the districts under water in East Jakarta, drawn upright",
    );
    assert.equal($(map).find("figcaption").length, 0);
  });

  it("keeps the credit in the files' metadata, as the lead photo's", async () => {
    const img = $(".body-figure").first().find("picture img");
    const files = [
      img.attr("src") ?? "",
      ...($(".body-figure").first().find("source").attr("srcset") ?? "")
        .split(", ")
        .map((part) => part.split(" ")[0] ?? ""),
    ];
    for (const file of files) {
      const { exif } = await sharp(path.join(site.root, "_site", file)).metadata();
      assert.ok(exif, `${file} has EXIF`);
      assert.equal(readExif(exif).copyright, "REUTERS", file);
    }
  });

  it("shows the gallery as a grid of captioned figures, each a link to its largest JPEG", () => {
    const items = $(".gallery .gallery-grid > li > figure.gallery-item");
    assert.equal(items.length, 3);
    const published = new Set(listFiles(path.join(site.root, "_site")));
    for (const item of items.toArray()) {
      const link = $(item).find("a.gallery-open");
      const href = link.attr("href") ?? "";
      assert.match(href, /^\/media\/.+\.jpg$/);
      assert.ok(published.has(href.slice(1)), `${href} is published`);
      const widths = ($(item).find("picture img").attr("srcset") ?? "")
        .split(", ")
        .map((part) => part.split(" ")[0]);
      assert.equal(widths.at(-1), href, "the largest of its JPEGs");
      assert.equal($(item).find("picture img").attr("loading"), "lazy");
    }
    assert.deepEqual(
      items.toArray().map((item) => $(item).find("figcaption").text()),
      [
        "Sandbags along the Ciliwung river.PHOTO: AFP",
        "Kampung Melayu on Monday.PHOTO: AFP",
        "Boats replaced cars on Monday.",
      ],
    );
    assert.equal($(".gallery dialog.gallery-viewer").length, 1, "its viewer, closed");
    assert.equal($(".gallery dialog[open]").length, 0);
  });

  it("sets the pull quote apart, with its attribution", () => {
    const quote = $(".story-body > figure.pullquote");
    assert.equal(
      quote.find("blockquote p").text(),
      "The water came faster than anyone had planned for.",
    );
    // Its apostrophe curled for display, as every displayed field (docs/output.md, "Type").
    assert.equal(quote.find("figcaption").text(), "A spokesman for Jakarta\u2019s disaster agency");
  });

  it("shows embeds as facades that name provider and kind and link the original, loading nothing", () => {
    const facades = $(".story-body > figure.embed")
      .toArray()
      .map((figure) => ({
        provider: $(figure).find(".embed-provider").text(),
        what: $(figure).find(".embed-what").text(),
        href: $(figure).find("a.embed-load").attr("href"),
        player: $(figure).find("a.embed-load").attr("data-embed-src"),
        title: $(figure).find(".embed-frame").attr("data-embed-title"),
        caption: $(figure).find(".embed-caption-text").text(),
      }));
    assert.deepEqual(facades, [
      {
        provider: "YouTube",
        what: "Video",
        href: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        player: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        title: "YouTube video",
        // The Caption: line under the URL, as plain text.
        caption: "Residents describe the night the Ciliwung rose. ",
      },
      {
        provider: "X",
        what: "Post",
        href: "https://x.com/jakartapost/status/1234567890123456789",
        player: "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1234567890123456789",
        title: "Post on X",
        caption: "",
      },
      {
        provider: "Spotify",
        what: "Podcast episode",
        href: "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
        player: "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk",
        title: "Spotify podcast episode",
        caption: "",
      },
    ]);
    assert.doesNotMatch($(".story-body").text(), /Caption:/);
    assert.equal($("iframe").length, 0);
    const scripts = $("script[src]")
      .toArray()
      .map((script) => $(script).attr("src") ?? "");
    assert.ok(
      scripts.every((src) => src.startsWith("/assets/")),
      scripts.join(", "),
    );
    assert.ok(scripts.some((src) => /\/embeds\.[0-9a-f]+\.js$/.test(src)));
    assert.ok(scripts.some((src) => /\/gallery\.[0-9a-f]+\.js$/.test(src)));
    const other = $('.story-body a[href="https://www.bmkg.go.id/cuaca/prakiraan-cuaca.bmkg"]');
    assert.equal(
      other.text(),
      "https://www.bmkg.go.id/cuaca/prakiraan-cuaca.bmkg",
      "another site's URL is a link",
    );
  });

  it("lists every body photo in the structured data, with caption and credit", () => {
    const graph = JSON.parse($('script[type="application/ld+json"]').text())["@graph"];
    const media = graph[0].associatedMedia as Record<string, string>[];
    assert.equal(media.length, 5);
    assert.ok(media.every((object) => object["@type"] === "ImageObject"));
    assert.ok(
      media.every((object) =>
        object.contentUrl?.startsWith("https://www.broadsheet.example/media/"),
      ),
    );
    assert.deepEqual(media[0], {
      "@type": "ImageObject",
      contentUrl: media[0]?.contentUrl,
      url: media[0]?.contentUrl,
      encodingFormat: "image/jpeg",
      caption: "Rescue workers in East Jakarta on Monday.",
      description: "Rescue workers carry a resident through waist-deep water",
      creditText: "REUTERS",
      copyrightNotice: "REUTERS",
    });
    assert.deepEqual(
      media.map((object) => object.creditText),
      ["REUTERS", undefined, "AFP", "AFP", undefined],
    );
  });

  it("lets a story with no lead photo be shared with its first body photo, and a front with the site's icon", () => {
    const $story = load(read("asia/sandbags-along-the-river/index.html"));
    const og = $story('meta[property="og:image"]').attr("content") ?? "";
    assert.match(og, /^https:\/\/www\.broadsheet\.example\/media\/sandbags-[^/]*\.jpg$/);
    assert.equal(
      $story('meta[property="og:image:alt"]').attr("content"),
      "Sandbags stacked along the Ciliwung river",
    );
    assert.equal($story('meta[name="twitter:card"]').attr("content"), "summary_large_image");
    const story = JSON.parse($story('script[type="application/ld+json"]').text())["@graph"][0];
    assert.equal((story.image as string[]).length, 3, "the 16:9, 4:3 and 1:1 crops");
    const $home = load(read("index.html"));
    assert.equal($home('meta[property="og:type"]').attr("content"), "website");
    assert.match(
      $home('meta[property="og:image"]').attr("content") ?? "",
      /^https:\/\/www\.broadsheet\.example\/assets\/icon-512\.[0-9a-f]+\.png$/,
    );
    assert.equal($home('meta[name="twitter:card"]').attr("content"), "summary");
  });

  it("lets only this page frame exactly its providers' players (_headers), nothing unsafe", () => {
    const headers = read("_headers");
    const rule = new RegExp(
      `^${MEDIA_PATH.replace(/\//g, "\\/")}\\*\\n {2}! Content-Security-Policy\\n {2}Content-Security-Policy: (.+)$`,
      "m",
    ).exec(headers);
    assert.ok(rule, headers);
    const frames = /frame-src ([^;]+);/.exec(rule[1] ?? "")?.[1]?.split(" ");
    assert.deepEqual(frames, ["https://players.brightcove.net", ...EMBED_ORIGINS]);
    assert.doesNotMatch(rule[1] ?? "", /'unsafe-inline'|'unsafe-eval'/);
    assert.match(rule[1] ?? "", /script-src 'self' 'wasm-unsafe-eval';/);
    const siteWide = /^\/\*\n {2}Content-Security-Policy: (.+)$/m.exec(headers)?.[1] ?? "";
    assert.doesNotMatch(siteWide, /youtube|twitter|spotify/);
    assert.equal(headers.match(/youtube-nocookie/g)?.length, 1, "no other page may frame them");
  });

  it("carries body photos in feeds as <img> with absolute URLs, and the embeds as links", () => {
    const json = JSON.parse(read("feed.json"));
    const item = json.items.find((entry: { url: string }) => entry.url.endsWith(MEDIA_PATH));
    const body = load(item.content_html);
    const sources = body("figure img")
      .toArray()
      .map((img) => body(img).attr("src") ?? "");
    assert.equal(sources.length, 5);
    assert.ok(
      sources.every((src) => src.startsWith("https://www.broadsheet.example/media/")),
      sources.join(),
    );
    assert.equal(
      body("figure figcaption").first().text(),
      "Rescue workers in East Jakarta on Monday. PHOTO: REUTERS",
    );
    assert.equal(body('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').length, 1);
    assert.match(
      body('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').parent().text(),
      /^Residents describe the night the Ciliwung rose\. Video from YouTube/,
    );
    assert.equal(body("iframe, script, picture").length, 0);
    const atom = read("asia/feed.xml");
    assert.ok(
      atom.includes('&lt;img src="https://www.broadsheet.example/media/rescue-'),
      "Atom carries them too",
    );
  });

  it("passes html-validate's rules", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const report = await validator.validateString(
      read(`asia/${MEDIA_SLUG}/index.html`),
      "page.html",
      {
        extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
      },
    );
    assert.deepEqual(
      report.results.flatMap((result) =>
        result.messages.map((m) => `${m.line} ${m.ruleId}: ${m.message}`),
      ),
      [],
    );
  });

  describe("then bad bodies", () => {
    let before_: ReturnType<typeof snapshot>;
    let failed: BuildRun;
    const bad = (slug: string, body: string, files: readonly string[] = []) => {
      site.article(slug, articleSource({}, body));
      for (const file of files)
        site.file(
          slug,
          file,
          readFileSync(path.join(site.root, "content/articles", MEDIA_SLUG, "rescue.jpg")),
        );
    };
    before(() => {
      before_ = snapshot(site.root);
      bad("empty-alt", "Text.\n\n![](rescue.jpg)", ["rescue.jpg"]);
      bad("missing-file", "Text.\n\n![A photo](nowhere.jpg)");
      bad("remote-image", "Text.\n\n![A photo](https://example.com/photo.jpg)");
      bad("photo-in-text", "Text and ![a photo](rescue.jpg) together.", ["rescue.jpg"]);
      bad("unknown-block", "Text.\n\n::: carousel\n![A photo](rescue.jpg)\n:::", ["rescue.jpg"]);
      bad("unclosed-block", "Text.\n\n::: pullquote Someone\nA quote.");
      bad("empty-gallery", "Text.\n\n::: gallery\n:::");
      bad("gallery-of-one", "Text.\n\n::: gallery\n![A photo](rescue.jpg)\n:::", ["rescue.jpg"]);
      bad(
        "text-in-gallery",
        "Text.\n\n::: gallery\n![A photo](rescue.jpg)\nWords.\n![Another](rescue.jpg)\n:::",
        ["rescue.jpg"],
      );
      bad("host-slip", "Text.\n\nhttps://www.youtub.com/watch?v=dQw4w9WgXcQ");
      bad("short-id", "Text.\n\nhttps://youtu.be/dQw4w9WgXc");
      bad("empty-caption", "Text.\n\nhttps://vimeo.com/76979871\nCaption:");
      site.article("not-an-image", articleSource({}, "Text.\n\n![A photo](notes.jpg)"));
      site.file("not-an-image", "notes.jpg", "<html>a page saved as .jpg</html>");
      failed = runBuild(site.root);
    });

    it("fails, naming each file, the body line and the fix", () => {
      assert.equal(failed.status, 1, failed.stdout);
      const out = failed.stderr;
      const expect: [string, number, RegExp][] = [
        ["empty-alt", 9, /no alt text[\s\S]*?Fix: Describe what the photo shows/],
        [
          "missing-file",
          9,
          /nowhere\.jpg, but there is no such file[\s\S]*?Fix: Put nowhere\.jpg in/,
        ],
        ["remote-image", 9, /another site[\s\S]*?Fix: Save the photo/],
        [
          "photo-in-text",
          7,
          /shares its paragraph with text[\s\S]*?Fix: Put the image on a line of its own/,
        ],
        ["unknown-block", 9, /"::: carousel" on line 9 is not a block[\s\S]*?Fix:/],
        ["unclosed-block", 9, /never closed[\s\S]*?Fix: Add a line holding only :::/],
        ["empty-gallery", 9, /holds no photos[\s\S]*?Fix: Write two or more photos/],
        ["gallery-of-one", 9, /holds one photo[\s\S]*?Fix: Add another photo/],
        [
          "text-in-gallery",
          11,
          /Line 11 is inside the gallery[\s\S]*?Fix: Write each photo on its own line/,
        ],
        ["not-an-image", 9, /notes\.jpg is a web page \(HTML\)[\s\S]*?Fix: Save the image itself/],
        [
          "host-slip",
          9,
          /is on youtub\.com, a typing slip away from YouTube's youtube\.com[\s\S]*?Fix: Did you mean https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ\?[\s\S]*?\[YouTube\]\(https:\/\/www\.youtub\.com/,
        ],
        [
          "short-id",
          9,
          /"dQw4w9WgXc", which is 10 characters long[\s\S]*?Fix: Write the address as/,
        ],
        ["empty-caption", 10, /The caption on line 10 is empty[\s\S]*?Fix: Write what/],
      ];
      for (const [slug, line, words] of expect) {
        const file = `content/articles/${slug}/index.md`;
        const at = out.indexOf(`${file}:${line}`);
        assert.ok(at >= 0, `${file}:${line} in:\n${out}`);
        assert.match(out.slice(at, at + 600), words, slug);
      }
    });

    it("leaves _site/ exactly as it was", () => {
      assert.deepEqual(snapshot(site.root), before_);
    });
  });
});
