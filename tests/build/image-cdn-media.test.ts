/**
 * Image CDNs reach every image the site shows, not only lead photos: the body's photos and
 * galleries (their no-JavaScript links to the largest size included), their `associatedMedia`
 * in the article's JSON-LD, the photos in feed bodies, and author profile photos (the byline,
 * the profile page, the Person's image). Under imgix the page with embeds keeps both its
 * players' frames and imgix's images in its own policy. The build's own page check passes on
 * every page, which it could not if a gallery link or a body photo named a file not published.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { listFiles } from "../../scripts/site/check-output.ts";
import { parseSrcset } from "../../scripts/site/srcset.ts";
import { MEDIA_SLUG, photoBytes, writeMediaArticle } from "../helpers/body-media-article.ts";
import { runBuild } from "../helpers/build.ts";
import { readCdnUrl } from "../helpers/cdn-grammar.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { writeAuthorFile, writeProfile } from "../helpers/profiles.ts";

const ORIGIN = "https://news.example.com";
const IMGIX_DOMAIN = "broadsheet.imgix.net";
const ARTICLE = `asia/${MEDIA_SLUG}/index.html`;
const AUTHOR = "authors/tan-hui-yee/index.html";

type Provider = "netlify" | "imgix";

interface Built {
  readonly files: readonly string[];
  read(file: string): string;
}

let fixture: FixtureSite;
const builds = new Map<Provider, Built>();

before(async () => {
  fixture = createFixtureSite();
  await writeMediaArticle(fixture);
  // The story is signed by a profile with a photo.
  const index = path.join(fixture.root, "content/articles", MEDIA_SLUG, "index.md");
  const source = readFileSync(index, "utf8").replace("---\n", "---\nauthors: [tan-hui-yee]\n");
  fixture.article(MEDIA_SLUG, source);
  writeProfile(
    fixture.root,
    "tan-hui-yee",
    "name: Tan Hui Yee\nphoto: tan-hui-yee.jpg\nrole: Regional correspondent\n",
  );
  writeAuthorFile(fixture.root, "tan-hui-yee.jpg", await photoBytes("boats.jpg"));
  const config = path.join(fixture.root, "content/_data/site.yaml");
  fixture.siteConfig(`${readFileSync(config, "utf8")}images:\n  imgixDomain: ${IMGIX_DOMAIN}\n`);
  for (const provider of ["netlify", "imgix"] as const) {
    const run = runBuild(fixture.root, { IMAGE_CDN: provider, SITE_URL: ORIGIN });
    assert.equal(run.status, 0, `${provider}: ${run.stderr}${run.stdout}`);
    const dir = path.join(fixture.root, "_site");
    // Read now: the next build replaces the folder.
    const files = listFiles(dir);
    const texts = new Map(
      files
        .filter((file) => /\.(html|json|xml)$|_headers$/.test(file))
        .map((file) => [file, readFileSync(path.join(dir, file), "utf8")] as const),
    );
    builds.set(provider, {
      files,
      read(file) {
        const text = texts.get(file);
        assert.ok(text !== undefined, `${file} was not published`);
        return text;
      },
    });
  }
});
after(() => fixture.remove());

function built(provider: Provider): Built {
  const result = builds.get(provider);
  assert.ok(result, `no ${provider} build`);
  return result;
}

/** Every URL is a rendition in the provider's grammar of a master the site publishes. */
function assertRenditions(provider: Provider, urls: readonly string[], what: string): void {
  assert.ok(urls.length > 0, `${what}: no image URLs`);
  const { files } = built(provider);
  for (const url of urls) {
    const request = readCdnUrl(provider, url, { origin: ORIGIN, imgixDomain: IMGIX_DOMAIN });
    const master = new URL(request.source, ORIGIN).pathname.replace(/^\//, "");
    assert.ok(files.includes(master), `${what}: ${url} names ${master}, which is not published`);
  }
}

function jsonLd(html: string): Record<string, unknown>[] {
  const $ = load(html);
  const graph = JSON.parse($('script[type="application/ld+json"]').first().text());
  return graph["@graph"] as Record<string, unknown>[];
}

for (const provider of ["netlify", "imgix"] as const) {
  describe(`body media and author photos with images.cdn: ${provider}`, () => {
    it("publishes masters only: nothing under /media/ is an encoded size", () => {
      const media = built(provider).files.filter((file) => file.startsWith("media/"));
      assert.ok(media.length > 0);
      assert.deepEqual(
        media.filter((file) => /\.(avif|webp)$/.test(file)),
        [],
        "no AVIF or WebP is made at build time",
      );
    });

    it("serves the body's photos and gallery, and the gallery's links, from the CDN", () => {
      const $ = load(built(provider).read(ARTICLE));
      const body = $("[data-article-body]");
      const candidates = body
        .find("img[srcset], source[srcset]")
        .toArray()
        .flatMap((element) => parseSrcset($(element).attr("srcset") ?? "").map((c) => c.url));
      assertRenditions(provider, candidates, "body srcset");
      const links = body
        .find("a[data-gallery-open]")
        .toArray()
        .map((element) => $(element).attr("href") ?? "");
      assert.equal(links.length, 3, "one link per gallery photo");
      assertRenditions(provider, links, "gallery links");
    });

    it("points associatedMedia at renditions of the body photos", () => {
      const article = jsonLd(built(provider).read(ARTICLE)).find(
        (node) => node["@type"] === "NewsArticle",
      );
      const media = (article?.associatedMedia ?? []) as { contentUrl: string }[];
      assert.equal(media.length, 5, "two photos and a gallery of three");
      const urls = media.map((object) => object.contentUrl);
      for (const url of urls) assert.match(url, /^https:\/\//, "absolute");
      assertRenditions(provider, urls, "associatedMedia");
    });

    it("puts renditions in feed bodies, absolute", () => {
      const feed = JSON.parse(built(provider).read("feed.json")) as {
        items: { url: string; content_html: string }[];
      };
      const item = feed.items.find((entry) => entry.url.endsWith(`/${MEDIA_SLUG}/`));
      assert.ok(item, "the story is in the feed");
      const urls = load(item.content_html)("img")
        .toArray()
        .map((element) => load(element)("img").attr("src") ?? "");
      assert.equal(urls.length, 5);
      for (const url of urls) assert.match(url, /^https:\/\//, "absolute");
      assertRenditions(provider, urls, "feed body");
    });

    it("serves the author's photo from the CDN on the byline, the profile and its Person", () => {
      const { read } = built(provider);
      // The blurred placeholder is a data: URL by design, made at build time.
      const byline = load(read(ARTICLE))(".byline img:not(.media-placeholder), .byline source")
        .toArray()
        .flatMap((element) => {
          const $element = load(element);
          const node = $element("img, source").first();
          return [
            ...parseSrcset(node.attr("srcset") ?? "").map((c) => c.url),
            ...(node.attr("src") ? [node.attr("src") as string] : []),
          ];
        });
      assertRenditions(provider, byline, "byline photo");
      const profile = jsonLd(read(AUTHOR)).find((node) => node["@type"] === "ProfilePage") as
        | { mainEntity?: { image?: { url?: string } } }
        | undefined;
      const image = profile?.mainEntity?.image?.url;
      assert.ok(image, "the Person has an image");
      assertRenditions(provider, [image], "Person image");
    });
  });
}

describe("a page with embeds, with images.cdn: imgix", () => {
  it("allows its players' frames and imgix's images in its own policy", () => {
    const headers = built("imgix").read("_headers");
    const block = headers.split(/\n(?=\S)/).find((rule) => rule.startsWith(`/asia/${MEDIA_SLUG}/`));
    assert.ok(block, `no rule of its own:\n${headers}`);
    const policy = /Content-Security-Policy: (.*)/.exec(block)?.[1] ?? "";
    assert.match(policy, new RegExp(`img-src [^;]*https://${IMGIX_DOMAIN.replaceAll(".", "\\.")}`));
    assert.match(policy, /frame-src [^;]*https:\/\/www\.youtube-nocookie\.com/);
  });
});
