/**
 * Netlify's image CDN end to end (issue 15): the seed built with `IMAGE_CDN=netlify` and served
 * with `/.netlify/images` answered by a real transform server (ipx, tests/helpers/
 * netlify-images.ts), under the site's own Content-Security-Policy. At a phone and a desktop
 * viewport, Chromium must pick an AVIF candidate of the width the slot needs, fetch it from the
 * CDN endpoint, and decode an image of exactly that width; nothing fails, nothing leaves the
 * origin.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Response } from "playwright-core";
import sharp from "sharp";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { runBuild } from "../helpers/build.ts";
import { readNetlify } from "../helpers/cdn-grammar.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { serveWithNetlifyImages } from "../helpers/netlify-images.ts";
import type { StaticServer } from "../helpers/static-server.ts";
import {
  ARTICLE_PATH,
  contentSecurityPolicy,
  foreignRequests,
  type OpenedPage,
  openPage,
  VIEWPORTS,
} from "./harness.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;

describe("the Netlify image CDN in a real browser", { skip: SKIP, timeout: 180_000 }, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let csp: string | undefined;

  before(async () => {
    if (!BROWSER) throw new Error(MISSING_BROWSER);
    site = createFixtureSite({ seed: true });
    const run = runBuild(site.root, { IMAGE_CDN: "netlify" });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const dir = path.join(site.root, "_site");
    csp = contentSecurityPolicy(dir);
    server = await serveWithNetlifyImages(dir);
    browser = await launchBrowser(BROWSER);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  for (const viewport of VIEWPORTS) {
    describe(`the article at ${viewport.width} px`, () => {
      let opened: OpenedPage | undefined;
      before(async () => {
        assert.ok(browser && server);
        opened = await openPage(browser, server.origin + ARTICLE_PATH, viewport, { csp });
      });
      after(() => opened?.close());

      it("picks, fetches and decodes an AVIF of the width each lead image's slot needs", async () => {
        assert.ok(opened && server);
        const { page } = opened;
        const images = page.locator(".video-frame picture img, .lead-figure picture img");
        assert.equal(await images.count(), 2, "the video thumbnail and the lead photo");
        for (const image of await images.all()) {
          await image.scrollIntoViewIfNeeded();
          await page.waitForFunction(
            (element) => (element as HTMLImageElement).complete,
            await image.elementHandle(),
          );
          const shown = await image.evaluate(async (element) => {
            const img = element as HTMLImageElement;
            await img.decode();
            return {
              currentSrc: img.currentSrc,
              naturalWidth: img.naturalWidth,
              cssWidth: img.getBoundingClientRect().width,
              dpr: window.devicePixelRatio,
            };
          });
          const request = readNetlify(shown.currentSrc, server.origin);
          assert.equal(request.format, "avif", `the AVIF candidate: ${shown.currentSrc}`);
          // With w descriptors naturalWidth is density-corrected (the slot's CSS width), so the
          // file's own width is read from the bytes the browser received, below.
          assert.ok(shown.naturalWidth > 0, "decoded");
          const needed = shown.cssWidth * shown.dpr;
          assert.ok(
            (request.width ?? 0) >= needed || request.width === 1600,
            `${request.width} px is blurry in a slot of ${needed} px`,
          );
          assert.ok((request.width ?? 0) <= 1.5 * needed, `${request.width} px for ${needed} px`);
          const response: Response | undefined = opened.responses.find(
            (each) => each.url() === shown.currentSrc,
          );
          assert.ok(response, "the browser fetched it");
          assert.equal(response.status(), 200);
          assert.equal(response.headers()["content-type"], "image/avif");
          const body: Buffer = await response.body();
          const { width } = await sharp(body).metadata();
          assert.equal(width, request.width, "the transform server made that width");
        }
      });

      it("fetches every image through /.netlify/images, nothing fails, nothing leaves the origin", () => {
        assert.ok(opened && server);
        const media = opened.requests.filter((url) => new URL(url).pathname.startsWith("/media/"));
        assert.deepEqual(media, [], "no master is fetched directly by the page");
        assert.ok(opened.requests.some((url) => url.includes("/.netlify/images?url=")));
        assert.deepEqual(opened.failures, []);
        assert.deepEqual(opened.consoleErrors, []);
        assert.deepEqual(foreignRequests(opened.requests, server.origin), []);
      });
    });
  }

  it("serves the social card at 1200 x 630 from its pre-cut master", async () => {
    assert.ok(browser && server);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.origin + ARTICLE_PATH);
      const og = await page.getAttribute('meta[property="og:image"]', "content");
      assert.ok(og);
      // og:image is absolute on the live origin: ask the local server for the same path.
      const local = server.origin + og.slice(new URL(og).origin.length);
      const response = await context.request.get(local);
      assert.equal(response.status(), 200);
      const meta = await sharp(await response.body()).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", 1200, 630]);
    } finally {
      await context.close();
    }
  });
});
