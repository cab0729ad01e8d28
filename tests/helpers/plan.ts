/**
 * The build's page plan (scripts/engine/page-plan.ts) on synthetic articles, without a build:
 * what every page would show, for tests of listings, archives, feeds and sitemaps at sizes a
 * fixture build could only reach with thousands of articles.
 */
import assert from "node:assert/strict";
import type { DateTime } from "luxon";
import { cardOf } from "../../scripts/content/card.ts";
import type { Article, Site } from "../../scripts/content/model.ts";
import { type PlannedPage, planPages, viewKeys } from "../../scripts/engine/page-plan.ts";
import { monthKey } from "../../scripts/site/calendar.ts";
import {
  outputFile,
  PAGE_TEMPLATES,
  type PageKind,
  type PageSpec,
} from "../../scripts/site/page-specs.ts";
import {
  type MediaRef,
  newestFirst,
  type PlannedArticle,
} from "../../scripts/site/planned-article.ts";

/**
 * An article as the build hands it to the plan. Its body is never read here: tests take bodies
 * from their own articles, so the record's key and place are stand-ins.
 */
export function plannedArticle(
  article: Article,
  timeZone: string,
  media: { image?: MediaRef; thumbnail?: MediaRef } = {},
): PlannedArticle {
  const card = cardOf(article);
  const base = {
    card,
    recordKey: `record-${card.slug}`,
    record: { pack: "test", offset: 0, length: 0, hash: "" },
    month: monthKey(card.dateMs, timeZone),
    media,
  };
  return { ...base, ...viewKeys(base) };
}

/** The planned site: its pages by output file, and its articles by slug. */
export interface Plan {
  readonly pages: ReadonlyMap<string, PlannedPage>;
  readonly articles: ReadonlyMap<string, Article>;
  /** The spec of the page at a site-relative URL path (`/`, `/feed.xml`); fails when absent. */
  spec<K extends PageKind>(kind: K, urlPath: string): Extract<PageSpec, { kind: K }>;
  /** Site-relative URL paths of the pages of one kind, in plan order. */
  paths(kind: PageKind): string[];
}

/** Plans the site `site` with `articles` (any order) at the moment `now`. */
export function planSite(site: Site, articles: readonly Article[], now: DateTime): Plan {
  const planned = articles.map((article) => plannedArticle(article, site.timeZone));
  planned.sort(newestFirst);
  const versions = Object.fromEntries(
    Object.keys(PAGE_TEMPLATES).map((kind) => [kind, `v-${kind}`]),
  ) as { [kind in PageKind]: string };
  const list = planPages({
    site,
    assets: {
      css: "/assets/site.0.css",
      bodyMedia: "/assets/body-media.0.css",
      videoFacade: "/assets/video.0.js",
      embeds: "/assets/embeds.0.js",
      gallery: "/assets/gallery.0.js",
      search: "/assets/search.0.js",
      liveBlog: "/assets/live.0.css",
      livePoll: "/assets/live.0.js",
      livePermalink: "/assets/live-permalink.0.js",
      shareIcon: "/assets/icon-512.0.png",
      fronts: "/assets/fronts.0.css",
      breaking: "/assets/breaking.0.js",
      logo: "/assets/logo.0.svg",
      logoSize: "512x512",
      fontPreload: "/assets/newsreader-latin-wght-normal.0.woff2",
      favicon: "/favicon.ico",
      appleTouchIcon: "/assets/apple-touch-icon.0.png",
      manifest: "/site.webmanifest",
    },
    nowMs: now.toMillis(),
    nowIso: now.toISO() ?? "",
    year: now.setZone(site.timeZone).year,
    articles: planned,
    searchParts: [],
    versions,
  });
  const pages = new Map(list.map((page) => [page.file, page]));
  assert.equal(pages.size, list.length, "two planned pages share an output file");
  return {
    pages,
    articles: new Map(articles.map((article) => [article.slug, article])),
    spec(kind, urlPath) {
      const page = pages.get(outputFile(urlPath));
      assert.ok(page, `no page planned at ${urlPath}`);
      const spec = page.spec();
      assert.equal(spec.kind, kind, `${urlPath} is a ${spec.kind} page`);
      return spec as Extract<PageSpec, { kind: typeof kind }>;
    },
    paths(kind) {
      return list.filter((page) => page.kind === kind).map((page) => page.spec().path);
    },
  };
}
