/** What a build is asked to do, and what it reports having done. */
import type { ContentOptions } from "../content/options.ts";
import type { MediaOptions, MediaProgress } from "../media/types.ts";
import type { HeldStory } from "./held-report.ts";
import type { BuildTarget } from "./target.ts";
import type { CommitStats } from "./transaction.ts";

export interface BuildOptions {
  readonly content: ContentOptions;
  readonly target: BuildTarget;
  readonly media: Partial<MediaOptions>;
  readonly onMediaProgress?: (progress: MediaProgress) => void;
  /** Called as each step ends, with its name and duration. */
  readonly onStep?: (name: string, ms: number) => void;
  /** Called as each step starts, with its name (a failure can then say where it happened). */
  readonly onStepStart?: (name: string) => void;
  /**
   * Keep the last build's search index as it was (the dev server publishes pages at once, then
   * runs a second build for the index). Ignored when there is no last build.
   */
  readonly skipSearch?: boolean;
  /** Called once when the build waits for another build of the same target to finish. */
  readonly onLockWait?: (pid: number | undefined) => void;
}

export interface BuildSummary {
  readonly articles: number;
  readonly held: { readonly drafts: number; readonly embargoed: number };
  /** Picks (fronts, banner, `related`) waiting for a draft or an embargo, in words. */
  readonly waitingPicks?: readonly string[];
  /** The drafts and embargoed stories by name (held-report.ts says them). */
  readonly waiting: readonly HeldStory[];
  /** The site's time zone: release times are said in it. */
  readonly timeZone: string;
  readonly parsed: number;
  /** Live updates in every blog, and how many were parsed (scripts/engine/live-scan.ts). */
  readonly live: { readonly updates: number; readonly parsed: number };
  readonly pages: { readonly total: number; readonly rendered: number };
  readonly images: { readonly total: number; readonly encoded: number; readonly reused: number };
  readonly search: { readonly parts: number; readonly indexed: number };
  readonly files: number;
  readonly commit: CommitStats;
  /** Why pages were rendered, when something changed every page of a kind. */
  readonly reasons: readonly string[];
  /** Output files written or removed by this build. */
  readonly changed: readonly string[];
}
