/**
 * A live blog in a real browser, served as a host serves it (`_headers` applied): a page left
 * open while the site is rebuilt with a new update shows it without a reload, moving nothing on
 * the screen; a reader scrolled down gets a "new updates" button instead, which shows them when
 * pressed; a hidden tab counts them in its title; a blog whose coverage ends stops asking, and an
 * ended blog never asks; axe finds nothing. Pages poll every 700 ms here: the test rewrites the
 * page's `data-live-interval` as it is served, so it does not wait 15 s.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import {
  LIVE_PATH,
  LIVE_SLUG,
  LIVE_SUMMARY,
  liveFields,
  updateName,
  updateSource,
  writeLiveBlog,
  writeUpdate,
} from "../helpers/live-blog.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";
import {
  AXE_TAGS,
  DESKTOP,
  layoutShift,
  type OpenedPage,
  openPage,
  PHONE,
  SCREENSHOT_DIR,
  type Viewport,
} from "./harness.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;
// Long enough between polls for the harness's "network idle" (500 ms without a request).
const INTERVAL_MS = 700;
const ENDED_SLUG = "typhoon-makes-landfall";

/**
 * Lets the test hide the tab: `document.hidden` and `visibilityState` read a flag the test sets
 * (headless Chromium's tabs are always visible).
 */
const CONTROLLABLE_VISIBILITY = `(() => {
  window.__hidden = false;
  Object.defineProperty(Document.prototype, "hidden", { get: () => window.__hidden, configurable: true });
  Object.defineProperty(Document.prototype, "visibilityState", {
    get: () => (window.__hidden ? "hidden" : "visible"),
    configurable: true,
  });
})();`;

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __hidden: boolean }).__hidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

describe("a live blog in a real browser", { skip: SKIP, timeout: 600_000 }, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let next = 31;
  const url = (urlPath = LIVE_PATH) => `${server?.origin ?? ""}${urlPath}`;

  /** Publishes one more update by building the site again, as a newsroom's build does. */
  function publish(extra: Record<string, string | boolean> = {}): string {
    assert.ok(site);
    const n = next++;
    writeUpdate(
      site,
      updateName(n),
      updateSource(n, { title: `Fresh update ${n}`, ...(extra as object) }),
    );
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    return `update-${updateName(n)}`;
  }

  /** Opens the blog polling every {@link INTERVAL_MS}, counting its requests for the JSON. */
  async function open(viewport: Viewport, urlPath = LIVE_PATH): Promise<OpenedPage> {
    assert.ok(browser);
    return openPage(browser, url(urlPath), viewport, {
      prepare: async (page) => {
        await page.addInitScript(CONTROLLABLE_VISIBILITY);
        await page.route(
          (target) => target.pathname === urlPath,
          async (route) => {
            const response = await route.fetch();
            const body = (await response.text()).replace(
              'data-live-interval="15000"',
              `data-live-interval="${INTERVAL_MS}"`,
            );
            await route.fulfill({ response, body });
          },
        );
      },
    });
  }

  const jsonRequests = (opened: OpenedPage) =>
    opened.requests.filter((request) => request.endsWith("/live.json")).length;

  before(async () => {
    if (!BROWSER) throw new Error(MISSING_BROWSER);
    site = createFixtureSite({ seed: true });
    writeLiveBlog(site, 30, {
      update: (n) => (n % 6 === 0 ? { key: true, title: `Key moment ${n}` } : {}),
    });
    site.article(
      ENDED_SLUG,
      articleSource(
        liveFields({
          title: '"Typhoon makes landfall in Luzon"',
          date: "2025-12-30T06:00:00+08:00",
          ended: "2025-12-30T20:00:00+08:00",
        }),
        LIVE_SUMMARY,
      ),
    );
    writeUpdate(site, "t1", updateSource(1, { time: "2025-12-30T07:00:00+08:00" }), ENDED_SLUG);
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    server = await serveStatic(path.join(site.root, "_site"), "/", { headers: true });
    browser = await launchBrowser(BROWSER);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  it("is axe-clean, with its new-updates button showing too", async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const opened = await open(viewport);
      try {
        const { page } = opened;
        await page.evaluate(() => {
          const bar = document.querySelector<HTMLElement>("[data-live-new]");
          if (bar) bar.hidden = false;
        });
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        assert.deepEqual(
          results.violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
          ),
          [],
        );
        assert.deepEqual(opened.consoleErrors, []);
        assert.deepEqual(opened.failures, []);
      } finally {
        await opened.close();
      }
    }
  });

  it("shows a new update without a reload to a reader at the top, moving nothing", async () => {
    const opened = await open(PHONE);
    try {
      const { page } = opened;
      await page.evaluate(() => {
        (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      });
      const streamTop = await page.$eval("[data-live-updates]", (list) => {
        return list.getBoundingClientRect().top - window.innerHeight;
      });
      assert.ok(streamTop >= 0, "on a phone the stream starts below the screen");
      const polls = jsonRequests(opened);
      const id = publish();
      await page.waitForSelector(`[data-live-updates] > #${id}`, { timeout: 20_000 });
      assert.ok(jsonRequests(opened) > polls, "the page asked the JSON again");
      const first = await page.$eval("[data-live-updates]", (list) => list.firstElementChild?.id);
      assert.equal(first, id, "the new update leads the stream");
      assert.equal(
        await page.evaluate(
          () => (window as unknown as { __sameDocument?: boolean }).__sameDocument,
        ),
        true,
        "no reload",
      );
      const { total, shifts } = await layoutShift(page);
      assert.equal(total, 0, JSON.stringify(shifts));
      assert.equal(await page.$eval("[data-live-new]", (bar) => (bar as HTMLElement).hidden), true);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "live-arrived-375.png") });
    } finally {
      await opened.close();
    }
  });

  it("offers a reader scrolled down a button that moves nothing, and shows the updates when pressed (a key event listed too)", async () => {
    const opened = await open(DESKTOP);
    try {
      const { page } = opened;
      await page.$eval(`#update-${updateName(20)}`, (element) => element.scrollIntoView());
      await page.waitForTimeout(200);
      const scrolled = await page.evaluate(() => window.scrollY);
      const reading = await page.$eval(
        `#update-${updateName(20)}`,
        (element) => element.getBoundingClientRect().top,
      );
      const id = publish({ key: true });
      const button = page.locator("[data-live-show]");
      await button.waitFor({ state: "visible", timeout: 20_000 });
      assert.equal(await button.textContent(), "1 new update");
      assert.equal(await page.$(`#${id}`), null, "not put in before the reader asks");
      assert.equal(await page.evaluate(() => window.scrollY), scrolled);
      assert.equal(
        await page.$eval(
          `#update-${updateName(20)}`,
          (element) => element.getBoundingClientRect().top,
        ),
        reading,
        "what the reader reads did not move",
      );
      assert.equal((await layoutShift(page)).total, 0);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, "live-button-1280.png") });
      const keyEvents = async () =>
        page.$$eval(".live-key-events li a", (links) =>
          links.map((link) => [link.getAttribute("href"), link.textContent?.trim() ?? ""]),
        );
      const before = await keyEvents();
      await button.click();
      const shown = page.locator(`[data-live-updates] > #${id}`);
      await shown.waitFor({ state: "visible" });
      const top = await shown.evaluate((element) => element.getBoundingClientRect().top);
      assert.ok(Math.abs(top) < 40, `scrolled to the new update (top ${top})`);
      assert.equal(await page.evaluate(() => document.activeElement?.id), id, "focus moves to it");
      assert.equal(await page.$eval("[data-live-new]", (bar) => (bar as HTMLElement).hidden), true);
      // A key event: listed at the top of the key events, as a reload would list it.
      const after = await keyEvents();
      assert.equal(after.length, before.length + 1);
      assert.equal(after[0]?.[0], `#${id}`);
      assert.match(after[0]?.[1] ?? "", /^\d{1,2}:\d{2} (am|pm) \S+ Fresh update \d+$/);
    } finally {
      await opened.close();
    }
  });

  it("counts new updates in a hidden tab's title, and shows them when the reader returns", async () => {
    const opened = await open(PHONE);
    try {
      const { page } = opened;
      const title = await page.title();
      await setHidden(page, true);
      const id = publish();
      await page.waitForFunction((expected) => document.title === expected, `(1) ${title}`, {
        timeout: 20_000,
      });
      assert.equal(await page.$(`#${id}`), null, "held while nobody looks");
      await setHidden(page, false);
      await page.waitForSelector(`[data-live-updates] > #${id}`);
      assert.equal(await page.title(), title);
      assert.equal((await layoutShift(page)).total, 0);
    } finally {
      await opened.close();
    }
  });

  it("stops asking once the JSON says the coverage has ended", async () => {
    const opened = await open(PHONE);
    try {
      const { page } = opened;
      assert.ok(site);
      site.article(
        LIVE_SLUG,
        articleSource(liveFields({ ended: "2025-12-31T23:00:00+08:00" }), LIVE_SUMMARY),
      );
      const run = runBuild(site.root);
      assert.equal(run.status, 0, run.stderr);
      await page.waitForFunction(
        () => document.querySelector("[data-live-status]")?.textContent?.includes("ended"),
        undefined,
        { timeout: 20_000 },
      );
      const asked = jsonRequests(opened);
      await page.waitForTimeout(INTERVAL_MS * 6);
      assert.equal(jsonRequests(opened), asked, "no request after the end");
    } finally {
      await opened.close();
    }
  });

  it("never asks on a blog that had ended when it was built", async () => {
    const opened = await open(PHONE, `/asia/${ENDED_SLUG}/`);
    try {
      await opened.page.waitForTimeout(INTERVAL_MS * 6);
      assert.equal(jsonRequests(opened), 0);
      const script = /\/assets\/live\.[0-9a-f]+\.js$/;
      assert.equal(opened.requests.filter((request) => script.test(request)).length, 0);
      assert.equal(await opened.page.$("[data-live]"), null);
    } finally {
      await opened.close();
    }
  });

  it("sends a permanent link whose update has moved on to the page that holds it now", async () => {
    // A link to update 25 on the first page of older updates: where it stood before updates
    // published later with earlier times moved it on (the build test moves one for real).
    const moved = `update-${updateName(25)}`;
    const opened = await open(PHONE, `${LIVE_PATH}updates/1/`);
    try {
      await opened.page.goto(url(`${LIVE_PATH}updates/1/#${moved}`));
      await opened.page.waitForURL((target) => target.pathname === `${LIVE_PATH}updates/2/`);
      assert.equal(new URL(opened.page.url()).hash, `#${moved}`);
      assert.ok(await opened.page.locator(`#${moved}`).isVisible());
      // A link whose update is on its page asks for nothing.
      const before = opened.requests.length;
      await opened.page.goto(url(`${LIVE_PATH}updates/2/#update-${updateName(24)}`));
      await opened.page.waitForTimeout(500);
      const asked = opened.requests
        .slice(before)
        .filter((request) => request.endsWith("/index.json"));
      assert.deepEqual(asked, []);
    } finally {
      await opened.close();
    }
  });
});
