/**
 * The browser suite's harness: one fixture site (the seed and three more stories), the pages and
 * viewports it visits, and a page opener that records every request, console error and failed
 * request, and measures layout shift and the LCP element from before the first byte.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Response,
} from "playwright-core";
import sharp from "sharp";
import { readHeaderRules } from "../../scripts/cli/audit/server.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";

/** The axe rules the browser tests hold every page to: WCAG 2.1 A and AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const SCREENSHOT_DIR = path.join(REPO_ROOT, "tests/output/screenshots");

/** The seed article's path on the site. */
export const ARTICLE_PATH = `/asia/${SEED_SLUG}/`;
/** The fixture's other stories, by the lead media they have (the first-screen rule's cases). */
export const FIRST_SCREEN_PATHS = {
  "video and photo (the seed)": ARTICLE_PATH,
  photo: "/asia/envoys-meet-at-panmunjom-as-talks-resume/",
  "no media": "/world/the-week-ahead-in-world-news/",
  "video only, long headline": "/world/video-only-long-headline/",
  "upright photo, long headline and standfirst": "/asia/upright-lead-long-headline/",
} as const;

/** The seed's video player, from content/_data/site.yaml and the seed's front matter. */
export const PLAYER_URL =
  "https://players.brightcove.net/9876543210001/default_default/index.html?videoId=1234567890001";
export const PLAYER_ORIGIN = "https://players.brightcove.net";
export const VIDEO_TITLE = "Pompeo hopes Trump letter paves way for new talks with North Korea";

export interface SitePage {
  /** Used in test names and screenshot file names. */
  readonly name: string;
  readonly path: string;
  /** The main document's HTTP status: the 404 page is fetched at a missing address. */
  readonly status: number;
}

export const PAGES: readonly SitePage[] = [
  { name: "home", path: "/", status: 200 },
  { name: "article", path: ARTICLE_PATH, status: 200 },
  { name: "section", path: "/asia/", status: 200 },
  { name: "topic", path: "/topics/north-korea/", status: 200 },
  // Listings show the latest stories; older ones are reached through the date archive.
  { name: "archive", path: "/archive/", status: 200 },
  { name: "archive-month", path: "/archive/2019/06/", status: 200 },
  { name: "search", path: "/search/", status: 200 },
  // A missing page several folders deep: the 404 page's links and assets must still resolve.
  { name: "404", path: "/no-such-section/no-such-story/", status: 404 },
];

export interface Viewport {
  readonly width: number;
  readonly options: BrowserContextOptions;
}

export const PHONE: Viewport = {
  width: 375,
  options: {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
};

export const DESKTOP: Viewport = {
  width: 1280,
  options: { viewport: { width: 1280, height: 800 } },
};

export const VIEWPORTS: readonly Viewport[] = [PHONE, DESKTOP];

/**
 * Builds the fixture: the seed (video first, then a photo) and five more stories: a photo, a
 * photo without caption, no media, a video only under a long headline, and an upright photo
 * under a long headline and standfirst.
 */
export async function buildFixtureSite(): Promise<FixtureSite> {
  const site = createFixtureSite({ seed: true });
  const seedFolder = path.join(REPO_ROOT, "content/articles", SEED_SLUG);
  // The seed's own stand-in photos, so the media cache already holds most of their encodes.
  const photo = readFileSync(path.join(seedFolder, "photo.jpg"));
  const podium = readFileSync(path.join(seedFolder, "video-thumbnail.jpg"));
  site.article(
    "envoys-meet-at-panmunjom-as-talks-resume",
    articleSource(
      {
        title: '"Envoys meet at Panmunjom as nuclear talks resume"',
        date: "2019-06-30T15:00:00+08:00",
        section: "asia",
        tags: "[North Korea, Nuclear talks]",
        image:
          "\n  src: photo.jpg\n  alt: A desk by a window with a letter in the lamplight.\n" +
          "  caption: The talks resumed on Sunday.\n  credit: AFP",
      },
      "Envoys from both sides met at Panmunjom on Sunday.\n\nThey agreed to meet again within weeks.",
    ),
  );
  site.file("envoys-meet-at-panmunjom-as-talks-resume", "photo.jpg", photo);
  site.article(
    "seoul-shares-steady-after-summit-news",
    articleSource(
      {
        title: '"Seoul shares steady after summit news"',
        date: "2019-06-24T09:00:00+08:00",
        section: "asia",
        tags: "[North Korea]",
        image: "\n  src: podium.jpg\n  alt: An empty briefing podium before a blue curtain.",
      },
      "Shares in Seoul were steady on Monday as investors weighed the letter.",
    ),
  );
  site.file("seoul-shares-steady-after-summit-news", "podium.jpg", podium);
  site.article(
    "the-week-ahead-in-world-news",
    articleSource(
      {
        title: '"The week ahead in world news"',
        date: "2019-06-22T08:00:00+08:00",
        section: "world",
        tags: "[Donald Trump]",
      },
      "A short briefing, without a picture.",
    ),
  );
  // A video without a photo under a headline of four lines on a phone: the first screen's
  // hardest case after the seed.
  site.article(
    "video-only-long-headline",
    articleSource(
      {
        title:
          '"Negotiators from both Koreas and the United States say a third summit could come within months, if the working-level talks in Stockholm go well"',
        date: "2019-06-21T08:00:00+08:00",
        section: "world",
        video:
          '\n  provider: brightcove\n  id: "1234567890002"\n  title: Negotiators on the talks ahead' +
          "\n  description: A briefing on the talks, filmed in Stockholm on Thursday, about the working-level meetings planned for the coming weeks.\n  thumbnail: podium.jpg",
      },
      "Negotiators said on Friday that a third summit could come within months.\n\nThe working-level talks are to begin in Stockholm next week.",
    ),
  );
  site.file("video-only-long-headline", "podium.jpg", podium);
  // A 2:3 portrait under four lines of headline and three of standfirst on a phone.
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  const uprightWidth = Math.round((height * 2) / 3);
  const upright = await sharp(photo)
    .extract({ left: Math.round((width - uprightWidth) / 2), top: 0, width: uprightWidth, height })
    .jpeg()
    .toBuffer();
  site.article(
    "upright-lead-long-headline",
    articleSource(
      {
        title:
          '"Families who fled the floods in East Jakarta return to find their homes filled with mud and their shops emptied"',
        description:
          '"More than 12,000 people left their homes overnight as the Ciliwung burst its banks; more rain is expected until Thursday."',
        date: "2019-06-20T08:00:00+08:00",
        section: "asia",
        image:
          "\n  src: upright.jpg\n  alt: A desk by a window in the lamplight.\n" +
          "  caption: A resident of Kampung Melayu waits for a boat on Monday.\n  credit: AFP",
      },
      "Families began returning to East Jakarta on Tuesday.\n\nMany found their homes filled with mud.",
    ),
  );
  site.file("upright-lead-long-headline", "upright.jpg", upright);
  const run = runBuild(site.root);
  assert.equal(run.status, 0, `the fixture site did not build:\n${run.stderr}${run.stdout}`);
  return site;
}

/**
 * The Content-Security-Policy the build writes for static hosts (`_headers`) for the page at
 * `urlPath`: the site's (rule `/*`), or the page's own when a later rule sets one (a page with
 * embeds), so pages run under the policy they will have in production.
 * `upgrade-insecure-requests` is left out: it would send the local server's http:// requests to
 * https://.
 */
export function contentSecurityPolicy(siteDir: string, urlPath = "/"): string | undefined {
  let policy: string | undefined;
  for (const rule of readHeaderRules(path.join(siteDir, "_headers"))) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const [name, value] of rule.headers) {
      if (name.toLowerCase() === "content-security-policy") policy = value;
    }
  }
  return policy;
}

/** What one page load recorded. */
export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request's URL, in the order made. */
  readonly requests: string[];
  /** Every response, in the order received. */
  readonly responses: Response[];
  readonly consoleErrors: string[];
  /** Requests that failed or answered 400 or above (the main document's expected status aside). */
  readonly failures: string[];
  readonly status: number | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly csp?: string | undefined;
  /** Called with the page before it navigates, e.g. to add routes. */
  readonly prepare?: (page: Page) => Promise<void>;
  readonly expectedStatus?: number;
  /**
   * Holds every image back until the page's first contentful paint, as a real network would:
   * an image without a reserved box then shows up as layout shift (locally they would arrive
   * before the first paint, and hide it).
   */
  readonly holdImagesUntilPaint?: boolean;
  /** Extra context options, e.g. `javaScriptEnabled: false`. */
  readonly contextOptions?: BrowserContextOptions;
}

/** The metrics the init script keeps on `window`. */
interface MetricsWindow {
  __broadsheet: {
    cls: number;
    shifts: { value: number; sources: string[] }[];
    lcp: Element | null;
    lcpSize: number;
  };
}

/**
 * Runs in every document before its own scripts: sums layout shifts not caused by input and
 * keeps the latest largest-contentful-paint element. A string, not a function: tsx's
 * `__name` helper would not exist in the page.
 *
 * Chromium's phone emulation (`isMobile`) marks every shift in the first half second or so as
 * `hadRecentInput`, with no input the page ever sees (a trusted `resize` at start-up), which
 * would hide the shifts that matter most. So a shift is excused only when the reader really
 * pressed, clicked or touched something in the 500 ms before it.
 */
const OBSERVE_METRICS = `(() => {
  const metrics = { cls: 0, shifts: [], lcp: null, lcpSize: 0 };
  window.__broadsheet = metrics;
  let lastInput = -Infinity;
  for (const type of ["keydown", "mousedown", "pointerdown", "touchstart"]) {
    addEventListener(type, (event) => {
      if (event.isTrusted) lastInput = event.timeStamp;
    }, { capture: true, passive: true });
  }
  const describe = (node) => {
    if (!(node instanceof Element)) return String(node?.nodeName ?? "?");
    const classes = node.getAttribute("class");
    return node.tagName.toLowerCase() + (classes ? "." + classes.split(/\\s+/).join(".") : "");
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput && entry.startTime - lastInput < 500) continue;
      metrics.cls += entry.value;
      metrics.shifts.push({
        value: entry.value,
        sources: (entry.sources ?? []).map((source) => describe(source.node)),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    if (last) {
      metrics.lcp = last.element;
      metrics.lcpSize = last.size;
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
})();`;

/**
 * Opens `url` in a fresh context (`browser.newContext()`, as axe needs) and waits for load,
 * network idle and a short settle.
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: Viewport,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ ...viewport.options, ...options.contextOptions });
  await context.addInitScript(OBSERVE_METRICS);
  const page = await context.newPage();
  const requests: string[] = [];
  const responses: Response[] = [];
  const consoleErrors: string[] = [];
  const failures: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response) => {
    responses.push(response);
    const isMain = response.request().isNavigationRequest() && response.url() === url;
    const expected = isMain ? (options.expectedStatus ?? 200) : undefined;
    if (response.status() >= 400 && response.status() !== expected)
      failures.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) =>
    failures.push(`${request.failure()?.errorText ?? "failed"} ${request.url()}`),
  );
  page.on("console", (message) => {
    // Chromium logs the main document's status when it is an error: expected for the 404 page.
    const expectedStatus = `status of ${options.expectedStatus ?? 200} `;
    if (message.location().url === url && message.text().includes(expectedStatus)) return;
    if (message.type() === "error")
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  const { csp, holdImagesUntilPaint = false } = options;
  let release = (): void => {};
  const painted = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (csp || holdImagesUntilPaint) {
    await page.route(
      (target) => target.origin === new URL(url).origin,
      async (route) => {
        const type = route.request().resourceType();
        if (type === "image" && holdImagesUntilPaint) {
          await painted;
          return route.fallback();
        }
        // The CSP on documents only: the header is what matters there.
        if (type !== "document" || !csp) return route.fallback();
        const response = await route.fetch();
        return route.fulfill({
          response,
          headers: { ...response.headers(), "content-security-policy": csp },
        });
      },
    );
  }
  await options.prepare?.(page);
  const navigation = page.goto(url, { waitUntil: "load" });
  if (holdImagesUntilPaint) {
    const timeout = setTimeout(release, 5_000); // never hold them for good
    await page.waitForEvent("domcontentloaded");
    // Told by the paint timeline itself, not by polling: polling waits on animation frames or
    // timers, which a page under a fixed clock (page.clock) or without JavaScript never runs,
    // and each such page then held its images for the whole default timeout.
    if (options.contextOptions?.javaScriptEnabled !== false) {
      await Promise.race([
        page
          .evaluate(
            () =>
              new Promise<void>((resolve) => {
                new PerformanceObserver((list, observer) => {
                  if (list.getEntriesByName("first-contentful-paint").length === 0) return;
                  observer.disconnect();
                  resolve();
                }).observe({ type: "paint", buffered: true });
              }),
          )
          .catch(() => undefined),
        painted,
      ]);
    }
    clearTimeout(timeout);
    release();
  }
  const response = await navigation;
  await settle(page);
  return {
    context,
    page,
    requests,
    responses,
    consoleErrors,
    failures,
    status: response?.status(),
    close: () => context.close(),
  };
}

/** Waits for network idle, then a moment for late layout and observers to report. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(250);
}

/** The layout shift so far (CLS), with the elements that moved. */
export function layoutShift(
  page: Page,
): Promise<{ total: number; shifts: MetricsWindow["__broadsheet"]["shifts"] }> {
  return page.evaluate(() => {
    const metrics = (window as unknown as MetricsWindow).__broadsheet;
    return { total: metrics.cls, shifts: metrics.shifts };
  });
}

/** Whether the LCP element matches `selector` (the first match), and what it was. */
export function lcpElement(
  page: Page,
  selector: string,
): Promise<{ matches: boolean; element: string; size: number }> {
  return page.evaluate((target) => {
    const metrics = (window as unknown as MetricsWindow).__broadsheet;
    const element = metrics.lcp;
    const description = element
      ? `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute("src") ?? ""}`
      : "none";
    return {
      matches: element !== null && element === document.querySelector(target),
      element: description,
      size: metrics.lcpSize,
    };
  }, selector);
}

/** The requests that left the local server (data: and blob: URLs are not requests to a host). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === "data:" || parsed.protocol === "blob:") return false;
    return parsed.origin !== origin;
  });
}
