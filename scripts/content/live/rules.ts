/**
 * The rules a live blog's updates keep together and with the blog's index.md (CONTENT.md, "Live
 * coverage"): updates belong to a blog that is `kind: live`, none is timed before the blog's
 * first publication, and at most one is pinned. Checked on the updates' cards alone, every build,
 * so changing the blog's date or kind re-checks every update without parsing any of them.
 */
import type { ContentIssue } from "../issues.ts";
import type { UpdateCard } from "./update.ts";

/** What the rules need of the blog: its file, kind and first publication. */
export interface BlogFacts {
  readonly sourcePath: string;
  readonly kind: string;
  readonly date: string;
  readonly dateMs: number;
}

/** An update file found under an article that is not a live blog. */
export function notLiveIssue(file: string, blog: Pick<BlogFacts, "sourcePath">): ContentIssue {
  return {
    file,
    message: `This update is in the live/ folder of ${blog.sourcePath}, which is not a live blog: it would never be shown.`,
    fix: `Add kind: live to ${blog.sourcePath} to make the article a live blog, or move the file out of the live/ folder.`,
  };
}

/** A stored date as an editor writes it: without the milliseconds nobody typed. */
function asWritten(iso: string): string {
  return iso.replace(/\.000(?=[Z+-])/, "");
}

/** Every rule the updates of one blog break, each at the update's file and line. */
export function liveRuleIssues(blog: BlogFacts, updates: readonly UpdateCard[]): ContentIssue[] {
  if (blog.kind !== "live") return updates.map((update) => notLiveIssue(update.sourcePath, blog));
  const issues: ContentIssue[] = [];
  for (const update of updates) {
    if (update.timeMs < blog.dateMs) {
      issues.push({
        file: update.sourcePath,
        ...(update.timeLine === undefined ? {} : { line: update.timeLine }),
        field: "time",
        message: `time ${update.time} is before the live blog began (date: ${asWritten(blog.date)} in ${blog.sourcePath}).`,
        fix: "Correct the update's time, or move the blog's date earlier: an update cannot come before the coverage it belongs to.",
      });
    }
  }
  const pinned = updates.filter((update) => update.pinned);
  if (pinned.length > 1) {
    for (const update of pinned) {
      const others = pinned
        .filter((other) => other !== update)
        .map((other) => other.sourcePath)
        .join(", ");
      issues.push({
        file: update.sourcePath,
        ...(update.pinnedLine === undefined ? {} : { line: update.pinnedLine }),
        field: "pinned",
        message: `This update is pinned, and so is ${others}: a live blog pins at most one update.`,
        fix: "Keep pinned: true on the one update readers should see first, and remove it from the others.",
      });
    }
  }
  return issues;
}
