/**
 * The pages editorial standards add, in Chromium at a phone and a desktop viewport, light and
 * dark: a sponsored piece, a corrected opinion piece with a byline photo, an author's page, the
 * authors' index, the corrections page and a section listing a sponsored piece. Each passes axe
 * (WCAG 2.1 A and AA, the labels' colour contrast included), logs no error, fails no request,
 * shifts no layout and never scrolls sideways; the byline photo is fetched at the width its
 * 48 px slot needs.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { writeAuthorFile, writeProfile } from "../helpers/profiles.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";
import { photo } from "../media/fixtures.ts";
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
  sponsored: "/business/open-an-account/",
  opinion: "/business/hold-was-wrong/",
  author: "/authors/tan-hui-yee/",
  authors: "/authors/",
  corrections: "/corrections/",
  // Its cards include the sponsored one, boxed in its own colours.
  section: "/business/",
};

describe("editorial pages in a real browser", {
  skip: BROWSER ? false : MISSING_BROWSER,
  timeout: 240_000,
}, () => {
  let site: FixtureSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let csp: string | undefined;

  before(async () => {
    site = createFixtureSite();
    writeProfile(
      site.root,
      "tan-hui-yee",
      "name: Tan Hui Yee\nrole: Indonesia Bureau Chief\nbio: Reports from Jakarta.\nphoto: tan.jpg\nlinks: [https://x.com/example]\n",
    );
    writeAuthorFile(site.root, "tan.jpg", await photo(600, 800, 5));
    site.article(
      "hold-was-wrong",
      articleSource({
        title: '"The hold was wrong"',
        section: "business",
        date: "2025-12-30T08:00:00+08:00",
        authors: "[tan-hui-yee]",
        kind: "opinion",
        description: "Why the bank erred.",
        corrections:
          "\n  - date: 2025-12-31T08:00:00+08:00\n    text: An earlier version misstated the rate.",
      }),
    );
    site.article(
      "open-an-account",
      articleSource(
        {
          title: '"Open an account"',
          section: "business",
          date: "2025-12-29T08:00:00+08:00",
          kind: "sponsored",
        },
        "Visit [our bank](https://bank.example.com/).",
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

  // Every page at both sizes in the light scheme; the pages with the labels' own colours (the
  // sponsored notice and card, a kind label, the corrections) in the dark one too.
  const cases = [
    ...Object.keys(PAGES).flatMap((name) =>
      [PHONE, DESKTOP].map((viewport) => ({ name, viewport, colorScheme: "light" as const })),
    ),
    ...["sponsored", "opinion", "corrections", "section"].map((name) => ({
      name,
      viewport: PHONE,
      colorScheme: "dark" as const,
    })),
  ];
  for (const { name, viewport, colorScheme } of cases) {
    const urlPath = PAGES[name as keyof typeof PAGES];
    it(`${name} at ${viewport.width} px, ${colorScheme}: axe, no errors, no shift, no sideways scroll`, async () => {
      assert.ok(browser && server);
      const opened = await openPage(browser, server.origin + urlPath, viewport, {
        csp,
        holdImagesUntilPaint: true,
        contextOptions: { colorScheme },
      });
      try {
        const results = await new AxeBuilder({ page: opened.page }).withTags(AXE_TAGS).analyze();
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
        const { total } = await layoutShift(opened.page);
        assert.ok(total < 0.01, `CLS ${total}`);
        const { scrollWidth, clientWidth } = await opened.page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > ${clientWidth}`);
        if (colorScheme === "light") {
          await opened.page.screenshot({
            path: path.join(SCREENSHOT_DIR, `editorial-${name}-${viewport.width}.png`),
            fullPage: true,
          });
        }
        if (name === "opinion") {
          // The byline photo is round, 48 px, and fetched no wider than its slot needs.
          const shown = await opened.page.evaluate(() => {
            const image = document.querySelector<HTMLImageElement>(
              ".byline .author-photo picture img",
            );
            const box = image?.getBoundingClientRect();
            return { width: box?.width, height: box?.height, src: image?.currentSrc ?? "" };
          });
          assert.deepEqual([shown.width, shown.height], [48, 48]);
          const scale = viewport.options.deviceScaleFactor ?? 1;
          assert.match(shown.src, /-96\.avif$/, `at DPR ${scale}`);
        }
      } finally {
        await opened.close();
      }
    });
  }
});
