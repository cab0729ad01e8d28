/**
 * What a build changed, for machines: a scheduled build (GitHub Actions, a host's build hook,
 * cron) deploys only when the site changed, so an embargo is released on time without a deploy
 * every ten minutes. Written to the file named by `BROADSHEET_REPORT` as `name=value` lines,
 * the format of GitHub Actions' `$GITHUB_OUTPUT` and of shell variables:
 *
 *   changed=true
 *   changed_files=14
 *   drafts=1
 *   embargoed=2
 *   next_release=2026-12-08T09:00:00.000+08:00
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { HeldStory } from "./held-report.ts";

/** What the report is made from: the build's summary, in part. */
export interface ReportedBuild {
  /** Output files written or removed by the build. */
  readonly changed: readonly unknown[];
  readonly waiting: readonly HeldStory[];
}

/** The report's lines, in a fixed order, each `name=value`. */
export function reportLines(build: ReportedBuild, zone: string): string[] {
  const embargoed = build.waiting.filter((story) => story.reason === "embargoed");
  const next = embargoed.reduce<number | undefined>(
    (soonest, story) => (soonest === undefined || story.dateMs < soonest ? story.dateMs : soonest),
    undefined,
  );
  return [
    `changed=${build.changed.length > 0}`,
    `changed_files=${build.changed.length}`,
    `drafts=${build.waiting.length - embargoed.length}`,
    `embargoed=${embargoed.length}`,
    `next_release=${next === undefined ? "" : (DateTime.fromMillis(next, { zone }).toISO() ?? "")}`,
  ];
}

/** Removes a report left by an earlier build, so a failed build leaves none to be misread. */
export function clearReport(file: string | undefined): void {
  if (file) rmSync(file, { force: true });
}

/** Writes the report (a fresh file each build). */
export function writeReport(file: string, build: ReportedBuild, zone: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${reportLines(build, zone).join("\n")}\n`);
}
