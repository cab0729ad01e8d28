/**
 * Image CDNs' URLs, without a build or an encode: every candidate of an image the build hands
 * to layouts, for each provider, must read by the provider's documented grammar
 * (tests/helpers/cdn-grammar.ts, written apart from the builders), ask for exactly the width its
 * descriptor claims, in the format its `<source>` promises, from the published master under
 * `PATH_PREFIX`; crops must keep the focal point inside, as each provider documents its crops.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Site } from "../../scripts/content/model.ts";
import { parseRenditionUrl, renditionUrl } from "../../scripts/media/cdn/index.ts";
import { createMediaOptions } from "../../scripts/media/defaults.ts";
import { imageFiles } from "../../scripts/media/files.ts";
import type { MasterManifest } from "../../scripts/media/manifest.ts";
import { manifestToImage } from "../../scripts/media/to-image.ts";
import type { CdnRendition, ImageCdn, ProcessedImage } from "../../scripts/media/types.ts";
import { imageSrc, imageUrl } from "../../scripts/site/image-urls.ts";
import { type CdnRequest, formatName, readCdnUrl } from "../helpers/cdn-grammar.ts";

const SITE: Pick<Site, "origin" | "pathPrefix"> = {
  origin: "https://news.example.com",
  pathPrefix: "/news/",
};
const IMGIX_DOMAIN = "broadsheet.imgix.net";
const FOCUS = [0.42, 0.65] as const;

const CDNS: readonly ImageCdn[] = [
  { provider: "netlify" },
  { provider: "cloudflare" },
  { provider: "imgix", domain: IMGIX_DOMAIN },
];

const entry = (name: string, width: number, height: number) => ({
  name,
  width,
  height,
  bytes: 1000,
  sha256: "a".repeat(64),
});

/** What the media cache records of a 3000 x 2000 photo, as made for `cdn`. */
function manifestFor(cdn: ImageCdn): MasterManifest {
  return {
    version: 2,
    kind: "masters",
    width: 3000,
    height: 2000,
    focus: FOCUS,
    placeholder: "data:image/webp;base64,AAAA",
    master: entry("photo-0123456789-master.jpg", 2560, 1707),
    ...(cdn.provider === "netlify"
      ? {
          crops: {
            "16x9": entry("photo-1111111111-16x9.jpg", 1200, 675),
            "4x3": entry("photo-2222222222-4x3.jpg", 1200, 900),
            "1x1": entry("photo-3333333333-1x1.jpg", 1200, 1200),
            social: entry("photo-4444444444-social.jpg", 1200, 630),
          },
        }
      : {}),
  };
}

function imageFor(cdn: ImageCdn): ProcessedImage {
  return manifestToImage(manifestFor(cdn), { ...createMediaOptions(), cdn });
}

function read(cdn: ImageCdn, url: string): CdnRequest {
  return readCdnUrl(cdn.provider, url, { origin: SITE.origin, imgixDomain: IMGIX_DOMAIN });
}

/** Where a provider's crop lands in the master, as its documentation describes the crop. */
function cropBox(
  master: { width: number; height: number },
  request: CdnRequest,
  place: (focus: number, span: number, extent: number) => number,
) {
  const { width = 0, height = 0, focus = [0.5, 0.5] } = request;
  const scale = Math.max(width / master.width, height / master.height);
  const span = { width: width / scale, height: height / scale };
  return {
    left: place(focus[0] * master.width, span.width, master.width),
    top: place(focus[1] * master.height, span.height, master.height),
    ...span,
  };
}

/** imgix, and Cloudflare's box-centre mode: centred on the point, clamped at the edges. */
const centred = (point: number, span: number, extent: number) =>
  Math.min(extent - span, Math.max(0, point - span / 2));
/** Cloudflare's default: the cut-away remainder shared out in the focal point's proportion. */
const remainder = (point: number, span: number, extent: number) =>
  (extent - span) * (point / extent);

for (const cdn of CDNS) {
  describe(`${cdn.provider}: every candidate`, () => {
    const image = imageFor(cdn);
    const masters = new Set(imageFiles(image).map((path) => `${SITE.pathPrefix}${path}`));

    it("reads by the documented grammar, at its descriptor's width and its source's format", () => {
      for (const format of ["avif", "webp", "jpeg"] as const) {
        const widths = image.variants[format].map((candidate) => candidate.width);
        assert.deepEqual(widths, [400, 800, 1200, 1600], "the widths sharp would make");
        for (const candidate of image.variants[format]) {
          const request = read(cdn, imageSrc(SITE, candidate));
          assert.equal(request.width, candidate.width, "the width the descriptor claims");
          assert.equal(request.height, undefined, "the master's aspect ratio is kept");
          assert.equal(formatName(request.format), format);
          assert.ok(masters.has(request.source), `${request.source} is a published master`);
        }
      }
    });

    it("asks for each crop at its exact size, from a published master under PATH_PREFIX", () => {
      const sizes = Object.values(image.crops).map((crop) => [crop.width, crop.height]);
      assert.deepEqual(sizes, [
        [1200, 675],
        [1200, 900],
        [1200, 1200],
        [1200, 630],
      ]);
      for (const crop of Object.values(image.crops)) {
        const request = read(cdn, imageUrl(SITE, crop));
        assert.deepEqual([request.width, request.height], [crop.width, crop.height]);
        assert.equal(formatName(request.format), "jpeg", "crops are JPEG for every scraper");
        assert.ok(masters.has(request.source), `${request.source} is a published master`);
        assert.ok(request.source.startsWith("/news/media/"), "under PATH_PREFIX");
      }
    });

    it("gives absolute URLs for Open Graph, JSON-LD and feeds", () => {
      const url = imageUrl(SITE, image.crops.social);
      const expected = cdn.provider === "imgix" ? `https://${IMGIX_DOMAIN}/` : `${SITE.origin}/`;
      assert.ok(url.startsWith(expected), url);
    });

    it("keeps the focal point inside every crop", () => {
      for (const [name, crop] of Object.entries(image.crops)) {
        const request = read(cdn, imageSrc(SITE, crop));
        if (cdn.provider === "netlify") {
          // No focal point at Netlify: the master is pre-cut around it, and asked for whole.
          assert.equal(request.focus, undefined);
          assert.equal(request.fit, "cover");
          assert.notEqual(request.source, `${SITE.pathPrefix}${image.masters?.[0]?.path}`, name);
          continue;
        }
        assert.deepEqual(request.focus, FOCUS, `${name} names the focal point`);
        const master = { width: 2560, height: 1707 };
        for (const place of cdn.provider === "imgix" ? [centred] : [centred, remainder]) {
          const box = cropBox(master, request, place);
          const [x, y] = [FOCUS[0] * master.width, FOCUS[1] * master.height];
          assert.ok(x >= box.left && x <= box.left + box.width, `${name}: x inside`);
          assert.ok(y >= box.top && y <= box.top + box.height, `${name}: y inside`);
        }
      }
    });

    it("publishes the masters and nothing else", () => {
      const expected =
        cdn.provider === "netlify"
          ? [
              "media/photo-0123456789-master.jpg",
              "media/photo-1111111111-16x9.jpg",
              "media/photo-2222222222-4x3.jpg",
              "media/photo-3333333333-1x1.jpg",
              "media/photo-4444444444-social.jpg",
            ]
          : ["media/photo-0123456789-master.jpg"];
      assert.deepEqual(imageFiles(image), expected);
    });
  });
}

describe("the URL builders and their parser", () => {
  const rendition = (cdn: ImageCdn, extra: Partial<CdnRendition> = {}): CdnRendition => ({
    cdn,
    master: "media/photo-0123456789-master.jpg",
    width: 800,
    height: 533,
    format: "avif",
    quality: 58,
    ...extra,
  });

  it("write each provider's documented form", () => {
    const master = "/news/media/photo-0123456789-master.jpg";
    assert.equal(
      renditionUrl(rendition({ provider: "netlify" }), master),
      "/.netlify/images?url=/news/media/photo-0123456789-master.jpg&w=800&fm=avif&q=58",
    );
    assert.equal(
      renditionUrl(rendition({ provider: "cloudflare" }), master),
      "/cdn-cgi/image/width=800,format=avif,quality=58/news/media/photo-0123456789-master.jpg",
    );
    assert.equal(
      renditionUrl(rendition({ provider: "imgix", domain: IMGIX_DOMAIN }), master),
      "https://broadsheet.imgix.net/news/media/photo-0123456789-master.jpg?w=800&fm=avif&q=58",
    );
    const crop = { width: 1200, height: 630, format: "jpeg", quality: 80 } as const;
    assert.equal(
      renditionUrl(
        rendition({ provider: "cloudflare" }, { ...crop, crop: { focus: [0.5, 0.35] } }),
        master,
      ),
      "/cdn-cgi/image/width=1200,height=630,fit=cover,gravity=0.5x0.35,format=jpeg,quality=80/news/media/photo-0123456789-master.jpg",
    );
    assert.equal(
      renditionUrl(
        rendition(
          { provider: "imgix", domain: IMGIX_DOMAIN },
          { ...crop, crop: { focus: [0, 1] } },
        ),
        master,
      ),
      "https://broadsheet.imgix.net/news/media/photo-0123456789-master.jpg?w=1200&h=630&fit=crop&crop=focalpoint&fp-x=0&fp-y=1&fm=jpg&q=80",
    );
  });

  it("read back exactly what was written, and nothing malformed", () => {
    const master = "/media/photo-0123456789-master.jpg";
    for (const cdn of CDNS) {
      const focus = cdn.provider === "netlify" ? {} : { focus: [0.25, 0.75] as const };
      const crop = rendition(cdn, { width: 1200, height: 675, format: "jpeg", crop: focus });
      for (const each of [rendition(cdn), crop]) {
        const url = renditionUrl(each, master);
        const query = parseRenditionUrl(cdn, url);
        assert.ok(query, url);
        assert.equal(query.master, master);
        assert.equal(query.width, each.width);
        assert.equal(query.format, each.format);
        assert.equal(query.quality, each.quality);
        // Each mangling of a valid URL must be refused.
        for (const broken of [
          url.replace(`=${each.width}`, `=${each.width}O`),
          url.replace(/(q|quality)=58/, "$1=101"),
          url.replace("/media/", "/media/../"),
          `${url}${url.includes("?") ? "&" : "?"}x=1`,
          url.replace(/(fm|format)=(avif|jpg|jpeg)/, "$1=tiff"),
        ]) {
          assert.notEqual(broken, url, "the mangling changed the URL");
          assert.equal(parseRenditionUrl(cdn, broken), undefined, `refused: ${broken}`);
        }
      }
    }
  });

  it("refuse a master path they could not carry unescaped", () => {
    assert.throws(() => renditionUrl(rendition({ provider: "netlify" }), "/media/a b.jpg"));
    assert.throws(() => renditionUrl(rendition({ provider: "cloudflare" }), "/media/a?b.jpg"));
  });
});
