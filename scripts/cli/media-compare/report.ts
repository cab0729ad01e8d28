/** The whole report as Markdown, and the files it is written to with the JSON. */

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { COPIES, ROUNDS } from "./settings.ts";
import { bytesTable, qualityTable, settingsTable, table, timingTable } from "./tables.ts";
import type { MediaCompareResults } from "./types.ts";
import { kb, ms } from "./units.ts";

/** The whole report, as Markdown. */
export function formatReport(results: MediaCompareResults): string {
  const m = results.machine;
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(", ");
  const targets = table(
    ["Target", "Measured (median of 3)", "Limit", "Met"],
    results.targets.map((t) => [t.target, t.measured, t.limit, t.met ? "yes" : "**no**"]),
  );
  const copiesCold = results.copies
    ? ` The ${COPIES} copies (the source with a different JPEG comment each) took ${ms(results.copies.coldMs)} cold, once, after the rounds.`
    : "";
  return [
    `# Media: Broadsheet vs eleventy-img vs bare sharp`,
    "",
    `${results.date} · \`${results.command}\` · ${ROUNDS} rounds, medians`,
    "",
    `Image: \`${results.image}\` (${results.imageSize.width} x ${results.imageSize.height}, ${kb(results.imageSize.bytes)})`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}; Broadsheet's sharp ${m.sharp} (libvips ${m.vips}), eleventy-img ${m.eleventyImg}'s sharp ${m.eleventyImgSharp} (libvips ${m.eleventyImgVips}). Load average at start ${load(m.loadAverageStart)}, at end ${load(m.loadAverageEnd)}; 1-minute load as each round started: ${load(results.rounds.map((r) => r.loadAverage))}.`,
    "",
    "## Targets",
    "",
    targets,
    "",
    "## Times",
    "",
    timingTable(results),
    "",
    `Broadsheet's time is for its whole set, which has 4 crops and a placeholder that eleventy-img does not make, so the speed-up is, if anything, understated. eleventy-img ran in a fresh process each round; its time is the \`Image()\` call alone. CPU is the process's, every thread.${copiesCold}`,
    "",
    "## Bytes",
    "",
    bytesTable(results.summary),
    "",
    "## Settings",
    "",
    settingsTable(results),
    "",
    "## Quality (luma SSIM against the source resized to each file's size)",
    "",
    qualityTable(results.quality),
    "",
  ].join("\n");
}

/** Writes the report and the JSON to `dir`, named by the run's start time. */
export function writeResults(
  dir: string,
  results: MediaCompareResults,
): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const base = path.join(dir, `media-compare-${stamp}`);
  writeFileSync(`${base}.md`, formatReport(results));
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  return { markdown: `${base}.md`, json: `${base}.json` };
}
