/** The line a build prints when it succeeds: what it made, what it reused, and why. */
import type { BuildSummary } from "./build-types.ts";
import type { PublishMode } from "./transaction.ts";

/** How the output folder was brought up to date, as the summary says it. */
const MODES: Readonly<Record<PublishMode, string>> = {
  "in place": "in place",
  fresh: "fresh",
  checked: "in place, every file checked",
  resumed: "in place, an interrupted publish finished",
  unchanged: "nothing changed since the last build",
};

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/**
 * `Built 4,000 articles (12,401 pages: 14 rendered, 12,387 reused) into _site/ in 1.2 s · ...`.
 * The benchmark reads it, so its first part keeps this shape. `startup`, when given, is the part
 * of `seconds` spent before the build began (Node and TypeScript loading): `seconds` is then the
 * time the editor waited, from the process's start.
 */
export function summaryLine(
  summary: BuildSummary,
  seconds: string,
  output: string,
  startup?: string,
): string {
  const { pages, images, search, held, commit } = summary;
  const reused = pages.total - pages.rendered;
  const parts = [
    `Built ${count(summary.articles, "article")} (${count(pages.total, "page")}: ${pages.rendered.toLocaleString("en")} rendered, ${reused.toLocaleString("en")} reused) into ${output} in ${seconds} s${startup === undefined ? "" : ` (${startup} s of it starting up)`}`,
    `images: ${images.total} (${images.reused} reused, ${images.encoded} encoded)`,
    `search: ${count(search.parts, "part")} (${search.indexed} indexed)`,
    `files: ${commit.written} written, ${commit.removed} removed (${MODES[commit.mode]})`,
  ];
  if (summary.live.updates > 0) {
    parts.push(`live: ${count(summary.live.updates, "update")} (${summary.live.parsed} parsed)`);
  }
  if (held.drafts + held.embargoed > 0) {
    parts.push(`held back: ${count(held.drafts, "draft")}, ${held.embargoed} embargoed`);
  }
  if (summary.waitingPicks && summary.waitingPicks.length > 0) {
    parts.push(`waiting: ${summary.waitingPicks.join("; ")}`);
  }
  if (summary.reasons.length > 0) parts.push(`why: ${summary.reasons.join("; ")}`);
  return parts.join(" · ");
}
