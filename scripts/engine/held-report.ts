/**
 * What a build held back, said by name: the drafts and the embargoed stories and live updates
 * (with the time each is released, in the site's zone), printed under the build's summary line,
 * and a warning for an embargo so far ahead that its year or month is more likely a typo than a
 * plan.
 */
import { DateTime } from "luxon";
import { type ContentOptions, heldReason } from "../content/options.ts";
import type { ArticleEntry } from "./state.ts";

/** A valid story this build did not publish, and why. */
export interface HeldStory {
  /** index.md (or a live update's file), relative to the project root. */
  readonly file: string;
  readonly title: string;
  readonly reason: "draft" | "embargoed";
  /** A live update (its field is `time:`), not an article (`date:`). */
  readonly update?: true;
  /** Its `date`: for an embargoed story, when it is released. */
  readonly dateMs: number;
}

export const HELD_DEFAULTS = {
  /** Stories named per list: the summary stays readable when a desk has prepared many. */
  listed: 10,
  /**
   * An embargo further ahead than this is warned about: newsrooms embargo for hours or days;
   * a release a year away is usually `2027` typed for `2026`.
   */
  farFutureDays: 30,
} as const;

/** How a release time reads to an editor, in the site's zone: `24 Jun 2019, 09:00`. */
export function releaseTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("d LLL yyyy, HH:mm");
}

/**
 * The updates of published live blogs that are held back, drafts and updates timed after now,
 * for the build's summary to name beside the held articles (and its report to count, with the
 * next release time a scheduled build waits for).
 */
export function heldUpdates(
  entries: readonly (readonly [string, ArticleEntry])[],
  options: Pick<ContentOptions, "now" | "includeDrafts" | "includeFuture">,
): HeldStory[] {
  const nowMs = options.now.toMillis();
  const held: HeldStory[] = [];
  for (const [, entry] of entries) {
    if (entry.card.kind !== "live" || !entry.live) continue;
    for (const { card } of Object.values(entry.live.updates)) {
      const reason = heldReason({ draft: card.draft, atMs: card.timeMs }, nowMs, options);
      if (!reason) continue;
      const title = card.title ?? `update to ${entry.card.title}`;
      held.push({ file: card.sourcePath, title, reason, dateMs: card.timeMs, update: true });
    }
  }
  return held;
}

/** How many of `waiting` are drafts and how many embargoed, for the summary line. */
export function heldCounts(waiting: readonly HeldStory[]): {
  readonly drafts: number;
  readonly embargoed: number;
} {
  const embargoed = waiting.filter((story) => story.reason === "embargoed").length;
  return { drafts: waiting.length - embargoed, embargoed };
}

/** One story as listed: its file and headline. */
function named(story: HeldStory): string {
  return `${story.file} "${story.title}"`;
}

/** The first `limit` lines, and "and N more" for the rest. */
function bounded(lines: readonly string[], limit: number): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), `and ${(lines.length - limit).toLocaleString("en")} more`];
}

/**
 * The lines naming what was held back, indented under the summary line; none when nothing was.
 * Drafts by file, embargoed stories soonest first.
 */
export function heldLines(
  waiting: readonly HeldStory[],
  zone: string,
  limit: number = HELD_DEFAULTS.listed,
): string[] {
  const drafts = waiting
    .filter((story) => story.reason === "draft")
    .sort((a, b) => a.file.localeCompare(b.file));
  const embargoed = waiting
    .filter((story) => story.reason === "embargoed")
    .sort((a, b) => a.dateMs - b.dateMs || a.file.localeCompare(b.file));
  const lines: string[] = [];
  if (drafts.length > 0) {
    lines.push("  Drafts (published once draft: true is set to false or deleted):");
    lines.push(...bounded(drafts.map(named), limit).map((line) => `    ${line}`));
  }
  if (embargoed.length > 0) {
    lines.push(`  Embargoed (released by the first build after the time shown, ${zone}):`);
    lines.push(
      ...bounded(
        embargoed.map((story) => `${releaseTime(story.dateMs, zone)}  ${named(story)}`),
        limit,
      ).map((line) => `    ${line}`),
    );
  }
  return lines;
}

/** Warnings for embargoes more than {@link HELD_DEFAULTS.farFutureDays} days after `nowMs`. */
export function farFutureWarnings(
  waiting: readonly HeldStory[],
  nowMs: number,
  zone: string,
  days: number = HELD_DEFAULTS.farFutureDays,
): string[] {
  const limit = nowMs + days * 24 * 60 * 60 * 1000;
  return waiting
    .filter((story) => story.reason === "embargoed" && story.dateMs > limit)
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(
      (story) =>
        `Warning: ${story.file} is embargoed until ${releaseTime(story.dateMs, zone)} (${zone}), more than ${days} days from now. If the year or month is a typo, correct its ${story.update ? "time" : "date"}: line; if the ${story.update ? "update" : "story"} is meant to wait that long, nothing needs doing.`,
    );
}
