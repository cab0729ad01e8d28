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
import type { UpdateRecord } from "../content/live/update.ts";
import type { Site } from "../content/model.ts";
import { archiveMonths } from "../site/archives.ts";
import type { AssetPaths } from "../site/assets.ts";
import { articleByline, bylineOf, type PlannedProfile } from "../site/bylines.ts";
import { type CardContext, type CardView, cardView, itemView } from "../site/card-view.ts";
import { embedPages } from "../site/embed-headers.ts";
import type { PlannedUpdate } from "../site/live-model.ts";
import type { PageKind, PageSpec } from "../site/page-specs.ts";
import { outputFile } from "../site/page-specs.ts";
import { bodyImageKeys, bodyImages, type PlannedArticle } from "../site/planned-article.ts";
import { relatedStories } from "../site/related.ts";
import type { StandingPlan } from "../site/standing-pages.ts";
import {
  homeStream,
  LATEST_COUNT,
  type Stream,
  sectionStreams,
  streamRef,
  topicStreams,
} from "../site/streams.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import { planAuthorPages } from "./plan-authors.ts";
import { planCorrections } from "./plan-corrections.ts";
import { planFeeds } from "./plan-feeds.ts";
import {
  type FrontsInput,
  fillSources,
  frontPlanner,
  pickLookup,
  planBreaking,
  relatedOf,
} from "./plan-fronts.ts";
import { card, planArchive } from "./plan-listings.ts";
import { planLive } from "./plan-live.ts";
import { planNewsSitemap, planSitemaps } from "./plan-sitemaps.ts";
import {
  footerKey,
  planStandingPages,
  policiesKey,
  standingEmbedPages,
} from "./plan-standing-pages.ts";

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
  /** The standing pages, the footer's links and the publisher's policies (none when absent). */
  readonly standing?: StandingPlan;
  /** A live update's parsed body, read only for the pages rendered (live blogs only). */
  readonly readUpdate?: (update: PlannedUpdate) => UpdateRecord;
  /** Front files and the articles held back that they (or `related`) may pick. */
  readonly fronts?: FrontsInput;
}

/** One file of the site, as planned. */
export interface PlannedPage {
  /** Output file, e.g. `asia/x/index.html`. */
  readonly file: string;
  readonly kind: PageKind;
  readonly key: string;
  readonly spec: () => PageSpec;
}

/**
 * A story's card view and the keys that say when a card or an archive row changes (see
 * PlannedArticle); `context` carries the build's now and the resolved byline (card-view.ts).
 */
export function viewKeys(
  article: Pick<PlannedArticle, "card" | "media">,
  context: CardContext = {},
): { view: CardView; cardKey: string; itemKey: string } {
  const image = article.media.image ?? article.media.thumbnail;
  const view = cardView(article.card, context);
  return {
    view,
    cardKey: keyOf(jsonKey(view), image?.key),
    itemKey: jsonKey(itemView(article.card)),
  };
}

function noUpdates(update: PlannedUpdate): never {
  throw new Error(`plan: no reader for live update ${update.card.sourcePath}`);
}

/** Every page of the site. */
export function planPages(input: PlanInput): PlannedPage[] {
  const { site, articles, versions } = input;
  const pages: PlannedPage[] = [];
  const add = (kind: PageKind, path: string, key: string, spec: () => PageSpec) =>
    pages.push({ file: outputFile(path), kind, key: keyOf(versions[kind], key), spec });
  // What every HTML page shows besides its content: the site (masthead, navigation, footer),
  // the asset URLs, the footer's year and its links to the standing pages.
  const html = keyOf(jsonKey(site), jsonKey(input.assets), input.year, footerKey(input.standing));

  const related = relatedStories(articles);
  // Fronts and hand-picked related stories (plan-fronts.ts).
  const pick = pickLookup(articles, input.fronts?.held);
  const fronts = frontPlanner({ ...input, pick });
  const profiles = new Map((input.profiles ?? []).map((p) => [p.profile.slug, p]));
  for (const article of articles) {
    const { card: data, media, recordKey, record } = article;
    const others = relatedOf(article, related.get(article) ?? [], pick);
    const byline = articleByline(bylineOf(article), profiles);
    if (article.live) {
      // A live blog's first page, its blocks' pages and its JSON (plan-live.ts).
      planLive(add, article, article.live, {
        html,
        related: others.map(card),
        byline,
        readUpdate: input.readUpdate ?? noUpdates,
      });
      continue;
    }
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

  const sections = sectionStreams(site.sections, articles);
  const streams: Stream[] = [
    homeStream(site.name, articles),
    ...sections,
    ...topicStreams(articles, site.language),
  ];
  const latest = (stream: Stream) => stream.articles.slice(0, LATEST_COUNT);
  const sources = fillSources(articles, streams);
  for (const stream of streams) {
    const ref = streamRef(stream);
    // A front file's containers replace the latest stories; without one the page is as before.
    const curated = fronts.curated(stream, sources);
    const shown = curated?.hasContainers ? [] : latest(stream).map(card);
    const hasOlder = stream.articles.length > LATEST_COUNT;
    // The home page's structured data names the publisher's policies (plan-standing-pages.ts).
    const shows = stream.kind === "home" ? keyOf(html, policiesKey(input.standing)) : html;
    add(
      "front",
      ref.path,
      keyOf(
        shows,
        jsonKey(ref),
        String(hasOlder),
        ...shown.map((c) => c.key),
        ...(curated ? [curated.key] : []),
      ),
      () => ({
        kind: "front",
        path: ref.path,
        stream: ref,
        cards: shown.map((c) => c.spec),
        hasOlder,
        ...(curated ? { curated: curated.spec() } : {}),
      }),
    );
    planArchive(add, html, stream, archiveMonths(stream));
  }

  const authors = planAuthorPages(add, html, input);
  const corrections = planCorrections(add, html, input);
  const standingPages = planStandingPages(add, html, input.standing);

  add("search", "/search/", keyOf(html, ...input.searchParts), () => ({
    kind: "search",
    path: "/search/",
    parts: input.searchParts,
  }));
  add("not-found", "/404.html", html, () => ({ kind: "not-found", path: "/404.html" }));
  planFeeds(add, input, [
    ...sections.map((stream) => ({
      folder: stream.path,
      title: `${stream.name} | ${site.name}`,
      description: `${stream.name} news from ${site.name}.`,
      chosen: stream.articles,
    })),
    ...authors.streams.map((stream) => ({
      folder: stream.path,
      title: `${stream.name} | ${site.name}`,
      description: `Stories by ${stream.name} from ${site.name}.`,
      chosen: stream.articles,
    })),
  ]);
  planSitemaps(add, input, [...streams, ...authors.streams], latest, [
    ...authors.pages,
    ...corrections.pages,
    ...standingPages,
  ]);
  planNewsSitemap(add, input);
  planBreaking(add, site, fronts.banner);
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
    embedPages: [...standingEmbedPages(input.standing), ...embedPages(articles)],
  } as const;
  add("headers", headers.path, jsonKey(headers), () => headers);
  return pages;
}
