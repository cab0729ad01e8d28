/** The report's section for a profiled build (`--profile`): where the main process and the workers spent their time. */
import { seconds, table } from "./format.ts";
import type { ProfileResult, ProfileSummary } from "./results.ts";

function summaryTables(title: string, summary: ProfileSummary): string {
  const { file, totalMs, areas, functions } = summary;
  const share = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)}%`;
  return [
    `${title} (${seconds(totalMs)} sampled, profiler on): \`${file}\``,
    "",
    table(
      ["where (self time)", "ms", "share"],
      ["l", "r", "r"],
      areas.map(([name, ms]) => [name, String(ms), share(ms)]),
    ),
    "",
    table(
      ["function (total time)", "ms", "share"],
      ["l", "r", "r"],
      functions.map(([name, ms]) => [name, String(ms), share(ms)]),
    ),
    "",
  ].join("\n");
}

/** The profiled cold build's summaries, and any heap profiles written. */
export function profileSection(profile: ProfileResult): string {
  const parts = [
    "### CPU profile of a cold build",
    "",
    summaryTables("Main process, main thread", profile.main),
  ];
  if (profile.workers) {
    parts.push(summaryTables("Workers, main threads, taken together", profile.workers));
  }
  if (profile.heapProfiles && profile.heapProfiles.length > 0) {
    parts.push(
      `Heap profiles (open in Chrome DevTools, Memory tab): ${profile.heapProfiles.map((file) => `\`${file}\``).join(", ")}`,
      "",
    );
  }
  return parts.join("\n");
}
