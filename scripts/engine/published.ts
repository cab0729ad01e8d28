/**
 * From the valid articles to what this build publishes: drafts only when asked, future-dated
 * (embargoed) articles only when asked, newest first, ties broken by slug so the order never
 * depends on the disk. Two articles may never claim one URL.
 */

import type { ProfileIndex } from "../content/author-entries.ts";
import type { ContentIssue } from "../content/issues.ts";
import { type ContentOptions, heldReason } from "../content/options.ts";
import { resolveByline } from "../site/bylines.ts";
import type { PlannedLive } from "../site/live-model.ts";
import type { PlannedArticle, PlannedMedia } from "../site/planned-article.ts";
import { newestFirst } from "../site/planned-article.ts";
import { keyOf } from "./hashing.ts";
import type { HeldStory } from "./held-report.ts";
import { liveCard } from "./live-stage.ts";
import { viewKeys } from "./page-plan.ts";
import type { ArticleEntry } from "./state.ts";

export interface Published {
  /** Newest first. */
  readonly entries: readonly [string, ArticleEntry][];
  /** The stories held back, by file, for the build's summary to name (held-report.ts). */
  readonly waiting: readonly HeldStory[];
}

/** The articles this build publishes, by folder name. */
export function selectPublished(
  entries: ReadonlyMap<string, ArticleEntry>,
  options: Pick<ContentOptions, "now" | "includeDrafts" | "includeFuture">,
): Published {
  const nowMs = options.now.toMillis();
  const waiting: HeldStory[] = [];
  // Sorted through small objects of one shape: cards read from the state come in many shapes,
  // and reading them in the comparator was a third of a second at 100,000 articles.
  const chosen: { dateMs: number; slug: string; item: [string, ArticleEntry] }[] = [];
  for (const [folder, entry] of entries) {
    const { card } = entry;
    const reason = heldReason({ draft: card.draft, atMs: card.dateMs }, nowMs, options);
    if (reason) {
      waiting.push(heldStory(card, reason));
      continue;
    }
    chosen.push({ dateMs: card.dateMs, slug: card.slug, item: [folder, entry] });
  }
  chosen.sort((a, b) => b.dateMs - a.dateMs || a.slug.localeCompare(b.slug));
  return { entries: chosen.map((pick) => pick.item), waiting };
}

function heldStory(card: ArticleEntry["card"], reason: HeldStory["reason"]): HeldStory {
  return { file: card.sourcePath, title: card.title, reason, dateMs: card.dateMs };
}

/** Two valid articles whose URLs differ only in case would overwrite each other on some disks. */
export function urlCollisions(entries: ReadonlyMap<string, ArticleEntry>): ContentIssue[] {
  const byUrl = new Map<string, ArticleEntry>();
  const issues: ContentIssue[] = [];
  for (const entry of entries.values()) {
    const key = entry.card.url.toLowerCase();
    const other = byUrl.get(key);
    if (other) {
      issues.push({
        file: entry.card.sourcePath,
        message: `This article has the same URL (${entry.card.url}) as ${other.card.sourcePath}.`,
        fix: "Rename one of the two folders so each article has its own slug.",
      });
    }
    byUrl.set(key, entry);
  }
  return issues;
}

/**
 * The published articles as the page plan takes them, bylines resolved against `profiles`. A live
 * blog (in `live`, by folder) is planned with the card and record key its updates make
 * (live-stage.ts): its last change is its newest update, and search and feeds read them all.
 */
export function plannedArticles(
  published: Published,
  media: ReadonlyMap<string, PlannedMedia>,
  profiles?: ProfileIndex,
  live: ReadonlyMap<string, PlannedLive> = new Map(),
  /** Stories published from this moment show their time on cards (card-view.ts). */
  recentSinceMs?: number,
): PlannedArticle[] {
  // Built as one literal, not by spreading: this runs for every article on every build.
  const planned = published.entries.map(([folder, entry]): PlannedArticle => {
    const blog = live.get(folder);
    const card = blog ? liveCard(entry.card, blog) : entry.card;
    const articleMedia = media.get(folder) ?? {};
    const byline =
      profiles && card.authors.length > 0 ? resolveByline(card.authors, profiles) : undefined;
    const { view, cardKey, itemKey } = viewKeys(
      { card, media: articleMedia },
      {
        ...(recentSinceMs === undefined ? {} : { recentSinceMs }),
        ...(byline ? { byline } : {}),
      },
    );
    const article = {
      card,
      view,
      recordKey: blog ? keyOf(entry.recordKey, blog.key) : entry.recordKey,
      record: entry.record,
      month: entry.month,
      media: articleMedia,
      cardKey,
      itemKey,
    };
    const withLive = blog ? { ...article, live: blog } : article;
    return byline ? { ...withLive, byline } : withLive;
  });
  return planned.sort(newestFirst);
}
