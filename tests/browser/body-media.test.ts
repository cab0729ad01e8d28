/**
 * Body media in a real browser (issue 12), the site served as a host serves it, `_headers`
 * applied (each page its own Content-Security-Policy): the story with every kind of body media
 * is axe-clean, shifts nothing while it loads and is scrolled, and asks nothing of another host;
 * the gallery opens larger by keyboard without moving the page, and without JavaScript links its
 * files; each embed's facade loads its provider's player only when pressed (by mouse, Enter or
 * Space), titled and focused, with no CSP violation, and without JavaScript is a link.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { MEDIA_PATH, writeMediaArticle } from "../helpers/body-media-article.ts";
import { runBuild } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";
import {
  AXE_TAGS,
  contentSecurityPolicy,
  DESKTOP,
  foreignRequests,
  layoutShift,
  type OpenedPage,
  openPage,
  PHONE,
  SCREENSHOT_DIR,
  settle,
  VIEWPORTS,
} from "./harness.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;

/** Keeps every Content-Security-Policy violation the page reports, before its own scripts run. */
const RECORD_VIOLATIONS = `(() => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(event.violatedDirective + " " + event.blockedURI);
  });
})();`;

const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/**
 * Stand-ins for the providers' players (and pages), which cannot be reached from here; every
 * address asked for is put in `served`.
 */
async function stubPlayers(page: Page, served: string[] = []): Promise<void> {
  for (const origin of [
    "https://www.youtube-nocookie.com",
    "https://platform.twitter.com",
    "https://open.spotify.com",
    "https://www.youtube.com",
  ]) {
    await page.route(`${origin}/**`, (route) => {
      served.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: "<!doctype html><html lang=en><title>Player</title><p>Player</p></html>",
      });
    });
  }
  await page.addInitScript(RECORD_VIOLATIONS);
}

describe("body media in a real browser", { skip: SKIP, timeout: 240_000 }, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const url = () => `${server?.origin ?? ""}${MEDIA_PATH}`;
  const chromium = (): Browser => {
    assert.ok(browser, "the browser did not start");
    return browser;
  };

  before(async () => {
    if (!BROWSER) throw new Error(MISSING_BROWSER);
    site = createFixtureSite({ seed: true });
    await writeMediaArticle(site);
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    // Served as a host serves it: every response with the headers `_headers` gives its path.
    server = await serveStatic(path.join(site.root, "_site"), "/", { headers: true });
    browser = await launchBrowser(BROWSER);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  it("serves the page under its own policy: the site's, with exactly its players' frames", async () => {
    const response = await fetch(url());
    const policy = response.headers.get("content-security-policy") ?? "";
    assert.match(
      policy,
      /frame-src https:\/\/players\.brightcove\.net https:\/\/www\.youtube-nocookie\.com https:\/\/platform\.twitter\.com https:\/\/open\.spotify\.com;/,
    );
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    const other = await fetch(`${server?.origin ?? ""}/`);
    assert.doesNotMatch(other.headers.get("content-security-policy") ?? "", /youtube/);
    const dir = path.join(site?.root ?? "", "_site");
    assert.equal(contentSecurityPolicy(dir, MEDIA_PATH), policy, "the harness reads the same");
    assert.equal(contentSecurityPolicy(dir), other.headers.get("content-security-policy"));
  });

  for (const viewport of VIEWPORTS) {
    describe(`the page at ${viewport.width} px`, () => {
      let opened: OpenedPage | undefined;
      before(async () => {
        opened = await openPage(chromium(), url(), viewport, {
          holdImagesUntilPaint: true,
          prepare: async (page) => {
            await page.addInitScript(RECORD_VIOLATIONS);
          },
        });
      });
      after(() => opened?.close());
      const current = (): OpenedPage => {
        assert.ok(opened, "the page did not open");
        return opened;
      };

      it("has no axe violations (WCAG 2.0 and 2.1, A and AA)", async () => {
        const results = await new AxeBuilder({ page: current().page }).withTags(AXE_TAGS).analyze();
        assert.deepEqual(
          results.violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
          ),
          [],
        );
      });

      it("shifts no layout while it loads and while it is scrolled through (CLS below 0.01)", async () => {
        const { page } = current();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y <= height; y += viewport.options.viewport?.height ?? 800) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(150);
        }
        await settle(page);
        const lazy = await page.$$eval(
          ".story-body picture img",
          (images) => images.filter((image) => !(image as HTMLImageElement).complete).length,
        );
        assert.equal(lazy, 0, "every body photo loaded on the way down");
        const { total, shifts } = await layoutShift(page);
        assert.ok(
          total < 0.01,
          `CLS ${total.toFixed(4)}:\n${shifts.map((shift) => `  ${shift.value.toFixed(4)} ${shift.sources.join(", ")}`).join("\n")}`,
        );
        await page.screenshot({
          path: path.join(SCREENSHOT_DIR, `body-media-${viewport.width}.png`),
          fullPage: true,
        });
      });

      it("shapes each facade for its kind: a video 16:9, a post a card, audio a strip, each with its provider's mark", async () => {
        const boxes = await current().page.evaluate(() =>
          Object.fromEntries(
            ["youtube", "x", "spotify"].map((provider) => {
              const frame = document.querySelector(`.embed-${provider} .embed-frame`);
              const rect = frame?.getBoundingClientRect();
              const mark = frame?.querySelector(".embed-icon rect");
              return [
                provider,
                {
                  width: rect?.width ?? 0,
                  height: rect?.height ?? 0,
                  column: frame?.closest(".story-body")?.getBoundingClientRect().width ?? 0,
                  markColour: mark ? getComputedStyle(mark).fill : "",
                  name: frame?.querySelector(".embed-provider")?.textContent,
                },
              ];
            }),
          ),
        );
        const { youtube, x, spotify } = boxes as Record<string, (typeof boxes)[string]>;
        assert.ok(youtube && x && spotify, JSON.stringify(boxes));
        assert.ok(
          Math.abs(youtube.width / youtube.height - 16 / 9) < 0.03,
          `video ${JSON.stringify(youtube)}`,
        );
        assert.ok(x.height >= 120 && x.height <= 260, `a post's facade is ${x.height} px tall`);
        assert.ok(x.width <= 551, `a post's facade is ${x.width} px wide`);
        assert.equal(spotify.height, 152);
        assert.equal(youtube.markColour, "rgb(224, 0, 0)");
        assert.equal(spotify.markColour, "rgb(19, 138, 63)");
        assert.deepEqual([youtube.name, x.name, spotify.name], ["YouTube", "X", "Spotify"]);
      });

      it("sets every gallery photo whole in a frame of one shape, a portrait upright and uncropped", async () => {
        const shapes = await current().page.$$eval(".gallery-grid picture img", (images) =>
          images.map((image) => {
            const frame = image.closest(".media-frame")?.getBoundingClientRect();
            const rect = image.getBoundingClientRect();
            return {
              src: (image as HTMLImageElement).currentSrc,
              fit: getComputedStyle(image).objectFit,
              filled: frame ? Math.abs(rect.height - frame.height) < 1 : false,
              frame: frame ? frame.height / frame.width : 0,
              natural:
                image.getAttribute("height") && image.getAttribute("width")
                  ? Number(image.getAttribute("height")) / Number(image.getAttribute("width"))
                  : 0,
            };
          }),
        );
        const portrait = shapes.find((shape) => shape.natural > 1.2);
        assert.ok(portrait, `no portrait photo in the gallery: ${JSON.stringify(shapes)}`);
        assert.ok(Math.abs(portrait.natural - 1067 / 800) < 0.02, JSON.stringify(portrait));
        for (const shape of shapes) {
          // The whole photo inside the frame (contain: never cropped), the frames all 4:3.
          assert.equal(shape.fit, "contain", `cropped: ${JSON.stringify(shape)}`);
          assert.ok(
            shape.filled,
            `the photo's box does not fill its frame: ${JSON.stringify(shape)}`,
          );
          assert.ok(
            Math.abs(shape.frame - 3 / 4) < 0.02,
            `the frame differs: ${JSON.stringify(shape)}`,
          );
        }
      });

      it("sets an upright body photo whole in a frame no taller than it is wide, landscape ones at full width", async () => {
        const figures = await current().page.$$eval(".body-figure", (list) =>
          list.map((figure) => {
            const image = figure.querySelector("picture img") as HTMLImageElement;
            const frame = figure.querySelector(".media-frame")?.getBoundingClientRect();
            const column = figure.getBoundingClientRect();
            const box = image.getBoundingClientRect();
            // The drawn picture inside the <img> box: object-fit: contain keeps it whole.
            const fit = getComputedStyle(image).objectFit;
            return {
              upright: Number(image.getAttribute("height")) > Number(image.getAttribute("width")),
              frame: frame ? { width: frame.width, height: frame.height } : null,
              column: column.width,
              box: { width: box.width, height: box.height },
              fit,
            };
          }),
        );
        const upright = figures.filter((figure) => figure.upright);
        assert.equal(upright.length, 1, JSON.stringify(figures));
        for (const figure of figures) {
          assert.ok(figure.frame, JSON.stringify(figure));
          assert.ok(Math.abs(figure.frame.width - figure.column) < 1, JSON.stringify(figure));
          if (figure.upright) {
            assert.ok(
              figure.frame.height <= figure.frame.width + 1,
              `towers: ${JSON.stringify(figure)}`,
            );
            assert.equal(figure.fit, "contain", "whole, not cropped");
            assert.ok(
              Math.abs(figure.box.height - figure.frame.height) < 1,
              JSON.stringify(figure),
            );
          } else {
            assert.notEqual(figure.fit, "contain");
          }
        }
      });

      it("asks nothing of another host, logs no error, breaks no policy", async () => {
        const { page, requests, consoleErrors, failures } = current();
        assert.deepEqual(foreignRequests(requests, server?.origin ?? ""), []);
        assert.deepEqual(consoleErrors, []);
        assert.deepEqual(failures, []);
        assert.deepEqual(await violations(page), []);
      });
    });
  }

  it("opens each gallery photo larger from the keyboard, without moving the page, and back", async () => {
    const opened = await openPage(chromium(), url(), DESKTOP, { prepare: stubPlayers });
    try {
      const { page } = opened;
      const link = page.locator("a.gallery-open").first();
      await link.scrollIntoViewIfNeeded();
      await settle(page);
      const layout = () =>
        page.evaluate(() => ({
          scroll: window.scrollY,
          height: document.documentElement.scrollHeight,
          grid: document.querySelector(".gallery-grid")?.getBoundingClientRect().toJSON(),
        }));
      const before = await layout();
      await link.focus();
      await page.keyboard.press("Enter");
      const viewer = page.locator("dialog.gallery-viewer");
      await viewer.waitFor({ state: "visible" });
      const shown = () =>
        page.evaluate(() => {
          const image = document.querySelector<HTMLImageElement>(
            ".gallery-viewer-stage picture img",
          );
          return {
            alt: image?.alt,
            box: image?.getBoundingClientRect().toJSON(),
            width: image?.naturalWidth ?? 0,
            caption: document.querySelector(".gallery-viewer-stage figcaption")?.textContent,
            count: document.querySelector(".gallery-viewer-count")?.textContent,
            inViewer: document.activeElement?.closest("dialog") !== null,
          };
        });
      const first = await shown();
      assert.equal(first.alt, "Sandbags stacked along a river bank");
      assert.equal(first.count, "Photo 1 of 3");
      assert.equal(first.caption, "Sandbags along the Ciliwung river.PHOTO: AFP");
      assert.ok(first.inViewer, "focus moved into the viewer");
      await page.waitForFunction(() => {
        const image = document.querySelector<HTMLImageElement>(".gallery-viewer-stage picture img");
        return image?.complete && image.naturalWidth > 0;
      });
      const loaded = await shown();
      assert.deepEqual(loaded.box, first.box, "the photo's box does not move as it loads");
      const thumbnail = await page.$eval(
        "a.gallery-open picture img",
        (image) => (image as HTMLImageElement).naturalWidth,
      );
      assert.ok(loaded.width > thumbnail, `larger: ${loaded.width} px against ${thumbnail} px`);
      assert.deepEqual(await layout(), before, "nothing on the page moved");

      await page.keyboard.press("ArrowRight");
      assert.equal((await shown()).alt, "A street under brown water between houses");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      assert.equal((await shown()).count, "Photo 3 of 3", "it wraps round");
      await page.locator("button[data-gallery-step='1']").focus();
      await page.keyboard.press("Enter");
      assert.equal((await shown()).count, "Photo 1 of 3", "the buttons answer the keyboard");

      await page.keyboard.press("Escape");
      await viewer.waitFor({ state: "hidden" });
      assert.ok(
        await page.evaluate(() => document.activeElement?.matches("a.gallery-open")),
        "focus returns to the photo",
      );
      assert.deepEqual(await layout(), before);
      assert.deepEqual(foreignRequests(opened.requests, server?.origin ?? ""), []);
      assert.deepEqual(opened.consoleErrors, []);
    } finally {
      await opened.close();
    }
  });

  it("without JavaScript, each gallery photo is a link to its largest JPEG", async () => {
    const opened = await openPage(chromium(), url(), PHONE, {
      contextOptions: { javaScriptEnabled: false },
    });
    try {
      const { page } = opened;
      const href = await page.getAttribute("a.gallery-open >> nth=1", "href");
      assert.match(href ?? "", /^\/media\/street-.+\.jpg$/);
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.click("a.gallery-open >> nth=1"),
      ]);
      assert.equal(response?.status(), 200);
      assert.equal(response?.headers()["content-type"], "image/jpeg");
    } finally {
      await opened.close();
    }
  });

  const embeds: readonly {
    provider: string;
    how: string;
    player: string;
    title: string;
    /** The Caption: line's text, shown before and after the player loads. */
    caption?: string;
    press: (page: Page, facade: string) => Promise<void>;
  }[] = [
    {
      provider: "youtube",
      how: "a click",
      player: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
      title: "YouTube video",
      caption: "Residents describe the night the Ciliwung rose.",
      press: (page, facade) => page.click(facade),
    },
    {
      provider: "x",
      how: "Enter",
      player: "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1234567890123456789",
      title: "Post on X",
      press: async (page, facade) => {
        await page.focus(facade);
        await page.keyboard.press("Enter");
      },
    },
    {
      provider: "spotify",
      how: "Space",
      player: "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk",
      title: "Spotify podcast episode",
      press: async (page, facade) => {
        await page.focus(facade);
        await page.keyboard.press("Space");
      },
    },
  ];

  for (const embed of embeds) {
    it(`loads the ${embed.provider} player on ${embed.how} only: titled, focused, allowed by the page's policy`, async () => {
      const served: string[] = [];
      const opened = await openPage(chromium(), url(), DESKTOP, {
        prepare: (page) => stubPlayers(page, served),
      });
      try {
        const { page, requests } = opened;
        const facade = `.embed-${embed.provider} a.embed-load`;
        assert.deepEqual(foreignRequests(requests, server?.origin ?? ""), [], "before pressing");
        assert.equal(await page.getAttribute(facade, "role"), "button");
        const caption = `.embed-${embed.provider} .embed-caption-text`;
        const captionShown = async () =>
          (await page.locator(caption).count()) > 0 && (await page.locator(caption).isVisible())
            ? (await page.locator(caption).textContent())?.trim()
            : undefined;
        assert.equal(await captionShown(), embed.caption, "the caption, before loading");
        const note = `.embed-${embed.provider} .embed-note`;
        assert.match((await page.textContent(note)) ?? "", /Pressing it loads/);
        const loaded = page.waitForRequest((request) => request.url() === embed.player);
        await embed.press(page, facade);
        await loaded;
        const frame = page.locator(`.embed-${embed.provider} iframe`);
        await frame.waitFor();
        await frame.contentFrame().locator("p").waitFor();
        await page.waitForTimeout(250);
        const state = await page.evaluate((provider) => {
          const iframe = document.querySelector(`.embed-${provider} iframe`);
          return {
            src: iframe?.getAttribute("src"),
            title: iframe?.getAttribute("title"),
            focused: iframe !== null && document.activeElement === iframe,
            facades: document.querySelectorAll(`.embed-${provider} a.embed-load`).length,
          };
        }, embed.provider);
        assert.equal(state.src, embed.player);
        assert.equal(state.title, embed.title);
        assert.ok(state.focused, "focus moved to the player");
        assert.equal(state.facades, 0);
        assert.equal(await captionShown(), embed.caption, "the caption, after loading");
        assert.equal(await page.locator(note).count(), 0, "the note on loading, once loaded");
        assert.deepEqual(served, [embed.player], "the player, and nothing else, was asked for");
        assert.equal(
          await frame.contentFrame().locator("p").textContent(),
          "Player",
          "the player's page is shown in the frame",
        );
        assert.deepEqual(await violations(page), [], "no Content-Security-Policy violation");
        assert.deepEqual(opened.consoleErrors, []);
        const others = foreignRequests(requests, server?.origin ?? "").filter(
          (request) => request !== embed.player,
        );
        assert.deepEqual(others, [], "no other host was asked for anything");
      } finally {
        await opened.close();
      }
    });
  }

  it("without JavaScript, each embed is a link to the original post, and nothing is loaded", async () => {
    const served: string[] = [];
    const opened = await openPage(chromium(), url(), PHONE, {
      contextOptions: { javaScriptEnabled: false },
      prepare: (page) => stubPlayers(page, served),
    });
    try {
      const { page } = opened;
      const links = await page.$$eval("a.embed-load", (anchors) =>
        anchors.map((anchor) => ({
          href: anchor.getAttribute("href"),
          role: anchor.getAttribute("role"),
        })),
      );
      assert.deepEqual(links, [
        { href: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", role: null },
        { href: "https://x.com/jakartapost/status/1234567890123456789", role: null },
        { href: "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", role: null },
      ]);
      assert.deepEqual(served, []);
      await Promise.all([page.waitForNavigation(), page.click(".embed-youtube a.embed-load")]);
      assert.equal(page.url(), "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
      assert.equal(await page.locator("iframe").count(), 0);
    } finally {
      await opened.close();
    }
  });
});
