/**
 * `npm run shots`: screenshots of the site's main pages, to look at before a design change is
 * done. Builds the demonstration site (scripts/cli/shots/demo-site.ts: the seed and a day of
 * stories of every kind) into a temporary folder, serves it as a static host would (with its
 * `_headers`), and photographs the front page, a section, the seed, a story with a gallery, a
 * story with embeds, a live blog, an author, search with a query typed, the 404 page and a
 * standing page, at 375 and 1280 px, light and dark, whole pages, into `shots/` (ignored by git)
 * or the folder named.
 *
 *   npm run shots
 *   npm run shots -- /tmp/shots --first-screen     (only what the first screen shows)
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { serveSite } from "./audit/server.ts";
import { browserPath, launchBrowser, MISSING_BROWSER } from "./browser.ts";
import { buildDemo } from "./shots/build-demo.ts";
import { DEMO_PAGES } from "./shots/demo-site.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

/** The viewports: a phone (375 x 812, at twice the pixels) and a laptop. */
const VIEWPORTS = [
  { width: 375, height: 812, scale: 2, mobile: true },
  { width: 1280, height: 800, scale: 1, mobile: false },
] as const;

const SCHEMES = ["light", "dark"] as const;

/** What is photographed: the page's name in file names, its address, and a query for search. */
const SHOTS: readonly { name: string; path: string; query?: string }[] = [
  { name: "front", path: DEMO_PAGES.front },
  { name: "section", path: DEMO_PAGES.section },
  { name: "article", path: DEMO_PAGES.article },
  { name: "gallery-article", path: DEMO_PAGES.gallery },
  { name: "embeds-article", path: DEMO_PAGES.embeds },
  { name: "live-blog", path: DEMO_PAGES.live },
  { name: "author", path: DEMO_PAGES.author },
  { name: "search", path: DEMO_PAGES.search, query: "floods" },
  { name: "404", path: DEMO_PAGES.notFound },
  { name: "standing-page", path: DEMO_PAGES.standing },
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const firstScreen = args.includes("--first-screen");
  const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
  const out = path.resolve(args.find((arg) => !arg.startsWith("--")) ?? path.join(REPO, "shots"));
  const executable = browserPath();
  if (!executable) {
    console.error(MISSING_BROWSER);
    return 1;
  }
  console.log("Building the demonstration site...");
  const demo = await buildDemo(REPO);
  mkdirSync(out, { recursive: true });
  const server = await serveSite(demo.siteDir);
  const browser = await launchBrowser(executable);
  let count = 0;
  try {
    for (const shot of SHOTS) {
      if (only && !only.split(",").includes(shot.name)) continue;
      for (const viewport of VIEWPORTS) {
        for (const scheme of SCHEMES) {
          const context = await browser.newContext({
            viewport: { width: viewport.width, height: viewport.height },
            deviceScaleFactor: viewport.scale,
            isMobile: viewport.mobile,
            hasTouch: viewport.mobile,
            colorScheme: scheme,
          });
          const page = await context.newPage();
          // Twice: the fonts are `optional`, so a first visit that finds them late keeps the
          // fallback faces; the second, as a returning reader's, has them from the cache.
          await page.goto(server.origin + shot.path, { waitUntil: "networkidle" });
          await page.goto(server.origin + shot.path, { waitUntil: "networkidle" });
          if (shot.query) {
            await page.fill("input[name=q]", shot.query);
            await page.press("input[name=q]", "Enter");
            await page.waitForSelector("#search-results li", { timeout: 10_000 });
          }
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(out, `${shot.name}-${viewport.width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: !firstScreen });
          await context.close();
          count++;
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(demo.root, { recursive: true, force: true });
  }
  console.log(`${count} screenshots in ${path.relative(process.cwd(), out) || "."}/`);
  return 0;
}

process.exitCode = await main();
