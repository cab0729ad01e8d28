/**
 * The page plan: every file the site publishes from its pages, each with the key of everything
 * it shows. Like Hugo's dependency tracker, a page records its inputs: its own article's record,
 * the card keys of the stories it lists, its processed images, the site settings it reads, the
 * asset URLs and the year in its footer, and the code version of its template. A page is
 * rendered again exactly when its key changes; the spec it is rendered from is built only then.
 *
 * Keys are made from the same values the specs are made from, side by side below, so a key
 * cannot miss what a page shows.
 */
import type { Site } from "../content/model.ts";
import { archiveMonths } from "../site/archives.ts";
import type { AssetPaths } from "../site/assets.ts";
import { articleByline, bylineOf, feedAuthors, type PlannedProfile } from "../site/bylines.ts";
import { cardView, itemView } from "../site/card-view.ts";
import { embedPages } from "../site/embed-headers.ts";
import { FEED_SIZE, feedPath } from "../site/feeds/channels.ts";
import { FEED_FORMATS } from "../site/feeds/outputs.ts";
import type { NewsSite, PageKind, PageSpec, SitemapSite } from "../site/page-specs.ts";
import { feedSiteOf, outputFile } from "../site/page-specs.ts";
import { bodyImageKeys, bodyImages, type PlannedArticle } from "../site/planned-article.ts";
import { relatedStories } from "../site/related.ts";
import { NEWS_SITEMAP_PATH, recentArticles } from "../site/sitemaps/news.ts";
import {
  lastModified,
  newest,
  type PlannedEntry,
  plannedSitemaps,
} from "../site/sitemaps/parts.ts";
import { SITEMAP_PATH } from "../site/sitemaps/sitemap.ts";
import {
  homeStream,
  LATEST_COUNT,
  type Stream,
  sectionStreams,
  streamRef,
  topicStreams,
} from "../site/streams.ts";
import { sectionPath } from "../site/urls.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import { planAuthorPages } from "./plan-authors.ts";
import { planCorrections } from "./plan-corrections.ts";
import { type Add, card, planArchive } from "./plan-listings.ts";

export interface PlanInput {
  readonly site: Site;
  readonly assets: AssetPaths;
  /** The build's now. */
  readonly nowMs: number;
  readonly nowIso: string;
  /** The year in the site's zone: every HTML page's footer shows it. */
  readonly year: number;
  /** Published articles, newest first. */
  readonly articles: readonly PlannedArticle[];
  /** The search index's part ids, newest first. */
  readonly searchParts: readonly string[];
  /** Each template's code version. */
  readonly versions: { readonly [kind in PageKind]: string };
  /** The author profiles, by slug (none when absent). */
  readonly profiles?: readonly PlannedProfile[];
}

/** One file of the site, as planned. */
export interface PlannedPage {
  /** Output file, e.g. `asia/x/index.html`. */
  readonly file: string;
  readonly kind: PageKind;
  readonly key: string;
  readonly spec: () => PageSpec;
}

/** The keys that say when a card or an archive row changes: see PlannedArticle. */
export function viewKeys(article: Omit<PlannedArticle, "cardKey" | "itemKey">): {
  cardKey: string;
  itemKey: string;
} {
  const image = article.media.image ?? article.media.thumbnail;
  return {
    cardKey: keyOf(jsonKey(cardView(article.card)), image?.key),
    itemKey: jsonKey(itemView(article.card)),
  };
}

/** Every page of the site. */
export function planPages(input: PlanInput): PlannedPage[] {
  const { site, articles, versions } = input;
  const pages: PlannedPage[] = [];
  const add = (kind: PageKind, path: string, key: string, spec: () => PageSpec) =>
    pages.push({ file: outputFile(path), kind, key: keyOf(versions[kind], key), spec });
  // What every HTML page shows besides its content: the site (masthead, navigation, footer),
  // the asset URLs and the footer's year.
  const html = keyOf(jsonKey(site), jsonKey(input.assets), input.year);

  const related = relatedStories(articles);
  const profiles = new Map((input.profiles ?? []).map((p) => [p.profile.slug, p]));
  for (const article of articles) {
    const { card: data, media, recordKey, record } = article;
    const others = related.get(article) ?? [];
    const byline = articleByline(bylineOf(article), profiles);
    add(
      "article",
      data.url,
      keyOf(
        html,
        recordKey,
        media.image?.key,
        media.thumbnail?.key,
        ...bodyImageKeys(media),
        ...others.map((o) => o.cardKey),
        byline.key,
      ),
      () => ({
        kind: "article",
        path: data.url,
        record,
        card: data,
        ...(media.image ? { image: media.image.image } : {}),
        ...(media.thumbnail ? { thumbnail: media.thumbnail.image } : {}),
        ...bodyImages(media),
        related: others.map((other) => card(other).spec),
        ...(byline.specs.length > 0 ? { byline: byline.specs } : {}),
      }),
    );
  }

  const streams: Stream[] = [
    homeStream(site.name, articles),
    ...sectionStreams(site.sections, articles),
    ...topicStreams(articles, site.language),
  ];
  const latest = (stream: Stream) => stream.articles.slice(0, LATEST_COUNT);
  for (const stream of streams) {
    const ref = streamRef(stream);
    const shown = latest(stream).map(card);
    const hasOlder = stream.articles.length > LATEST_COUNT;
    add(
      "front",
      ref.path,
      keyOf(html, jsonKey(ref), String(hasOlder), ...shown.map((c) => c.key)),
      () => ({
        kind: "front",
        path: ref.path,
        stream: ref,
        cards: shown.map((c) => c.spec),
        hasOlder,
      }),
    );
    planArchive(add, html, stream, archiveMonths(stream));
  }

  const authors = planAuthorPages(add, html, input);
  const corrections = planCorrections(add, html, input);

  add("search", "/search/", keyOf(html, ...input.searchParts), () => ({
    kind: "search",
    path: "/search/",
    parts: input.searchParts,
  }));
  add("not-found", "/404.html", html, () => ({ kind: "not-found", path: "/404.html" }));
  planFeeds(
    add,
    input,
    authors.streams.map((stream) => ({
      folder: stream.path,
      title: `${stream.name} | ${site.name}`,
      description: `Stories by ${stream.name} from ${site.name}.`,
      chosen: stream.articles,
    })),
  );
  planSitemaps(add, input, [...streams, ...authors.streams], latest, [
    ...authors.pages,
    ...corrections.pages,
  ]);
  const news: NewsSite = {
    name: site.name,
    origin: site.origin,
    pathPrefix: site.pathPrefix,
    language: site.language,
    timeZone: site.timeZone,
  };
  // Sponsored pieces are advertising, not news: Google News must not list them.
  const recent = recentArticles(
    articles.map((article) => article.card).filter((card) => card.kind !== "sponsored"),
    input.nowMs,
  ).map((card) => ({ url: card.url, title: card.title, date: card.date }));
  const newsSpec = {
    kind: "news-sitemap",
    path: NEWS_SITEMAP_PATH,
    site: news,
    articles: recent,
  } as const;
  add("news-sitemap", NEWS_SITEMAP_PATH, jsonKey(newsSpec), () => newsSpec);
  const robots = {
    kind: "robots",
    path: "/robots.txt",
    site: { origin: site.origin, pathPrefix: site.pathPrefix },
  } as const;
  add("robots", robots.path, jsonKey(robots), () => robots);
  const headers = {
    kind: "headers",
    path: "/_headers",
    site: {
      pathPrefix: site.pathPrefix,
      sections: site.sections,
      ...(site.cms ? { cms: site.cms } : {}),
      ...(site.imageCdn ? { imageCdn: site.imageCdn } : {}),
    },
    embedPages: embedPages(articles),
  } as const;
  add("headers", headers.path, jsonKey(headers), () => headers);
  return pages;
}

/** A feed channel: where its files go, what it is called, and its stories (newest first). */
interface Channel {
  readonly folder: string;
  readonly title: string;
  readonly description: string;
  readonly chosen: readonly PlannedArticle[];
}

/** The site's channel, each section's and `others` (each author's), in every format. */
function planFeeds(add: Add, input: PlanInput, others: readonly Channel[]) {
  const { site, articles } = input;
  const feedSite = feedSiteOf(site);
  const newestOf = (chosen: readonly PlannedArticle[]) =>
    chosen.reduce<{ iso: string; ms: number } | undefined>((latest, article) => {
      const moment = lastModified(article);
      return !latest || moment.ms > latest.ms ? moment : latest;
    }, undefined);
  // An empty channel is dated by the whole site's newest change, an empty site by the build's
  // now: never the clock, so builds are reproducible.
  const fallback = newestOf(articles.slice(0, FEED_SIZE))?.iso ?? input.nowIso;
  const channels: Channel[] = [
    {
      folder: "/",
      title: site.name,
      description: `The latest news from ${site.name}.`,
      chosen: articles,
    },
    ...site.sections.map((section) => ({
      folder: sectionPath(section.slug),
      title: `${section.name} | ${site.name}`,
      description: `${section.name} news from ${site.name}.`,
      chosen: articles.filter((article) => article.card.section.slug === section.slug),
    })),
    ...others,
  ];
  for (const channel of channels) {
    const items = channel.chosen.slice(0, FEED_SIZE);
    const updated = newestOf(items)?.iso ?? fallback;
    for (const format of FEED_FORMATS) {
      const path = feedPath(channel.folder, format);
      add(
        "feed",
        path,
        keyOf(
          jsonKey(feedSite),
          format,
          channel.folder,
          channel.title,
          channel.description,
          updated,
          ...items.flatMap((item) => [
            item.recordKey,
            item.media.image?.key ?? "-",
            item.media.thumbnail?.key ?? "-",
            ...bodyImageKeys(item.media),
            jsonKey(feedAuthors(bylineOf(item))),
          ]),
        ),
        () => ({
          kind: "feed",
          path,
          site: feedSite,
          format,
          folder: channel.folder,
          title: channel.title,
          description: channel.description,
          updated,
          items: items.map((item) => {
            const authors = feedAuthors(bylineOf(item));
            return {
              record: item.record,
              card: item.card,
              ...(item.media.image ? { image: item.media.image.image } : {}),
              ...(item.media.thumbnail ? { thumbnail: item.media.thumbnail.image } : {}),
              ...bodyImages(item.media),
              ...(authors.length > 0 ? { authors } : {}),
            };
          }),
        }),
      );
    }
  }
}

/** The sitemap index and its files; `others` are listing pages outside the streams. */
function planSitemaps(
  add: Add,
  input: PlanInput,
  streams: readonly Stream[],
  shown: (stream: Stream) => readonly PlannedArticle[],
  others: readonly PlannedEntry[],
) {
  const { site } = input;
  const sitemapSite: SitemapSite = {
    origin: site.origin,
    pathPrefix: site.pathPrefix,
    timeZone: site.timeZone,
  };
  const files = plannedSitemaps(input.articles, streams, shown, undefined, others);
  const entrySpec = (entry: { path: string; lastmod?: { iso: string } }) =>
    entry.lastmod ? { path: entry.path, lastmod: entry.lastmod.iso } : { path: entry.path };
  const parts = files.map((file) => {
    const lastmod = newest(file.entries);
    return entrySpec(lastmod ? { path: file.path, lastmod } : { path: file.path });
  });
  const index = { kind: "sitemap-index", path: SITEMAP_PATH, site: sitemapSite, parts } as const;
  add("sitemap-index", SITEMAP_PATH, jsonKey(index), () => index);
  for (const file of files) {
    const spec = {
      kind: "sitemap",
      path: file.path,
      site: sitemapSite,
      entries: file.entries.map(entrySpec),
    } as const;
    add("sitemap", file.path, jsonKey(spec), () => spec);
  }
}
