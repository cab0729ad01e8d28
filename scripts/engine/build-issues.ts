/** What a build does with the problems it collects before it stops: their order, and their files. */
import type { ContentIssue } from "../content/issues.ts";

/** The article and live-update files named in `issues`: some of them may not have loaded. */
export function filesWithProblems(issues: readonly ContentIssue[]): string[] {
  const files = new Set<string>();
  for (const { file } of issues) {
    if (/^content\/articles\/[^/]+\/(?:index|live\/[^/]+)\.md$/.test(file)) files.add(file);
  }
  return [...files].sort();
}

/** By file, then line: how the report lists them. */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
