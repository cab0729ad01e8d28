/**
 * The report: the targets (issue 25's, and issue 11's for the dev server), build time against
 * archive size with the ratios, and each
 * size's builds in full, as Markdown (printed, and written beside the JSON and the chart in
 * `bench-results/`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scaleChart } from "./chart.ts";
import { count, kindPeak, perArticle, ratio, seconds, table, times } from "./format.ts";
import { imagesSection, leadImageSection } from "./report-images.ts";
import { profileSection } from "./report-profile.ts";
import { type BenchResults, BUILDS, type BuildKey, type SizeResult } from "./results.ts";
import { checkTargets, costBase, relativeCost, type TargetCheck } from "./targets.ts";

function statusText(check: TargetCheck): string {
  if (check.status === "met") return "**met**";
  if (check.status === "missed") return "**MISSED**";
  if (check.status === "indicative") {
    return `indicative (target is at ${count(check.limitAt ?? 0)})`;
  }
  return "not measured";
}

/** The ratios the issue asks for, as `[label, numerator, denominator]` builds. */
const RATIOS: readonly (readonly [string, BuildKey, BuildKey])[] = [
  ["cold / plain Eleventy cold", "cold", "plainCold"],
  ["cold / Hugo cold", "cold", "hugoCold"],
  ["publish one / Hugo cold", "added", "hugoCold"],
  ["one live update / publish one", "liveUpdate", "added"],
  ["front page edited / publish one", "front", "added"],
  ["nothing changed / Hugo cold", "unchanged", "hugoCold"],
];

/** Build times by size (the README's table), the ratios, and the cold cost per article. */
function scaleSection(sizes: readonly SizeResult[], chartFile: string): string {
  const ordered = [...sizes].sort((a, b) => a.size - b.size);
  const header = ["build", ...ordered.map((size) => `${count(size.size)} articles`)];
  const align = ["l" as const, ...ordered.map(() => "r" as const)];
  const wall = (size: SizeResult, key: BuildKey) => size.builds[key]?.summary.wallMs;
  const base = costBase(sizes);
  const rows = BUILDS.map(({ key, label }) => [
    label,
    ...ordered.map((size) => {
      const ms = wall(size, key);
      if (ms !== undefined) return seconds(ms);
      const error = size.errors[key] ?? "";
      return error.startsWith("failed") ? "failed" : error.startsWith("skipped") ? "skipped" : "-";
    }),
  ]);
  rows.push([
    "cold, per article",
    ...ordered.map((size) => {
      const ms = wall(size, "cold");
      return ms === undefined ? "-" : perArticle(ms, size.size);
    }),
  ]);
  if (base) {
    rows.push([
      `cold per article, relative to ${count(base.size)}`,
      ...ordered.map((size) => times(relativeCost(size, sizes) ?? Number.NaN)),
    ]);
  }
  return [
    "## Build time against archive size",
    "",
    `Median wall time of each build (the chart, \`${chartFile}\`, plots four of these rows).`,
    "",
    table(header, align, rows),
    "",
    `![Build time against archive size](${chartFile})`,
    "",
    "### Ratios (wall time; CPU time in brackets)",
    "",
    table(
      ["ratio", ...header.slice(1)],
      align,
      RATIOS.map(([label, top, bottom]) => [
        label,
        ...ordered.map((size) => {
          const a = size.builds[top]?.summary;
          const b = size.builds[bottom]?.summary;
          if (!a || !b) return "-";
          return `${times(ratio(a.wallMs, b.wallMs))} (${times(ratio(a.cpuMs, b.cpuMs))})`;
        }),
      ]),
    ),
    "",
  ].join("\n");
}

/** One size's builds in full. */
function sizeSection(result: SizeResult): string {
  const lines = [
    `## ${count(result.size)} articles`,
    "",
    `Projects written in ${seconds(result.generateMs)}. Peaks are each process's VmHWM; ` +
      "`2x` is how many processes of that kind ran (the largest peak shown); `*` marks figures " +
      "only sampled from /proc every 50 ms (a lower bound).",
    "",
    table(
      [
        "build",
        "wall",
        "CPU",
        "main",
        "workers",
        "Pagefind",
        "other",
        "rendered",
        "reused",
        "runs",
      ],
      ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
      BUILDS.flatMap(({ key, label }) => {
        const build = result.builds[key];
        if (!build) return [];
        const { summary, runs } = build;
        return [
          [
            label,
            seconds(summary.wallMs),
            seconds(summary.cpuMs),
            kindPeak(summary, "main"),
            kindPeak(summary, "worker"),
            kindPeak(summary, "pagefind"),
            kindPeak(summary, "other"),
            summary.summary ? count(summary.summary.rendered) : "-",
            summary.summary ? count(summary.summary.reused) : "-",
            String(runs.length),
          ],
        ];
      }),
    ),
    "",
  ];
  const why = BUILDS.flatMap(({ key, label }) => {
    const reason = result.builds[key]?.summary.summary?.why;
    return reason ? [`${label}: ${reason}`] : [];
  });
  if (why.length > 0) lines.push(`Why pages were rendered: ${why.join("; ")}.`, "");
  for (const { key, label } of BUILDS) {
    const error = result.errors[key];
    if (error) lines.push(`${label}: ${error.split("\n").slice(0, 6).join(" / ")}`, "");
  }
  const dev = result.devServer;
  if (dev) {
    lines.push(
      `Dev server: first page served after ${seconds(dev.startMs)}; headline edits reached the ` +
        `page in ${dev.edits.map((e) => `${Math.round(e.pageMs)} ms`).join(", ")} (reload ` +
        `message after ${dev.edits.map((e) => `${Math.round(e.reloadMs)} ms`).join(", ")}).`,
      "",
    );
  }
  if (result.devServerError) lines.push(`Dev server: ${result.devServerError}`, "");
  if (result.liveJson) {
    const { updates, bytes, gzipBytes } = result.liveJson;
    lines.push(
      `Live blog: after the update, the JSON readers' pages poll is ${count(bytes)} bytes ` +
        `(${count(gzipBytes)} gzipped) for a blog of ${count(updates)} updates.`,
      "",
    );
  }
  if (result.profile) lines.push(profileSection(result.profile));
  if (result.images) lines.push(imagesSection(result.images));
  return lines.join("\n");
}

/** The whole run as Markdown; `chartFile` is the chart's path relative to the report. */
export function formatReport(results: BenchResults, chartFile = "scale.svg"): string {
  const { machine, hugo } = results;
  const busy = machine.loadAverage > machine.cores * 0.5;
  return [
    "# Broadsheet benchmark",
    "",
    `${results.date} · \`${results.command}\` · seed ${results.seed} · ${results.repeat} run(s) ` +
      `per build (median wall and CPU, largest peak memory) · ${seconds(results.totalMs)} in all`,
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage.toFixed(2)} at ` +
      `the start${busy ? " (**busy**: wall times are inflated, CPU times less so)" : ""}.`,
    "",
    "missing" in hugo
      ? `Hugo: ${hugo.missing}.`
      : `Hugo: ${hugo.version}; measured with ${hugo.measuredWith}.`,
    "",
    "## Targets (issue 25; the dev server's, issue 11)",
    "",
    table(
      ["target", "articles", "measured", "limit", "result"],
      ["l", "r", "l", "l", "l"],
      checkTargets(results).map((check) => [
        check.target,
        count(check.size),
        check.measured,
        check.limit,
        statusText(check),
      ]),
    ),
    "",
    scaleSection(results.sizes, chartFile),
    ...results.sizes.map(sizeSection),
    ...(results.leadImage ? [leadImageSection(results.leadImage)] : []),
  ].join("\n");
}

/**
 * Writes `<dir>/bench-<date>-<sizes>.md`, `.json` and `.svg` (the chart), and the chart again as
 * `<dir>/scale.svg`, the latest run's, for the README; returns their paths.
 */
export function writeResults(
  dir: string,
  results: BenchResults,
): { markdown: string; json: string; chart: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const base = path.join(dir, `bench-${stamp}-${results.sizes.map((size) => size.size).join("-")}`);
  const markdown = `${base}.md`;
  const json = `${base}.json`;
  const chart = path.join(dir, "scale.svg");
  const { machine } = results;
  const svg = scaleChart(
    results.sizes,
    `${results.date.slice(0, 10)} · ${machine.cores} cores, ${machine.cpu} · median of ${results.repeat} run(s)`,
  );
  writeFileSync(`${base}.svg`, svg);
  writeFileSync(chart, svg);
  writeFileSync(markdown, formatReport(results, path.basename(`${base}.svg`)));
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  return { markdown, json, chart };
}
