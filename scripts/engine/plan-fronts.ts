/**
 * Fronts in the page plan (issue 21): the front page and section pages a front file drives, the
 * banner's `/breaking.json`, and articles' hand-picked related stories. A front page's key is its
 * file's content (without the positions kept for messages), the banner it shows and the card key
 * of every story it shows, each with its place and labels: editing a front re-renders that page
 * alone, a new story re-renders only the fronts whose fills take it, and editing a shown story's
 * headline re-renders the fronts that show it. Stories a front does not show are not in its key.
 */

import { type FrontContainer, type FrontFile, HOME_FRONT } from "../content/front-model.ts";
import { type ArticleKind, kindLabel } from "../content/kinds.ts";
import type { Site } from "../content/model.ts";
import {
  BREAKING_PATH,
  type CuratedFrontSpec,
  type FrontCardSpec,
  type FrontContainerSpec,
} from "../site/front-specs.ts";
import {
  type FillSources,
  frontsByName,
  type PickState,
  type ShownBanner,
  showBanner,
  showFront,
  withPicks,
} from "../site/fronts.ts";
import { cardImage, type PlannedArticle } from "../site/planned-article.ts";
import { RELATED_LIMIT } from "../site/related.ts";
import type { Stream } from "../site/streams.ts";
import { href } from "../site/urls.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import type { Add } from "./plan-listings.ts";

/** A valid article this build does not publish, and why. */
export type HeldArticle =
  | { readonly state: "draft" }
  | { readonly state: "embargoed"; readonly releaseMs: number };

/** What the plan needs to show fronts and picks. */
export interface FrontsInput {
  readonly files: readonly FrontFile[];
  /** Valid articles left out of this build (drafts, embargoed), by slug. */
  readonly held: ReadonlyMap<string, HeldArticle>;
}

/** Where every slug stands: published (with its planned article), held back, or missing. */
export function pickLookup(
  articles: readonly PlannedArticle[],
  held: ReadonlyMap<string, HeldArticle> = new Map(),
): (slug: string) => PickState {
  let bySlug: Map<string, PlannedArticle> | undefined;
  return (slug) => {
    // Built on the first pick: a site without picks never pays for it.
    bySlug ??= new Map(articles.map((article) => [article.card.slug, article]));
    const article = bySlug.get(slug);
    if (article) return { kind: "published", article };
    const hold = held.get(slug);
    if (hold?.state === "draft") return { kind: "draft" };
    if (hold?.state === "embargoed") return { kind: "embargoed", releaseMs: hold.releaseMs };
    return { kind: "missing" };
  };
}

/** An article's related stories: its published picks first, in order, then the automatic ones. */
export function relatedOf(
  article: PlannedArticle,
  automatic: readonly PlannedArticle[],
  pick: (slug: string) => PickState,
): readonly PlannedArticle[] {
  const picked = article.card.related;
  if (!picked || picked.length === 0) return automatic;
  return withPicks(picked, automatic, pick, RELATED_LIMIT).stories;
}

/** The streams the plan built, as fills read them; stories by kind are grouped on first use. */
export function fillSources(
  articles: readonly PlannedArticle[],
  streams: readonly Stream[],
): FillSources {
  const sections = new Map<string, readonly PlannedArticle[]>();
  const topics = new Map<string, readonly PlannedArticle[]>();
  for (const stream of streams) {
    if (stream.kind === "section") sections.set(stream.slug, stream.articles);
    if (stream.kind === "topic") topics.set(stream.slug, stream.articles);
  }
  let kinds: Map<ArticleKind, PlannedArticle[]> | undefined;
  return {
    all: articles,
    section: (slug) => sections.get(slug) ?? [],
    topic: (slug) => topics.get(slug) ?? [],
    kind(kind) {
      if (!kinds) {
        kinds = new Map();
        for (const article of articles) {
          const of = article.card.kind ?? "news";
          const list = kinds.get(of);
          if (list) list.push(article);
          else kinds.set(of, [article]);
        }
      }
      return kinds.get(kind) ?? [];
    },
  };
}

/** What a front file adds to a stream's front page: the key of what it shows, and its spec. */
export interface CuratedFront {
  /** Whether containers replace the page's latest stories (some container has a story). */
  readonly hasContainers: boolean;
  readonly key: string;
  readonly spec: () => CuratedFrontSpec;
}

/** A front file without the places kept for messages: what the page is keyed on. */
function frontContent(front: FrontFile) {
  return {
    containers: (front.containers ?? []).map((container) => ({
      ...container,
      stories: container.stories.map((story) => story.slug),
    })),
  };
}

/** Whether a card's labels add something where it stands. */
function labels(
  article: PlannedArticle,
  container: FrontContainer,
  pageSection: string | undefined,
): { showSection: boolean; showKind: boolean } {
  const { card } = article;
  const section = card.section.slug;
  const kind = card.kind;
  // Advertising is always labelled as such, whatever the container is filled by.
  const showKind = kind !== undefined && (kind === "sponsored" || kind !== container.fill?.kind);
  // An opinion piece in the Opinion section needs its name once.
  const sameWords = showKind && kindLabel(kind)?.toLowerCase() === card.section.name.toLowerCase();
  return {
    showSection: section !== pageSection && section !== container.fill?.section && !sameWords,
    showKind,
  };
}

/** Plans the fronts: one call per build, before the streams' pages are added. */
export function frontPlanner(input: {
  readonly site: Site;
  readonly nowMs: number;
  readonly articles: readonly PlannedArticle[];
  readonly fronts?: FrontsInput;
  readonly pick: (slug: string) => PickState;
}) {
  const byName = frontsByName(input.fronts?.files ?? []);
  const home = byName.get(HOME_FRONT);
  const banner = showBanner(home?.breaking, input.nowMs, input.pick).banner;
  return {
    /** The banner as the front page and `/breaking.json` show it, or none. */
    banner,
    /**
     * The front file's part of a stream's page, or undefined when no front file drives it (the
     * page then lists its latest stories, exactly as it did before fronts existed).
     */
    curated(stream: Stream, sources: FillSources): CuratedFront | undefined {
      const name =
        stream.kind === "home" ? HOME_FRONT : stream.kind === "section" ? stream.slug : undefined;
      const front = name === undefined ? undefined : byName.get(name);
      if (!front) return undefined;
      const shownBanner = stream.kind === "home" ? banner : undefined;
      const pageSection = stream.kind === "section" ? stream.slug : undefined;
      const shown = showFront(front.containers ?? [], input.pick, sources).containers;
      const cards = shown.map(({ container, stories }) =>
        stories.map((article) => ({ article, ...labels(article, container, pageSection) })),
      );
      const key = keyOf(
        jsonKey(frontContent(front)),
        jsonKey(shownBanner ?? null),
        ...cards.flatMap((row, index) =>
          row.map(
            (card) => `${index} ${card.article.cardKey} ${card.showSection} ${card.showKind}`,
          ),
        ),
      );
      return {
        hasContainers: shown.length > 0,
        key,
        spec: () => ({
          ...(shownBanner ? { banner: shownBanner } : {}),
          ...(shown.length > 0
            ? {
                containers: shown.map(
                  ({ container }, index): FrontContainerSpec => ({
                    ...(container.title ? { title: container.title } : {}),
                    layout: container.layout,
                    cards: (cards[index] ?? []).map((card): FrontCardSpec => {
                      const image = cardImage(card.article);
                      return {
                        view: card.article.view,
                        ...(image ? { image: image.image } : {}),
                        showSection: card.showSection,
                        showKind: card.showKind,
                      };
                    }),
                  }),
                ),
              }
            : {}),
        }),
      };
    },
  };
}

/** `/breaking.json`, always published: the banner under the site's path prefix, or `{}`. */
export function planBreaking(
  add: Add,
  site: Pick<Site, "pathPrefix">,
  banner: ShownBanner | undefined,
) {
  const shown = banner
    ? {
        ...banner,
        ...(banner.url?.startsWith("/") ? { url: href(site, banner.url) } : {}),
      }
    : undefined;
  const spec = {
    kind: "breaking",
    path: BREAKING_PATH,
    ...(shown ? { banner: shown } : {}),
  } as const;
  add("breaking", BREAKING_PATH, jsonKey(spec), () => spec);
}
