/**
 * The site in a real browser (issue #6): one fixture build, one server, one Chromium, pages
 * visited one after another. Every page at a phone and a desktop viewport: axe (WCAG 2.1 A and
 * AA), console errors, failed and third-party requests, sideways scrolling, layout shift, a
 * screenshot, the skip link and the tab order. Then the article's images, LCP and video facade,
 * search by keyboard, and byte budgets.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";
import {
  ARTICLE_PATH,
  AXE_TAGS,
  buildFixtureSite,
  contentSecurityPolicy,
  DESKTOP,
  FIRST_SCREEN_PATHS,
  foreignRequests,
  layoutShift,
  lcpElement,
  type OpenedPage,
  openPage,
  PAGES,
  PHONE,
  PLAYER_ORIGIN,
  PLAYER_URL,
  SCREENSHOT_DIR,
  settle,
  VIDEO_TITLE,
  VIEWPORTS,
  type Viewport,
} from "./harness.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;
const KB = 1024;

describe("the browser for these tests", () => {
  // On a developer's machine a missing browser skips the suite; in CI it must fail the run.
  it("is installed (required when CI=true)", {
    skip: process.env.CI === "true" ? false : SKIP,
  }, () => {
    assert.ok(BROWSER, MISSING_BROWSER);
  });
});

/** One line per axe violation and node, for the assertion message. */
function describeViolations(violations: readonly Result[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .map(
            (node) =>
              `    ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ")}`,
          )
          .join("\n"),
    )
    .join("\n");
}

/** What the focused element is, where it sits in document order, and how its focus shows. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const ring =
      (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== "none";
    const rect = element.getBoundingClientRect();
    return {
      order: Array.prototype.indexOf.call(document.getElementsByTagName("*"), element) as number,
      label: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
      isSkipLink: element.matches("a.skip-link"),
      isMain: element.matches("main#main"),
      ring,
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      viewport: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

/** A PNG's width in pixels, read from its IHDR chunk. */
function pngWidth(file: string): number {
  return readFileSync(file).readUInt32BE(16);
}

describe("the site in a real browser", { skip: SKIP, timeout: 240_000 }, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let csp: string | undefined;

  const origin = () => server?.origin ?? "";
  const chromium = (): Browser => {
    assert.ok(browser, "the browser did not start");
    return browser;
  };

  before(async () => {
    if (!BROWSER) throw new Error(MISSING_BROWSER);
    site = await buildFixtureSite();
    const dir = path.join(site.root, "_site");
    csp = contentSecurityPolicy(dir);
    server = await serveStatic(dir);
    browser = await launchBrowser(BROWSER);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  it("runs the pages under the Content-Security-Policy the build writes", () => {
    assert.match(csp ?? "", /default-src 'self'/, "no CSP found in _site/_headers");
  });

  for (const sitePage of PAGES) {
    for (const viewport of VIEWPORTS) {
      describe(`${sitePage.name} page at ${viewport.width} px`, () => {
        let opened: OpenedPage | undefined;
        const current = (): OpenedPage => {
          assert.ok(opened, "the page did not open");
          return opened;
        };

        before(async () => {
          opened = await openPage(chromium(), origin() + sitePage.path, viewport, {
            csp,
            expectedStatus: sitePage.status,
            holdImagesUntilPaint: true,
          });
        });
        after(() => opened?.close());

        it(`answers ${sitePage.status}`, () => {
          assert.equal(current().status, sitePage.status);
        });

        it("shifts no layout while loading (CLS below 0.01)", async () => {
          const { total, shifts } = await layoutShift(current().page);
          assert.ok(
            total < 0.01,
            `CLS ${total.toFixed(4)}:\n${shifts.map((shift) => `  ${shift.value.toFixed(4)} ${shift.sources.join(", ")}`).join("\n")}`,
          );
        });

        it("never scrolls sideways", async () => {
          const { scrollWidth, clientWidth, wide } = await current().page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            // Not innerWidth: on a phone the layout viewport grows to fit content that is too wide.
            clientWidth: document.documentElement.clientWidth,
            // The elements that stick out, to say what to fix.
            wide: [...document.querySelectorAll("body *")]
              .filter(
                (element) =>
                  element.getBoundingClientRect().right >
                  document.documentElement.clientWidth + 0.5,
              )
              .slice(0, 5)
              .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
          }));
          assert.ok(
            scrollWidth <= clientWidth && clientWidth <= viewport.width,
            `scrollWidth ${scrollWidth} > width ${clientWidth}; too wide: ${wide.join(", ")}`,
          );
        });

        it("has no axe violations (WCAG 2.0 and 2.1, A and AA)", async () => {
          const results = await new AxeBuilder({ page: current().page })
            .withTags(AXE_TAGS)
            .analyze();
          assert.equal(
            results.violations.length,
            0,
            `axe violations:\n${describeViolations(results.violations)}`,
          );
        });

        it(`is saved as tests/output/screenshots/${sitePage.name}-${viewport.width}.png`, async () => {
          const file = path.join(SCREENSHOT_DIR, `${sitePage.name}-${viewport.width}.png`);
          await current().page.screenshot({ path: file, fullPage: true });
          const scale = viewport.options.deviceScaleFactor ?? 1;
          assert.equal(
            pngWidth(file),
            viewport.width * scale,
            "the full page is wider than the viewport",
          );
        });

        it("logs no console errors and no request fails", () => {
          const { consoleErrors, failures } = current();
          assert.deepEqual(consoleErrors, [], "console errors");
          assert.deepEqual(failures, [], "failed requests");
        });

        it("requests nothing from any host but the local server", () => {
          assert.deepEqual(foreignRequests(current().requests, origin()), []);
        });
        it("focuses a visible skip link on the first Tab, and it moves focus to #main", async () => {
          const { page } = current();
          await page.goto(origin() + sitePage.path, { waitUntil: "load" });
          await page.keyboard.press("Tab");
          const skip = await focusState(page);
          assert.ok(skip?.isSkipLink, `the first Tab focused ${skip?.label ?? "nothing"}`);
          const { box, viewport: view } = skip;
          assert.ok(
            box.width > 0 && box.height > 0,
            `the skip link has no size: ${JSON.stringify(box)}`,
          );
          assert.ok(
            box.x >= 0 &&
              box.y >= 0 &&
              box.x + box.width <= view.width &&
              box.y + box.height <= view.height,
            `the focused skip link is outside the viewport: ${JSON.stringify(box)}`,
          );
          assert.ok(skip.ring, "the focused skip link shows no focus ring");
          await page.keyboard.press("Enter");
          const target = await focusState(page);
          assert.ok(target?.isMain, `the skip link moved focus to ${target?.label ?? "nothing"}`);
        });

        it("tabs in document order, with a visible focus ring on every stop", async () => {
          const { page } = current();
          await page.goto(origin() + sitePage.path, { waitUntil: "load" });
          const stops: NonNullable<Awaited<ReturnType<typeof focusState>>>[] = [];
          for (let step = 0; step < 15; step++) {
            await page.keyboard.press("Tab");
            const state = await focusState(page);
            if (!state) break; // past the last link
            stops.push(state);
          }
          const trail = stops.map((stop) => `${stop.order} ${stop.label}`).join("\n  ");
          assert.ok(stops.length >= 8, `only ${stops.length} Tab stops:\n  ${trail}`);
          for (let index = 1; index < stops.length; index++) {
            assert.ok(
              (stops[index]?.order ?? 0) > (stops[index - 1]?.order ?? 0),
              `Tab stop ${index + 1} comes before the one preceding it in the document:\n  ${trail}`,
            );
          }
          const ringless = stops.filter((stop) => !stop.ring).map((stop) => stop.label);
          assert.deepEqual(ringless, [], "focused without a visible focus ring");
        });
      });
    }
  }

  describe("the article page", () => {
    for (const viewport of VIEWPORTS) {
      describe(`at ${viewport.width} px`, () => {
        let opened: OpenedPage | undefined;
        before(async () => {
          opened = await openPage(chromium(), origin() + ARTICLE_PATH, viewport, { csp });
        });
        after(() => opened?.close());

        it("has the lead media (the video's thumbnail) as its largest contentful paint", async () => {
          assert.ok(opened);
          const lcp = await lcpElement(opened.page, "article.story picture img");
          assert.ok(lcp.matches, `the LCP element is ${lcp.element} (${lcp.size} px²)`);
          assert.ok(
            await opened.page.evaluate(
              () =>
                document.querySelector("article.story picture img") ===
                document.querySelector(".video-frame picture img"),
            ),
            "the first media on the page is not the video's thumbnail",
          );
        });

        it("loads AVIF lead images no wider than 1.5 times the pixels they fill", async () => {
          assert.ok(opened);
          const { page } = opened;
          const images = page.locator(".video-frame picture img, .lead-figure picture img");
          assert.equal(await images.count(), 2, "expected the video thumbnail and the lead photo");
          for (const image of await images.all()) {
            await image.scrollIntoViewIfNeeded();
            await page.waitForFunction(
              (element) =>
                (element as HTMLImageElement).complete &&
                (element as HTMLImageElement).naturalWidth > 0,
              await image.elementHandle(),
            );
            const shown = await image.evaluate((element) => {
              const img = element as HTMLImageElement;
              return {
                currentSrc: img.currentSrc,
                naturalWidth: img.naturalWidth,
                cssWidth: img.getBoundingClientRect().width,
                dpr: window.devicePixelRatio,
                widths: [
                  ...(img.parentElement?.querySelectorAll("source[type='image/avif']") ?? []),
                ]
                  .flatMap((source) => (source.getAttribute("srcset") ?? "").split(","))
                  .map((candidate) => Number.parseInt(candidate.trim().split(/\s+/)[1] ?? "", 10)),
              };
            });
            assert.match(shown.currentSrc, /\.avif$/, `not AVIF: ${shown.currentSrc}`);
            const fileWidth = Number(
              /-(\d+)\.avif$/.exec(shown.currentSrc)?.[1] ?? shown.naturalWidth,
            );
            const needed = shown.cssWidth * shown.dpr;
            assert.ok(
              fileWidth <= 1.5 * needed,
              `${shown.currentSrc}: ${fileWidth} px wide for a slot of ${needed} px (${shown.cssWidth} CSS px x ${shown.dpr})`,
            );
            // Nor too narrow: a smaller file than the slot needs only when none is larger.
            assert.ok(
              fileWidth >= needed || fileWidth === Math.max(...shown.widths),
              `${shown.currentSrc}: ${fileWidth} px is blurry in a slot of ${needed} px`,
            );
          }
        });
      });
    }

    const playerRoute = async (page: Page): Promise<void> => {
      await page.route(`${PLAYER_ORIGIN}/**`, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: "<!doctype html><title>Player</title>",
        }),
      );
    };

    const presses: readonly [string, (page: Page) => Promise<void>][] = [
      ["a click", (page) => page.click("a.video-play")],
      [
        "Enter",
        async (page) => {
          await page.focus("a.video-play");
          await page.keyboard.press("Enter");
        },
      ],
      [
        "Space",
        async (page) => {
          await page.focus("a.video-play");
          await page.keyboard.press("Space");
        },
      ],
    ];

    for (const [how, press] of presses) {
      it(`plays the video on ${how}: the player's iframe, titled and focused, and only then a request to Brightcove`, async () => {
        const opened = await openPage(chromium(), origin() + ARTICLE_PATH, DESKTOP, {
          csp,
          prepare: playerRoute,
        });
        try {
          const { page, requests } = opened;
          assert.deepEqual(foreignRequests(requests, origin()), [], "before play");
          assert.equal(await page.getAttribute("a.video-play", "role"), "button");
          const before = requests.length;
          const player = page.waitForRequest((request) => request.url().startsWith(PLAYER_ORIGIN));
          await press(page);
          await player;
          await page.waitForSelector(".video-frame iframe");
          const state = await page.evaluate(() => {
            const iframe = document.querySelector(".video-frame iframe");
            return {
              src: iframe?.getAttribute("src"),
              title: iframe?.getAttribute("title"),
              focused: iframe !== null && document.activeElement === iframe,
              facade: document.querySelectorAll(".video-frame a.video-play").length,
            };
          });
          assert.equal(state.src, PLAYER_URL);
          assert.equal(state.title, VIDEO_TITLE);
          assert.ok(state.focused, "focus did not move to the player");
          assert.equal(state.facade, 0, "the play button is still there");
          await settle(page);
          const after = foreignRequests(requests.slice(before), origin());
          assert.ok(after.length > 0, "no request to the player");
          assert.deepEqual(
            after.filter((url) => new URL(url).origin !== PLAYER_ORIGIN),
            [],
            "requests to other hosts",
          );
          assert.deepEqual(opened.consoleErrors, [], "console errors");
          assert.deepEqual(opened.failures, [], "failed requests");
        } finally {
          await opened.close();
        }
      });
    }

    it("has no axe violations in dark mode either", async () => {
      const opened = await openPage(chromium(), origin() + ARTICLE_PATH, PHONE, {
        csp,
        contextOptions: { colorScheme: "dark" },
      });
      try {
        const results = await new AxeBuilder({ page: opened.page }).withTags(AXE_TAGS).analyze();
        assert.equal(
          results.violations.length,
          0,
          `axe violations in dark mode:\n${describeViolations(results.violations)}`,
        );
      } finally {
        await opened.close();
      }
    });

    it("without JavaScript, offers the play control as a link to the player", async () => {
      const opened = await openPage(chromium(), origin() + ARTICLE_PATH, PHONE, {
        csp,
        contextOptions: { javaScriptEnabled: false },
      });
      try {
        const link = opened.page.locator(".video-frame a.video-play");
        assert.equal(await link.count(), 1);
        assert.equal(await link.getAttribute("href"), PLAYER_URL);
        assert.equal(await link.getAttribute("role"), null, "a link, not a button, without script");
        assert.ok(await link.isVisible(), "the link is hidden");
        assert.equal(await opened.page.locator(".video-frame iframe").count(), 0);
        assert.deepEqual(foreignRequests(opened.requests, origin()), []);
      } finally {
        await opened.close();
      }
    });
  });

  describe("search", () => {
    const firstResults = (page: Page) =>
      page.$$eval("#search-results a", (links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );

    it("lists the seed article for a word from its body (Rodong), typed and entered", async () => {
      const opened = await openPage(chromium(), `${origin()}/search/`, DESKTOP, { csp });
      try {
        const { page } = opened;
        await page.click("#search-query");
        await page.keyboard.type("Rodong");
        await page.keyboard.press("Enter");
        await page.waitForSelector("#search-results a");
        assert.ok((await firstResults(page)).includes(ARTICLE_PATH), "the seed is not listed");
        assert.match((await page.textContent("#search-status")) ?? "", /found for “Rodong”/);
        // The seed's result: its section and date, and its text where the word is, not its
        // headline again nor its video's title.
        const seed = await page.$$eval("#search-results li", (items) =>
          items
            .map((item) => ({
              href: new URL(item.querySelector("a")?.href ?? "").pathname,
              meta: item.querySelector(".search-meta")?.textContent ?? "",
              datetime: item.querySelector(".search-meta time")?.getAttribute("datetime"),
              excerpt: item.querySelector("p:last-child")?.textContent ?? "",
            }))
            .find((result) => result.href.includes("north-koreas-kim-jong-un")),
        );
        assert.ok(seed, "the seed's result is missing");
        assert.equal(seed.meta, "Asia23 June 2019");
        assert.equal(seed.datetime, "2019-06-23T11:05:00+08:00");
        assert.match(seed.excerpt, /Rodong Sinmun/);
        assert.doesNotMatch(seed.excerpt, /receives personal letter|Pompeo hopes/);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        assert.equal(
          results.violations.length,
          0,
          `axe violations with results listed:\n${describeViolations(results.violations)}`,
        );
        await settle(page);
        assert.deepEqual(opened.consoleErrors, [], "console errors");
        assert.deepEqual(opened.failures, [], "failed requests");
        assert.deepEqual(foreignRequests(opened.requests, origin()), []);
      } finally {
        await opened.close();
      }
    });

    it("works with the keyboard alone: skip link, field, type Dongguk, Enter, Tab to the result", async () => {
      const opened = await openPage(chromium(), `${origin()}/search/`, PHONE, { csp });
      try {
        const { page } = opened;
        await page.keyboard.press("Tab");
        assert.ok((await focusState(page))?.isSkipLink, "the first Tab missed the skip link");
        await page.keyboard.press("Enter");
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.id), "search-query");
        await page.keyboard.type("Dongguk");
        await page.keyboard.press("Enter");
        await page.waitForSelector("#search-results a");
        assert.deepEqual(await firstResults(page), [ARTICLE_PATH]);
        let onResult = false;
        for (let step = 0; step < 3 && !onResult; step++) {
          await page.keyboard.press("Tab");
          onResult = await page.evaluate(
            () => document.activeElement === document.querySelector("#search-results a"),
          );
        }
        assert.ok(onResult, "Tab did not reach the first result within three presses");
        const focused = await page.evaluate(
          () => new URL((document.activeElement as HTMLAnchorElement).href).pathname,
        );
        assert.equal(focused, ARTICLE_PATH);
      } finally {
        await opened.close();
      }
    });
  });

  describe("the design on a phone", () => {
    const NARROW: Viewport = {
      width: 320,
      options: {
        viewport: { width: 320, height: 640 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    };

    for (const [kind, articlePath] of Object.entries(FIRST_SCREEN_PATHS)) {
      it(`shows the story's first words on the first screen at 375 x 812: ${kind}`, async () => {
        const opened = await openPage(chromium(), origin() + articlePath, PHONE, { csp });
        try {
          const first = await opened.page.evaluate(() => {
            const paragraph = document.querySelector(".story-body p");
            const rect = paragraph?.getBoundingClientRect();
            return rect
              ? { top: rect.top, text: paragraph?.textContent?.slice(0, 40) ?? "" }
              : null;
          });
          assert.ok(first, "no paragraph in the story's body");
          assert.ok(
            first.top + 24 < 812,
            `the first paragraph ("${first.text}") starts at ${first.top} px`,
          );
          // The media that made room is still there, after the first paragraph if need be.
          const media = await opened.page.locator(".story .lead-figure, .story .video").count();
          assert.equal(media > 0, kind !== "no media", `${media} lead media`);
        } finally {
          await opened.close();
        }
      });
    }

    for (const pagePath of [
      "/",
      ARTICLE_PATH,
      "/asia/",
      "/search/",
      "/no-such-section/no-such-story/",
    ]) {
      it(`never scrolls sideways at 320 px: ${pagePath}`, async () => {
        const opened = await openPage(chromium(), origin() + pagePath, NARROW, {
          csp,
          expectedStatus: pagePath.startsWith("/no-such") ? 404 : 200,
        });
        try {
          const { scrollWidth, clientWidth } = await opened.page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          assert.ok(
            scrollWidth <= clientWidth && clientWidth <= 320,
            `${scrollWidth} > ${clientWidth}`,
          );
        } finally {
          await opened.close();
        }
      });
    }

    it("draws headlines and text in the preloaded serif, the fallback in place until it is there", async () => {
      const opened = await openPage(chromium(), origin() + ARTICLE_PATH, PHONE, { csp });
      try {
        const { page } = opened;
        const serif = await page.evaluate(() => {
          const faces = [...document.fonts].filter((face) => face.family.includes("Newsreader"));
          return {
            loaded: faces.filter((face) => face.status === "loaded").length,
            stack: getComputedStyle(document.querySelector("h1") as Element).fontFamily,
          };
        });
        assert.ok(serif.loaded > 0, "Newsreader did not load");
        assert.match(serif.stack, /^"?Newsreader"?, "?Newsreader fallback"?/);
      } finally {
        await opened.close();
      }
    });

    it("moves nothing when the web fonts arrive late", async () => {
      const fonts: string[] = [];
      const opened = await openPage(chromium(), origin() + ARTICLE_PATH, PHONE, {
        csp,
        holdImagesUntilPaint: true,
        // Every font answers 1.5 s late, long after the text has painted in the fallback faces.
        prepare: async (page) => {
          await page.route("**/*.woff2", async (route) => {
            fonts.push(new URL(route.request().url()).pathname);
            await new Promise((resolve) => setTimeout(resolve, 1_500));
            return route.fallback();
          });
        },
      });
      try {
        const { page } = opened;
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(300);
        assert.ok(fonts.length > 0, "no font was requested");
        const { total, shifts } = await layoutShift(page);
        assert.ok(
          total < 0.01,
          `CLS ${total.toFixed(4)} after the fonts came:\n${shifts.map((shift) => `  ${shift.value.toFixed(4)} ${shift.sources.join(", ")}`).join("\n")}`,
        );
        assert.deepEqual(opened.failures, []);
      } finally {
        await opened.close();
      }
    });

    it("serves the icons and the manifest the page names, favicon.ico as a PNG-in-ICO", async () => {
      const opened = await openPage(chromium(), origin() + ARTICLE_PATH, DESKTOP, { csp });
      try {
        const { page } = opened;
        const links = await page.$$eval(
          "link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]",
          (elements) =>
            elements.map((element) => ({
              rel: element.getAttribute("rel"),
              href: (element as HTMLLinkElement).href,
            })),
        );
        const rels = links.map((link) => link.rel);
        for (const rel of ["icon", "apple-touch-icon", "manifest"])
          assert.ok(rels.includes(rel), `no ${rel} link`);
        const ico = await page.request.get(`${origin()}/favicon.ico`);
        assert.equal(ico.status(), 200);
        const bytes = await ico.body();
        assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0], "not an ICO header");
        assert.ok(bytes.readUInt16LE(4) >= 1, "an ICO without images");
        const firstImage = bytes.readUInt32LE(6 + 12);
        assert.equal(bytes.subarray(firstImage + 1, firstImage + 4).toString("latin1"), "PNG");
        const apple = links.find((link) => link.rel === "apple-touch-icon");
        const appleResponse = await page.request.get(apple?.href ?? "");
        assert.equal(appleResponse.headers()["content-type"], "image/png");
        const appleBytes = await appleResponse.body();
        assert.equal(appleBytes.readUInt32BE(16), 180, "the Apple touch icon is not 180 px wide");
        const manifestLink = links.find((link) => link.rel === "manifest");
        const manifest = (await (await page.request.get(manifestLink?.href ?? "")).json()) as {
          name: string;
          theme_color: string;
          background_color: string;
          icons: { src: string; sizes: string }[];
        };
        // The site's name, as every page's title ends ("Headline | Site").
        const siteName = (await page.title()).split(" | ").at(-1);
        assert.equal(manifest.name, siteName);
        assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
        assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
        for (const icon of manifest.icons) {
          const response = await page.request.get(new URL(icon.src, manifestLink?.href).href);
          assert.equal(response.status(), 200, `${icon.src} is not served`);
        }
        assert.deepEqual(manifest.icons.map((icon) => icon.sizes).sort(), ["192x192", "512x512"]);
      } finally {
        await opened.close();
      }
    });
  });

  describe("byte budgets of the article before interaction, at 375 px", () => {
    interface Measured {
      html: number;
      css: number;
      js: number;
      total: number;
      files: string[];
    }
    let measured: Measured | undefined;
    const figures = (): Measured => {
      assert.ok(measured, "the page was not measured");
      return measured;
    };

    before(async () => {
      const opened = await openPage(chromium(), origin() + ARTICLE_PATH, PHONE, { csp });
      try {
        const result: Measured = { html: 0, css: 0, js: 0, total: 0, files: [] };
        for (const response of opened.responses) {
          if (response.status() >= 300 && response.status() < 400) continue;
          const body = await response.body();
          const type = response.request().resourceType();
          const zipped = gzipSync(body).byteLength;
          if (type === "document") result.html += zipped;
          if (type === "stylesheet") result.css += zipped;
          if (type === "script") result.js += zipped;
          result.total += body.byteLength;
          result.files.push(`${body.byteLength} ${new URL(response.url()).pathname}`);
        }
        measured = result;
      } finally {
        await opened.close();
      }
    });

    const budget = (name: string, key: "html" | "css" | "js" | "total", limit: number) =>
      it(`${name} at most ${limit / KB} KB`, (t) => {
        const { [key]: bytes, files } = figures();
        t.diagnostic(`${name}: ${bytes} bytes (${(bytes / KB).toFixed(1)} KB)`);
        assert.ok(
          bytes <= limit,
          `${name} is ${bytes} bytes, over ${limit}:\n  ${files.join("\n  ")}`,
        );
      });

    budget("HTML, gzipped,", "html", 25 * KB);
    budget("CSS, gzipped,", "css", 10 * KB);
    budget("JavaScript, gzipped,", "js", 2 * KB);
    budget("all bytes loaded", "total", 150 * KB);
  });
});
