/**
 * The standing pages' part of a build: the pages scanned (page-scan.ts), their body photos made
 * or reused (page-media.ts), their addresses and policies checked against the site and each
 * other (content/page-slugs.ts), and the plan every page of the site takes from them (the
 * footer's links, the publisher's policies). Every problem is collected with the rest of the
 * run's.
 */
import type { ContentIssue } from "../content/issues.ts";
import type { Site } from "../content/model.ts";
import { pageSlugIssues, policyIssues } from "../content/page-slugs.ts";
import type { MediaOptions, MediaProgress } from "../media/types.ts";
import { type StandingPlan, standingPlan } from "../site/standing-pages.ts";
import { previousPageImages, runPageMedia } from "./page-media.ts";
import { type StandingEntry, scanPages } from "./page-scan.ts";
import type { ImageEntry } from "./state.ts";

export interface PageStageInput {
  readonly root: string;
  readonly site: Pick<Site, "sections" | "language">;
  /** The last state's pages and images. */
  readonly previous: Readonly<Record<string, StandingEntry>>;
  readonly previousImages: Readonly<Record<string, ImageEntry>>;
  /** The page parser's code version. */
  readonly parseKey: string;
  /** Every valid article (drafts and embargoed ones too: a page must not take their folder). */
  readonly articles: Iterable<{ readonly url: string; readonly sourcePath: string }>;
  readonly media: Partial<MediaOptions>;
  readonly onMediaProgress?: (progress: MediaProgress) => void;
}

export interface PageStage {
  /** The next state's pages, by slug. */
  readonly entries: Record<string, StandingEntry>;
  readonly plan: StandingPlan;
  /** The page photos in use, by identity. */
  readonly images: Record<string, ImageEntry>;
  readonly issues: readonly ContentIssue[];
  readonly parsed: number;
  readonly stats: { readonly total: number; readonly encoded: number; readonly reused: number };
}

export async function runPageStage(input: PageStageInput): Promise<PageStage> {
  const scan = scanPages(input.root, input.previous, input.parseKey);
  const cards = [...scan.entries.values()].map((entry) => entry.record.card);
  const media = await runPageMedia(
    input.root,
    cards,
    previousPageImages(input.previousImages),
    input.media,
    input.onMediaProgress,
  );
  const pages = [...scan.entries.values()].map((entry) => ({
    record: entry.record,
    recordKey: entry.recordKey,
    photos: media.bySlug.get(entry.record.card.slug) ?? [],
  }));
  return {
    entries: Object.fromEntries(scan.entries),
    plan: standingPlan(pages, input.site.language),
    images: media.images,
    issues: [
      ...scan.issues,
      // Every folder's address, a page with other mistakes too: all are reported in one run.
      ...pageSlugIssues(scan.folders, input.site.sections, input.articles),
      ...policyIssues(cards),
      ...media.issues,
    ],
    parsed: scan.parsed,
    stats: media.stats,
  };
}
