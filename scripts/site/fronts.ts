/**
 * What a front shows, as pure functions of its file and the published stories: each container's
 * picks in order (those still drafts or embargoed left out, and named as waiting), then its fill,
 * the newest stories matching every condition, skipping every story picked anywhere on the front
 * and every story an earlier container shows, up to the container's size. The banner, while it
 * lasts, with its link resolved.
 *
 * Fills read the streams the page plan already builds (sections, topics, kinds): a fill scans the
 * shortest stream its conditions name and stops once the container is full, so a front costs
 * time in proportion to what it shows, not to the archive.
 */

import type { FrontBanner, FrontContainer, FrontFile } from "../content/front-model.ts";
import type { ArticleKind } from "../content/kinds.ts";
import type { PlannedArticle } from "./planned-article.ts";
import { topicSlug } from "./urls.ts";

/** Where a picked slug stands in this build. */
export type PickState =
  | { readonly kind: "published"; readonly article: PlannedArticle }
  | { readonly kind: "draft" }
  | { readonly kind: "embargoed"; readonly releaseMs: number }
  /** An article folder that did not load: its own problems stop the build. */
  | { readonly kind: "missing" };

/** The published stories a front's fills choose from, each list newest first. */
export interface FillSources {
  /** Every published story. */
  readonly all: readonly PlannedArticle[];
  section(slug: string): readonly PlannedArticle[];
  /** The stories of a topic, by its folded slug (as topic pages group tags). */
  topic(slug: string): readonly PlannedArticle[];
  kind(kind: ArticleKind): readonly PlannedArticle[];
}

/** A pick that is not shown yet, and why. */
export interface WaitingPick {
  readonly slug: string;
  readonly state: "draft" | "embargoed";
  /** For an embargo: when it lifts. */
  readonly releaseMs?: number;
}

/** A container as shown: its definition and its stories, in order. */
export interface ShownContainer {
  readonly container: FrontContainer;
  /** Picks first, then the fill; never more than the container's size. */
  readonly stories: readonly PlannedArticle[];
}

/** A front as shown. */
export interface ShownFront {
  /** Containers with at least one story (an empty one is left out of the page). */
  readonly containers: readonly ShownContainer[];
  /** Picks waiting to be published, in the order they appear on the front. */
  readonly waiting: readonly WaitingPick[];
}

/**
 * Whether a story matches every condition of a fill. A sponsored piece is advertising: a fill
 * takes one only when it asks for that kind (an editor may still pick one by hand).
 */
export function matchesFill(
  article: PlannedArticle,
  fill: NonNullable<FrontContainer["fill"]>,
  topic: string | undefined = fill.topic === undefined ? undefined : topicSlug(fill.topic),
): boolean {
  const { card } = article;
  if (card.kind === "sponsored" && fill.kind !== "sponsored") return false;
  if (fill.section !== undefined && card.section.slug !== fill.section) return false;
  if (fill.kind !== undefined && (card.kind ?? "news") !== fill.kind) return false;
  if (topic !== undefined && !card.tags.some((tag) => topicSlug(tag) === topic)) return false;
  return true;
}

/** The shortest stream that holds every story a fill could match. */
function candidates(fill: NonNullable<FrontContainer["fill"]>, sources: FillSources) {
  const lists: (readonly PlannedArticle[])[] = [];
  if (fill.section !== undefined) lists.push(sources.section(fill.section));
  if (fill.topic !== undefined) lists.push(sources.topic(topicSlug(fill.topic)));
  if (fill.kind !== undefined) lists.push(sources.kind(fill.kind));
  if (lists.length === 0) return sources.all;
  return lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
}

/**
 * Picks the stories of every container of a front. `pick` tells where a picked slug stands;
 * slugs it calls missing are skipped (their articles' own problems stop the build).
 */
export function showFront(
  containers: readonly FrontContainer[],
  pick: (slug: string) => PickState,
  sources: FillSources,
): ShownFront {
  const waiting: WaitingPick[] = [];
  // Every story picked anywhere on the front is kept for its pick: no fill may take it first.
  const taken = new Set<PlannedArticle>();
  const picks = containers.map((container) =>
    container.stories.flatMap((story) => {
      const state = pick(story.slug);
      if (state.kind === "published") {
        taken.add(state.article);
        return [state.article];
      }
      if (state.kind === "draft") waiting.push({ slug: story.slug, state: "draft" });
      if (state.kind === "embargoed") {
        waiting.push({ slug: story.slug, state: "embargoed", releaseMs: state.releaseMs });
      }
      return [];
    }),
  );
  const shown: ShownContainer[] = [];
  containers.forEach((container, index) => {
    const stories = [...(picks[index] ?? [])].slice(0, container.size);
    const fill = container.fill;
    if (fill && stories.length < container.size) {
      const topic = fill.topic === undefined ? undefined : topicSlug(fill.topic);
      for (const article of candidates(fill, sources)) {
        if (stories.length >= container.size) break;
        if (taken.has(article) || !matchesFill(article, fill, topic)) continue;
        stories.push(article);
        taken.add(article);
      }
    }
    if (stories.length > 0) shown.push({ container, stories });
  });
  return { containers: shown, waiting };
}

/** The banner as readers see it: its words, where it leads, when it comes down. */
export interface ShownBanner {
  readonly text: string;
  /** A site-relative path (an article's URL) or an https address; absent when it links nowhere yet. */
  readonly url?: string;
  /** ISO 8601 as written: the reader's browser hides the banner after it, before the next build. */
  readonly until?: string;
}

/**
 * The banner while it lasts (`nowMs` before `until`), else nothing. A link to a story not yet
 * published is left off until it is, and named as waiting.
 */
export function showBanner(
  banner: FrontBanner | undefined,
  nowMs: number,
  pick: (slug: string) => PickState,
): { banner?: ShownBanner; waiting: readonly WaitingPick[] } {
  if (!banner || (banner.until !== undefined && banner.until.ms <= nowMs)) return { waiting: [] };
  const link = banner.link;
  const base = { text: banner.text, ...(banner.until ? { until: banner.until.iso } : {}) };
  if (!link) return { banner: base, waiting: [] };
  if (link.kind === "url") return { banner: { ...base, url: link.url }, waiting: [] };
  const state = pick(link.slug);
  if (state.kind === "published") {
    return { banner: { ...base, url: state.article.card.url }, waiting: [] };
  }
  const waiting: WaitingPick[] =
    state.kind === "draft"
      ? [{ slug: link.slug, state: "draft" }]
      : state.kind === "embargoed"
        ? [{ slug: link.slug, state: "embargoed", releaseMs: state.releaseMs }]
        : [];
  return { banner: base, waiting };
}

/**
 * An article's related stories: its hand-picked ones that are published, in order, then the
 * automatic ones it does not pick, up to `limit` in all (every published pick is shown, even
 * past the limit: the editor chose them).
 */
export function withPicks(
  picked: readonly string[],
  automatic: readonly PlannedArticle[],
  pick: (slug: string) => PickState,
  limit: number,
): { stories: PlannedArticle[]; waiting: WaitingPick[] } {
  const stories: PlannedArticle[] = [];
  const waiting: WaitingPick[] = [];
  for (const slug of picked) {
    const state = pick(slug);
    if (state.kind === "published") stories.push(state.article);
    else if (state.kind === "draft") waiting.push({ slug, state: "draft" });
    else if (state.kind === "embargoed") {
      waiting.push({ slug, state: "embargoed", releaseMs: state.releaseMs });
    }
  }
  const chosen = new Set(stories);
  for (const article of automatic) {
    if (stories.length >= limit) break;
    if (!chosen.has(article)) stories.push(article);
  }
  return { stories, waiting };
}

/** The fronts of a site by the page they drive: `home`, or a section's slug. */
export function frontsByName(fronts: readonly FrontFile[]): ReadonlyMap<string, FrontFile> {
  return new Map(fronts.map((front) => [front.name, front]));
}
