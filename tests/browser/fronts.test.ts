/**
 * Fronts in Chromium (issue 21): the front page and Asia's front, driven by their files, at
 * 320, 375 and 1280 px, light and dark: axe (WCAG 2.1 A and AA), no layout shift, no sideways
 * scrolling, no failed request, focus in reading order with a visible ring. The breaking banner
 * on an article page, drawn by assets/js/breaking.js from /breaking.json after the page has
 * painted, shifts nothing, is reached by keyboard and dismissed with focus kept; once its
 * `until` has passed by the reader's clock, the script takes it down on the front page and
 * does not draw it on articles.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { runBuild } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite, SEED_SLUG } from "../helpers/fixture-site.ts";
import {
  ASIA_FRONT,
  HOME_FRONT,
  STORIES,
  writeFront,
  writeStories,
} from "../helpers/front-fixture.ts";
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
  type Viewport,
} from "./harness.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;

/** The banner stays up, by the reader's clock too, until this test's far future. */
const FRONT = HOME_FRONT.replace(
  "until: 2026-01-01T06:00:00+08:00",
  "until: 2099-01-01T00:00:00+08:00",
);
const ARTICLE = `/business/${STORIES.markets}/`;

const NARROW: Viewport = {
  width: 320,
  options: {
    viewport: { width: 320, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
};

const SCHEMES = ["light", "dark"] as const;

/** What is focused, its place in the document, whether its focus ring shows, and where it is. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
      order: Array.prototype.indexOf.call(document.getElementsByTagName("*"), element) as number,
      label: `${element.tagName.toLowerCase()}.${String(element.className)} "${(element.textContent ?? "").trim().slice(0, 30)}"`,
      href: element.getAttribute("href"),
      inBanner: element.closest(".breaking") !== null,
      container: element.closest(".front-container")?.className ?? null,
      ring: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0,
      visible: rect.width > 0 && rect.height > 0,
      isMain: element.matches("main#main"),
    };
  });
}

async function sideways(page: Page): Promise<string | undefined> {
  const { scrollWidth, clientWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter(
        (element) =>
          element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
      )
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));
  return scrollWidth > clientWidth
    ? `scrollWidth ${scrollWidth} > ${clientWidth}: ${wide.join(", ")}`
    : undefined;
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`,
    ),
  );
}

describe("fronts in a real browser", { skip: SKIP, timeout: 300_000 }, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let csp: string | undefined;
  const origin = () => server?.origin ?? "";
  const chromium = (): Browser => {
    assert.ok(browser, "the browser did not start");
    return browser;
  };
  const open = (
    urlPath: string,
    viewport: Viewport,
    extra: BrowserContextOptions = {},
    prepare?: (page: Page) => Promise<void>,
  ) =>
    openPage(chromium(), origin() + urlPath, viewport, {
      csp,
      holdImagesUntilPaint: true,
      contextOptions: extra,
      ...(prepare ? { prepare } : {}),
    });

  before(async () => {
    if (!BROWSER) throw new Error(MISSING_BROWSER);
    // The seed too: a story that opens with a video (the banner must not hide its play button).
    site = createFixtureSite({ seed: true });
    writeStories(site);
    writeFront(site, "home", FRONT);
    writeFront(site, "asia", ASIA_FRONT);
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr);
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

  for (const [name, urlPath] of [
    ["home", "/"],
    ["asia", "/asia/"],
  ] as const) {
    for (const viewport of [NARROW, PHONE, DESKTOP]) {
      for (const colorScheme of SCHEMES) {
        describe(`the ${name} front at ${viewport.width} px, ${colorScheme}`, () => {
          let opened: OpenedPage | undefined;
          const current = () => {
            assert.ok(opened, "the page did not open");
            return opened;
          };
          before(async () => {
            opened = await open(urlPath, viewport, { colorScheme });
          });
          after(() => opened?.close());

          it("passes axe, shifts nothing, never scrolls sideways, fails no request", async () => {
            const { page, consoleErrors, failures, requests } = current();
            assert.deepEqual(await axe(page), []);
            const { total, shifts } = await layoutShift(page);
            assert.ok(total < 0.001, `CLS ${total}: ${JSON.stringify(shifts)}`);
            assert.equal(await sideways(page), undefined);
            assert.deepEqual(consoleErrors, []);
            assert.deepEqual(failures, []);
            assert.deepEqual(foreignRequests(requests, origin()), []);
            assert.ok((await page.locator(".front-container").count()) >= 2);
          });

          it(`is saved as tests/output/screenshots/fronts-${name}-${viewport.width}-${colorScheme}.png`, async () => {
            await current().page.screenshot({
              path: path.join(
                SCREENSHOT_DIR,
                `fronts-${name}-${viewport.width}-${colorScheme}.png`,
              ),
              fullPage: true,
            });
          });
        });
      }
    }
  }

  it("on a phone, puts the lead story, then its container's headlines, first", async () => {
    const opened = await open("/", PHONE);
    try {
      const order = await opened.page.evaluate(() =>
        [...document.querySelectorAll(".front-headline a, .front-list-rows a")].map((link) => ({
          href: link.getAttribute("href"),
          top: link.getBoundingClientRect().top,
        })),
      );
      assert.equal(order[0]?.href, `/asia/${STORIES.floods}/`);
      for (let index = 1; index < order.length; index++) {
        assert.ok(
          (order[index]?.top ?? 0) > (order[index - 1]?.top ?? 0),
          "one column, top to bottom",
        );
      }
      const leadPhoto = await opened.page
        .locator(".front-story-lead img:not(.media-placeholder)")
        .boundingBox();
      assert.ok(leadPhoto && leadPhoto.width >= 375 - 1, "the lead photo spans the phone's width");
      // The grid's cards after the first become rows: a small photo beside the headline.
      const rows = await opened.page.locator(".front-grid-row .media-frame").all();
      for (const frame of rows) assert.ok(((await frame.boundingBox())?.width ?? 999) < 120);
    } finally {
      await opened.close();
    }
  });

  it("tabs through the front in reading order: the banner, the lead, its companions, then the next containers", async () => {
    const opened = await open("/", DESKTOP);
    try {
      const { page } = opened;
      const stops: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
      for (let step = 0; step < 40; step++) {
        await page.keyboard.press("Tab");
        const state = await focused(page);
        if (!state) break;
        stops.push(state);
      }
      const trail = stops.map((stop) => `${stop.order} ${stop.label}`).join("\n  ");
      for (let index = 1; index < stops.length; index++) {
        assert.ok(
          (stops[index]?.order ?? 0) > (stops[index - 1]?.order ?? 0),
          `out of order:\n  ${trail}`,
        );
      }
      assert.deepEqual(
        stops.filter((stop) => !stop.ring || !stop.visible).map((stop) => stop.label),
        [],
      );
      const inMain = stops.filter((stop) => stop.inBanner || stop.container);
      assert.ok(inMain[0]?.inBanner, `the banner's link comes first in the content:\n  ${trail}`);
      assert.equal(inMain[1]?.href, `/asia/${STORIES.floods}/`, "then the lead story");
      const containers = inMain.slice(1).map((stop) => stop.container);
      assert.deepEqual(
        [...new Set(containers)],
        ["front-container front-lead", "front-container front-grid", "front-container front-list"],
        "each container's stories before the next container's",
      );
    } finally {
      await opened.close();
    }
  });

  for (const viewport of [NARROW, PHONE, DESKTOP]) {
    for (const colorScheme of SCHEMES) {
      it(`draws the banner on an article at ${viewport.width} px, ${colorScheme}, after the page has painted, shifting nothing`, async () => {
        // /breaking.json answers late, as on a slow network: the bar arrives after the first paint.
        const delay = async (page: Page) => {
          await page.route("**/breaking.json", async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 600));
            await route.fallback();
          });
        };
        const opened = await open(ARTICLE, viewport, { colorScheme }, delay);
        try {
          const { page } = opened;
          const bar = page.locator(".breaking-bar");
          await bar.waitFor({ state: "visible" });
          assert.equal(
            await bar.locator(".breaking-text").textContent(),
            "Magnitude 6.4 earthquake strikes southern Philippines",
          );
          assert.equal(await bar.locator("a").getAttribute("href"), `/asia/${STORIES.quake}/`);
          const box = await bar.boundingBox();
          const height = viewport.options.viewport?.height ?? 0;
          assert.ok(
            box && Math.abs(box.y + box.height - height) < 1,
            `the bar sits at the foot of the screen: ${JSON.stringify(box)}`,
          );
          const { total, shifts } = await layoutShift(page);
          assert.ok(total === 0, `CLS ${total}: ${JSON.stringify(shifts)}`);
          assert.deepEqual(await axe(page), []);
          assert.equal(await sideways(page), undefined);
          assert.deepEqual(opened.consoleErrors, []);
          assert.deepEqual(opened.failures, []);
          await page.screenshot({
            path: path.join(
              SCREENSHOT_DIR,
              `fronts-article-banner-${viewport.width}-${colorScheme}.png`,
            ),
          });
        } finally {
          await opened.close();
        }
      });
    }
  }

  it("lets a keyboard reach the banner first in the content, and dismiss it with focus kept in the page", async () => {
    const opened = await open(ARTICLE, PHONE);
    try {
      const { page } = opened;
      await page.locator(".breaking-bar").waitFor();
      let state: Awaited<ReturnType<typeof focused>> = null;
      for (let step = 0; step < 30; step++) {
        await page.keyboard.press("Tab");
        state = await focused(page);
        if (state?.inBanner) break;
      }
      assert.ok(
        state?.inBanner && state.href === `/asia/${STORIES.quake}/`,
        "the banner's link is reached",
      );
      assert.ok(state.ring, "with a visible focus ring");
      await page.keyboard.press("Tab");
      assert.match((await focused(page))?.label ?? "", /^button\.breaking-close/);
      await page.keyboard.press("Enter");
      assert.equal(await page.locator(".breaking-bar").count(), 0, "dismissed");
      assert.ok((await focused(page))?.isMain, "focus goes to the main content, not lost");
      // Dismissed for this visit: the next article does not show it again.
      await page.goto(`${origin()}/asia/${STORIES.floods}/`, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      assert.equal(await page.locator(".breaking-bar").count(), 0);
    } finally {
      await opened.close();
    }
  });

  it("holds the bar back while it would cover the story's first lines, and brings it up when the reader scrolls", async () => {
    // Where the story's first paragraph starts on a phone; then a screen that ends a line below
    // it, as a long headline and a lead photo leave it on a short phone.
    const probe = await open(ARTICLE, PHONE);
    let top: number;
    try {
      top = await probe.page.evaluate(
        () => document.querySelector(".story-body p")?.getBoundingClientRect().top ?? -1,
      );
    } finally {
      await probe.close();
    }
    assert.ok(top > 100, `the first paragraph starts at ${top} px`);
    const height = Math.round(top + 30);
    const short: Viewport = {
      width: PHONE.width,
      options: { ...PHONE.options, viewport: { width: PHONE.width, height } },
    };
    const opened = await open(ARTICLE, short);
    try {
      const { page } = opened;
      const bar = page.locator(".breaking-bar");
      await bar.waitFor({ state: "attached" });
      assert.equal(await bar.isVisible(), false, "the bar waits while it would cover the story");
      assert.match((await bar.getAttribute("class")) ?? "", /breaking-waiting/);
      await page.mouse.wheel(0, 200);
      await bar.waitFor({ state: "visible" });
      // Risen to the foot of the screen (it slides up).
      await page.waitForFunction(() => {
        const rect = document.querySelector(".breaking-bar")?.getBoundingClientRect();
        return rect !== undefined && Math.abs(rect.bottom - window.innerHeight) < 1;
      });
      assert.deepEqual(await axe(page), []);
    } finally {
      await opened.close();
    }
  });

  it("holds the bar back while it would cover the lead video's play button", async () => {
    const seed = `/asia/${SEED_SLUG}/`;
    const probe = await open(seed, DESKTOP);
    let bottom: number;
    try {
      bottom = await probe.page.evaluate(
        () => document.querySelector(".story .video-play")?.getBoundingClientRect().bottom ?? -1,
      );
    } finally {
      await probe.close();
    }
    assert.ok(bottom > 200, `the play button ends at ${bottom} px`);
    // A screen whose foot, where the bar is drawn, is over the play button.
    const height = Math.round(bottom - 10);
    const short: Viewport = {
      width: DESKTOP.width,
      options: { ...DESKTOP.options, viewport: { width: DESKTOP.width, height } },
    };
    const opened = await open(seed, short);
    try {
      const bar = opened.page.locator(".breaking-bar");
      await bar.waitFor({ state: "attached" });
      assert.equal(await bar.isVisible(), false, "the bar waits while it would cover the button");
      await opened.page.mouse.wheel(0, 200);
      await bar.waitFor({ state: "visible" });
    } finally {
      await opened.close();
    }
  });

  it("shows readers without JavaScript the banner on the front page", async () => {
    const opened = await open("/", PHONE, { javaScriptEnabled: false });
    try {
      assert.ok(await opened.page.locator("section.breaking a").isVisible());
    } finally {
      await opened.close();
    }
  });

  it("takes the banner down once `until` has passed by the reader's clock, before the next build", async () => {
    const past = async (page: Page) => {
      await page.clock.setFixedTime(new Date("2099-01-01T00:00:01+08:00"));
    };
    const front = await open("/", DESKTOP, {}, past);
    try {
      assert.equal(await front.page.locator("section.breaking").isVisible(), false);
      const { total } = await layoutShift(front.page);
      assert.ok(total < 0.01, `CLS ${total}`);
    } finally {
      await front.close();
    }
    const article = await open(ARTICLE, DESKTOP, {}, past);
    try {
      await article.page.waitForTimeout(300);
      assert.equal(await article.page.locator(".breaking-bar").count(), 0);
      assert.ok(article.requests.some((request) => request.endsWith("/breaking.json")));
    } finally {
      await article.close();
    }
  });
});
