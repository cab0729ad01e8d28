/**
 * Standing pages in Chromium, with the pages the repository ships (About, Contact, Corrections
 * policy, Ethics policy) and one with a photo: a policy page, the about page and the footer on
 * the home page and an article, at 375 and 1280 px, light and dark. Each passes axe (WCAG 2.1 A
 * and AA), logs no error, fails no request, asks no other host, shifts no layout and never
 * scrolls sideways; the footer's links are all reachable and in order; search finds a page by
 * a word of its body and labels it. Screenshots go to tests/output/screenshots/.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { runBuild } from "../helpers/build.ts";
import {
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";
import { pageSource, writePage, writePageFile } from "../helpers/pages.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";
import {
  AXE_TAGS,
  contentSecurityPolicy,
  DESKTOP,
  foreignRequests,
  layoutShift,
  openPage,
  PHONE,
  SCREENSHOT_DIR,
} from "./harness.ts";

const BROWSER = browserPath();
const PAGES = {
  policy: "/corrections-policy/",
  about: "/about/",
  masthead: "/masthead/",
  home: "/",
  article: `/asia/${SEED_SLUG}/`,
};
const FOOTER = ["About us", "Contact us", "Corrections policy", "Ethics policy", "Corrections"];

describe("standing pages in a real browser", {
  skip: BROWSER ? false : MISSING_BROWSER,
  timeout: 300_000,
}, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let csp: string | undefined;

  before(async () => {
    site = createFixtureSite({ seed: true });
    cpSync(path.join(REPO_ROOT, "content/pages"), path.join(site.root, "content/pages"), {
      recursive: true,
    });
    // A page with a photo (the seed's own stand-in, already in the media cache) and a long title.
    writePageFile(
      site.root,
      "masthead",
      "desk.jpg",
      readFileSync(path.join(REPO_ROOT, "content/articles", SEED_SLUG, "photo.jpg")),
    );
    writePage(
      site.root,
      "masthead",
      pageSource(
        {
          title: '"The masthead: the editors responsible for The Broadsheet Times"',
          description: "Who decides what we publish.",
          policy: "masthead",
          updated: "2026-11-30T18:00:00+08:00",
        },
        [
          "The editor is responsible for everything we publish.",
          "",
          '![A desk by a window with a letter in the lamplight](desk.jpg "The editor\'s desk. PHOTO: BROADSHEET")',
          "",
          "## Editors",
          "",
          "- Editor: Jane Tan",
          "- Managing editor: Ali Hassan",
        ].join("\n"),
      ),
    );
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr);
    const dir = path.join(site.root, "_site");
    csp = contentSecurityPolicy(dir);
    server = await serveStatic(dir);
    browser = await launchBrowser(BROWSER as string);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  const cases = Object.keys(PAGES).flatMap((name) =>
    [PHONE, DESKTOP].flatMap((viewport) =>
      (["light", "dark"] as const).map((colorScheme) => ({ name, viewport, colorScheme })),
    ),
  );
  for (const { name, viewport, colorScheme } of cases) {
    const urlPath = PAGES[name as keyof typeof PAGES];
    it(`${name} at ${viewport.width} px, ${colorScheme}: axe, no errors, no shift, no sideways scroll, the footer in order`, async () => {
      assert.ok(browser && server);
      const opened = await openPage(browser, server.origin + urlPath, viewport, {
        csp,
        holdImagesUntilPaint: true,
        contextOptions: { colorScheme },
      });
      try {
        const { page } = opened;
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        assert.deepEqual(
          results.violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          ),
          [],
        );
        assert.deepEqual(opened.consoleErrors, []);
        assert.deepEqual(opened.failures, []);
        assert.deepEqual(foreignRequests(opened.requests, server.origin), []);
        const { total, shifts } = await layoutShift(page);
        assert.ok(total < 0.01, `CLS ${total}: ${JSON.stringify(shifts)}`);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > ${clientWidth}`);
        // Every footer link is shown, in order, inside the viewport's width, big enough to tap.
        const links = await page.$$eval(".footer-nav a", (anchors) =>
          anchors.map((anchor) => {
            const box = anchor.getBoundingClientRect();
            return {
              text: anchor.textContent ?? "",
              left: box.left,
              right: box.right,
              height: box.height,
            };
          }),
        );
        assert.deepEqual(
          links.map((link) => link.text),
          FOOTER,
        );
        for (const link of links) {
          assert.ok(link.left >= 0 && link.right <= clientWidth, `${link.text} is on screen`);
          assert.ok(link.height >= 24, `${link.text} is ${link.height} px tall`);
        }
        await page.screenshot({
          path: path.join(SCREENSHOT_DIR, `standing-${name}-${viewport.width}-${colorScheme}.png`),
          fullPage: true,
        });
      } finally {
        await opened.close();
      }
    });
  }

  it("keeps a policy page's text at a reading measure on a wide screen", async () => {
    assert.ok(browser && server);
    const opened = await openPage(browser, `${server.origin}${PAGES.policy}`, DESKTOP, { csp });
    try {
      const measure = await opened.page.evaluate(() => {
        const paragraph = document.querySelector(
          ".story-body > p:not(:first-child), .story-body p",
        );
        const width = paragraph?.getBoundingClientRect().width ?? 0;
        const size = Number.parseFloat(getComputedStyle(paragraph as Element).fontSize);
        // Characters per line, at an average character width of half the font size.
        return width / (size * 0.5);
      });
      assert.ok(measure >= 55 && measure <= 85, `about ${Math.round(measure)} characters a line`);
    } finally {
      await opened.close();
    }
  });

  it("finds a policy page by a word of its body, labelled as a policy", async () => {
    assert.ok(browser && server);
    const opened = await openPage(browser, `${server.origin}/search/`, DESKTOP, { csp });
    try {
      const { page } = opened;
      await page.fill("#search-query", "clarification");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#search-results a");
      const results = await page.$$eval("#search-results li", (items) =>
        items.map((item) => ({
          href: new URL((item.querySelector("a") as HTMLAnchorElement).href).pathname,
          label: item.querySelector(".kind-label")?.textContent ?? "",
        })),
      );
      assert.deepEqual(
        results.find((result) => result.href === PAGES.policy),
        { href: PAGES.policy, label: "Policy" },
        JSON.stringify(results),
      );
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.deepEqual(
        axe.violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(" ")} ${node.failureSummary}`).join("; ")}`,
        ),
        [],
      );
      assert.deepEqual(opened.consoleErrors, []);
    } finally {
      await opened.close();
    }
  });
});
