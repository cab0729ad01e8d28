/**
 * The seed built under each image CDN setting (issue 15's acceptance): every `srcset` and `src`
 * candidate in the provider's documented grammar, at its descriptor's width, with its master
 * published; only masters under /media/ (no AVIF or WebP encoded at build time); og:image,
 * JSON-LD and feed images absolute; crops around the focal point; imgix's domain in `img-src`
 * and nowhere else; pages that html-validate accepts; `PATH_PREFIX` honoured. Then the default,
 * which still makes every size locally. One fixture, built four times.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { listFiles, pageIssues } from "../../scripts/site/check-output.ts";
import { parseSrcset } from "../../scripts/site/srcset.ts";
import { runBuild } from "../helpers/build.ts";
import { type CdnRequest, formatName, readCdnUrl } from "../helpers/cdn-grammar.ts";
import {
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";

const ORIGIN = "https://news.example.com";
const PREFIX = "/news/";
const IMGIX_DOMAIN = "broadsheet.imgix.net";
const ARTICLE = `asia/${SEED_SLUG}/index.html`;
/** The seed photo's focal point (its front matter). */
const FOCUS = [0.42, 0.65] as const;

type Provider = "netlify" | "cloudflare" | "imgix";

/** What one build published (the next build of the fixture replaces it on disk). */
interface Built {
  readonly dir: string;
  readonly files: readonly string[];
  readonly html: ReadonlyMap<string, string>;
  readonly rss: string;
  readonly headers: string;
}

let fixture: FixtureSite;
const builds = new Map<Provider | "none", Built>();

function build(setting: Provider | "none"): Built {
  const run = runBuild(fixture.root, {
    IMAGE_CDN: setting,
    SITE_URL: ORIGIN,
    PATH_PREFIX: PREFIX,
  });
  assert.equal(run.status, 0, `${setting}: ${run.stderr}${run.stdout}`);
  const dir = path.join(fixture.root, "_site");
  const files = listFiles(dir);
  const html = new Map(
    files
      .filter((file) => file.endsWith(".html"))
      .map((file) => [file, readFileSync(path.join(dir, file), "utf8")] as const),
  );
  const text = (file: string) => readFileSync(path.join(dir, file), "utf8");
  return { dir, files, html, rss: text("rss.xml"), headers: text("_headers") };
}

before(() => {
  fixture = createFixtureSite({ seed: true });
  // imgix needs its source's domain; the other settings ignore it.
  const config = path.join(fixture.root, "content/_data/site.yaml");
  fixture.siteConfig(`${readFileSync(config, "utf8")}images:\n  imgixDomain: ${IMGIX_DOMAIN}\n`);
  for (const setting of ["netlify", "cloudflare", "imgix", "none"] as const) {
    builds.set(setting, build(setting));
  }
});
after(() => fixture.remove());

function built(setting: Provider | "none"): Built {
  const result = builds.get(setting);
  assert.ok(result, `no ${setting} build`);
  return result;
}

function read(provider: Provider, url: string): CdnRequest {
  return readCdnUrl(provider, url, { origin: ORIGIN, imgixDomain: IMGIX_DOMAIN });
}

/** The site file behind a master's path on the origin, which must be under PATH_PREFIX. */
function masterFile(source: string): string {
  assert.ok(source.startsWith(`${PREFIX}media/`), `${source} is under ${PREFIX}media/`);
  return source.slice(PREFIX.length);
}

for (const provider of ["netlify", "cloudflare", "imgix"] as const) {
  describe(`the seed built with images.cdn: ${provider}`, () => {
    it("points every srcset and src candidate at the CDN, each in its grammar, width and master", () => {
      const site = built(provider);
      let candidates = 0;
      for (const [file, html] of site.html) {
        const $ = load(html);
        for (const element of $("picture source, picture img").toArray()) {
          const $element = $(element);
          const type = $element.attr("type");
          const expected = type === "image/avif" ? "avif" : type === "image/webp" ? "webp" : "jpeg";
          const srcset = parseSrcset($element.attr("srcset") ?? "");
          assert.ok(srcset.length >= 2, `${file}: a responsive set`);
          const src = $element.attr("src");
          for (const { url, descriptor } of [
            ...srcset,
            ...(src ? [{ url: src, descriptor: "" }] : []),
          ]) {
            const request = read(provider, url);
            if (descriptor !== "") {
              assert.equal(`${request.width}w`, descriptor, `${file}: ${url}`);
            }
            assert.equal(formatName(request.format), expected, `${file}: ${url}`);
            assert.ok(
              site.files.includes(masterFile(request.source)),
              `${request.source} is published`,
            );
            candidates++;
          }
        }
        // Every img keeps its width and height, so nothing shifts while it loads.
        for (const img of $("picture img").toArray()) {
          assert.match($(img).attr("width") ?? "", /^\d+$/, file);
          assert.match($(img).attr("height") ?? "", /^\d+$/, file);
        }
      }
      assert.ok(candidates > 50, `only ${candidates} candidates checked`);
    });

    it("publishes the masters under /media/ and encodes nothing else", () => {
      const media = built(provider).files.filter((file) => file.startsWith("media/"));
      assert.ok(
        media.every((file) => file.endsWith(".jpg")),
        `no AVIF or WebP: ${media}`,
      );
      const masters = media.filter((file) => file.endsWith("-master.jpg"));
      assert.equal(masters.length, 2, "the photo's and the video thumbnail's");
      // Netlify has no focal point: its crops are pre-cut masters, four per image.
      assert.equal(media.length, provider === "netlify" ? 10 : 2, media.join(", "));
    });

    it("gives og:image, JSON-LD and feed images as absolute URLs, crops around the focus", () => {
      const site = built(provider);
      const $ = load(site.html.get(ARTICLE) ?? "");
      const og = read(provider, $('meta[property="og:image"]').attr("content") ?? "");
      assert.deepEqual([og.width, og.height], [1200, 630]);
      const graph = JSON.parse($('script[type="application/ld+json"]').text());
      const article = graph["@graph"].find(
        (node: { "@type": string }) => node["@type"] === "NewsArticle",
      );
      const sizes = (article.image as string[]).map((url) => {
        assert.match(url, /^https:\/\//, "absolute");
        const request = read(provider, url);
        assert.ok(site.files.includes(masterFile(request.source)), request.source);
        if (provider === "netlify") {
          // The pre-cut crop, asked for whole.
          assert.notEqual(
            request.source,
            masterFile(request.source).replace(/-[^-]+$/, "-master.jpg"),
          );
          assert.match(request.source, /-(16x9|4x3|1x1)\.jpg$/);
        } else {
          assert.deepEqual(request.focus, FOCUS, "the focal point the crop keeps");
        }
        return `${request.width}x${request.height}`;
      });
      assert.deepEqual(sizes, ["1200x675", "1200x900", "1200x1200"]);
      const feedImage = /<media:content url="([^"]+)"/
        .exec(site.rss)?.[1]
        ?.replaceAll("&amp;", "&");
      assert.ok(feedImage, "the feed carries the lead image");
      assert.match(feedImage, /^https:\/\//);
      assert.equal(read(provider, feedImage).width, 1200);
    });

    it(`sets img-src ${provider === "imgix" ? "with" : "without"} the imgix domain`, () => {
      const policy = /Content-Security-Policy: (.+)/.exec(built(provider).headers)?.[1] ?? "";
      const imgSrc = /img-src ([^;]+)/.exec(policy)?.[1];
      assert.equal(
        imgSrc,
        provider === "imgix" ? `'self' data: https://${IMGIX_DOMAIN}` : "'self' data:",
      );
    });

    it("passes html-validate and the build's own page checks", async () => {
      const site = built(provider);
      const validator = new HtmlValidate(new FileSystemConfigLoader());
      const report = await validator.validateString(site.html.get(ARTICLE) ?? "", ARTICLE, {
        extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
      });
      const problems = report.results.flatMap((result) =>
        result.messages.map((message) => `${message.line} ${message.ruleId}: ${message.message}`),
      );
      assert.deepEqual(problems, []);
      const cdn =
        provider === "imgix"
          ? ({ provider, domain: IMGIX_DOMAIN } as const)
          : ({ provider } as const);
      const files = new Set(site.files);
      const issues = [...site.html].flatMap(([file, html]) =>
        pageIssues(file, html, files, PREFIX, cdn).map((issue) => issue.message),
      );
      assert.deepEqual(issues, []);
    });
  });
}

describe("the seed built without an image CDN (the default)", () => {
  it("still makes every size and format locally, and publishes no master", () => {
    const site = built("none");
    const $ = load(site.html.get(ARTICLE) ?? "");
    const avif = parseSrcset($(".lead-figure source[type='image/avif']").attr("srcset") ?? "");
    assert.deepEqual(
      avif.map((candidate) => candidate.descriptor),
      ["400w", "800w", "1200w", "1600w"],
    );
    for (const { url } of avif) {
      assert.ok(url.startsWith(`${PREFIX}media/`) && url.endsWith(".avif"), url);
      assert.ok(site.files.includes(url.slice(PREFIX.length)), `${url} is published`);
    }
    const media = site.files.filter((file) => file.startsWith("media/"));
    assert.equal(media.filter((file) => file.endsWith("-master.jpg")).length, 0);
    assert.equal(media.filter((file) => file.endsWith(".avif")).length, 8);
  });
});

describe("the page check, with an image CDN", () => {
  const cdn = { provider: "cloudflare" } as const;
  const master = "media/photo-0123456789-master.jpg";
  const page = (srcset: string) =>
    `<!doctype html><html lang="en"><head><title>T</title></head><body><h1>T</h1><picture><source type="image/avif" srcset="${srcset}"><img src="/data.jpg" alt="" width="1" height="1"></picture></body></html>`;
  const issuesOf = (srcset: string) =>
    pageIssues("x.html", page(srcset), new Set([master, "data.jpg"]), "/", cdn).map(
      (issue) => issue.message,
    );

  it("accepts a URL in the provider's grammar whose master is published", () => {
    assert.deepEqual(
      issuesOf(`/cdn-cgi/image/width=800,format=avif,quality=58/${master} 800w`),
      [],
    );
  });

  it("refuses a URL outside the grammar, or whose master is not published", () => {
    const [bad] = issuesOf(`/cdn-cgi/image/width=800,format=avif,qualty=58/${master} 800w`);
    assert.match(bad ?? "", /not a Cloudflare Images URL/);
    const [missing] = issuesOf(
      "/cdn-cgi/image/width=800,format=avif,quality=58/media/gone-0123456789-master.jpg 800w",
    );
    assert.match(
      missing ?? "",
      /master \/media\/gone-0123456789-master\.jpg, which points to a file that does not exist/,
    );
  });
});
