/**
 * The report: issue #7's targets checked against a run's results, and the whole run as a
 * Markdown document (printed, and written beside the JSON in `bench-results/`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BenchResults, median, SCENARIOS, type SizeResult } from "./results.ts";

/** Whether a target was met at its own size, missed, or only indicated at another size. */
export type TargetStatus = "met" | "missed" | "indicative" | "not measured";

/** One target checked at one size. */
export interface TargetCheck {
  readonly target: string;
  /** The size the figure comes from (or the size the target is set at, when not measured). */
  readonly size: number;
  /** The figure, formatted, with supporting figures. */
  readonly measured: string;
  readonly limit: string;
  readonly status: TargetStatus;
}

/** A target of issue #7: how to read its figure from a size's results, and its limit. */
interface TargetDefinition {
  readonly target: string;
  /** The size the target is set at; undefined when it holds at every size. */
  readonly at?: number;
  readonly limit: string;
  /** The figure (smaller is better), its formatted form, or undefined when not measured. */
  readonly read: (size: SizeResult) => { value: number; text: string } | undefined;
  readonly passes: (value: number) => boolean;
}

const MIB = 2 ** 20;

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}

function times(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** The targets of issue #7, as checks on a size's results. */
const TARGETS: readonly TargetDefinition[] = [
  {
    target: "Broadsheet without images vs plain Eleventy, cold build (wall)",
    at: 4000,
    limit: "≤ 1.25x",
    read: ({ builds }) => {
      const wall = ratio(builds.noImagesCold.summary.wallMs, builds.plainCold.summary.wallMs);
      const cpu = ratio(builds.noImagesCold.summary.cpuMs, builds.plainCold.summary.cpuMs);
      const warm = ratio(builds.noImagesWarm.summary.wallMs, builds.plainWarm.summary.wallMs);
      return {
        value: wall,
        text: `${times(wall)} (CPU ${times(cpu)}; warm ${times(warm)})`,
      };
    },
    passes: (value) => value <= 1.25,
  },
  {
    target: "Warm build with images vs without images (wall)",
    at: 1000,
    limit: "≤ 1.2x",
    read: ({ builds }) => {
      const wall = ratio(builds.warm.summary.wallMs, builds.noImagesWarm.summary.wallMs);
      const cpu = ratio(builds.warm.summary.cpuMs, builds.noImagesWarm.summary.cpuMs);
      return { value: wall, text: `${times(wall)} (CPU ${times(cpu)})` };
    },
    passes: (value) => value <= 1.2,
  },
  {
    target: "Image stage cold (processImages) vs bare sharp (wall)",
    limit: "≤ 1.1x",
    read: ({ imageStage }) => {
      const value = ratio(imageStage.moduleMs, imageStage.bareMs);
      return { value, text: `${times(value)} (${imageStage.images} images)` };
    },
    passes: (value) => value <= 1.1,
  },
  {
    target: "Peak memory of the build process (Node; Pagefind apart)",
    at: 4000,
    limit: "< 1 GiB",
    read: ({ builds }) => {
      const peaks = SCENARIOS.filter(({ key }) => !key.startsWith("plain")).map(
        ({ key }) => builds[key],
      );
      const node = Math.max(...peaks.map((b) => b.summary.maxRssBytes));
      const child = Math.max(...peaks.map((b) => b.summary.childPeakRssBytes));
      // Pagefind's indexer runs while the Node process is alive: the sum bounds the two at once.
      return {
        value: node,
        text: `${mib(node)} (Pagefind ${mib(child)}; both at once at most ${mib(node + child)})`,
      };
    },
    passes: (value) => value < 2 ** 30,
  },
  {
    target: "Dev server: an edit reaches the browser (median)",
    at: 1000,
    limit: "< 1 s",
    read: ({ devServer }) => {
      if (!devServer || devServer.edits.length === 0) return undefined;
      const value = median(devServer.edits.map((edit) => edit.pageMs));
      return { value, text: `${Math.round(value)} ms` };
    },
    passes: (value) => value < 1000,
  },
];

/**
 * Checks every target at every size measured: met or missed at the target's own size,
 * "indicative" at others, and a "not measured" row when its size was not run.
 */
export function checkTargets(results: Pick<BenchResults, "sizes">): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const definition of TARGETS) {
    for (const size of results.sizes) {
      const figure = definition.read(size);
      if (!figure) continue;
      const own = definition.at === undefined || definition.at === size.size;
      const verdict = definition.passes(figure.value) ? "met" : "missed";
      checks.push({
        target: definition.target,
        size: size.size,
        measured: figure.text,
        limit: definition.limit,
        status: own ? verdict : "indicative",
      });
    }
    const at = definition.at;
    if (at !== undefined && !results.sizes.some((size) => size.size === at)) {
      checks.push({
        target: definition.target,
        size: at,
        measured: "-",
        limit: definition.limit,
        status: "not measured",
      });
    }
  }
  return checks;
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mib(bytes: number): string {
  return bytes > 0 ? `${Math.round(bytes / MIB)} MiB` : "-";
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function table(
  header: readonly string[],
  align: readonly ("l" | "r")[],
  rows: readonly string[][],
) {
  return [
    `| ${header.join(" | ")} |`,
    `| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function statusText(status: TargetStatus, size: number, at: number | undefined): string {
  if (status === "met") return "**met**";
  if (status === "missed") return "**MISSED**";
  if (status === "indicative") return `indicative (target is at ${at?.toLocaleString("en")})`;
  return `not measured (run with ${size})`;
}

function sizeSection(result: SizeResult): string {
  const { site, builds, imageStage, pages, devServer } = result;
  const lines: string[] = [];
  lines.push(
    `## ${result.size.toLocaleString("en")} articles`,
    "",
    `${site.withPhoto} with a photo, ${site.withVideo} with a video: ${site.imageRequests} image requests, ` +
      `${site.distinctImages} distinct images. Projects written in ${s(site.generateMs)}.`,
    "",
  );
  lines.push(
    table(
      ["build", "wall", "CPU", "peak RSS", "Pagefind peak", "images (reused, encoded)", "runs"],
      ["l", "r", "r", "r", "r", "l", "r"],
      SCENARIOS.map(({ key, label }) => {
        const { summary, runs } = builds[key];
        const images = summary.images
          ? `${summary.images.total} (${summary.images.reused}, ${summary.images.encoded})`
          : "-";
        return [
          label,
          s(summary.wallMs),
          s(summary.cpuMs),
          mib(summary.maxRssBytes),
          mib(summary.childPeakRssBytes),
          images,
          String(runs.length),
        ];
      }),
    ),
    "",
    `Image stage, cold, ${imageStage.images} distinct images (${imageStage.files} files): bare sharp ` +
      `${s(imageStage.bareMs)}, processImages ${s(imageStage.moduleMs)} ` +
      `(${times(ratio(imageStage.moduleMs, imageStage.bareMs))}; it reported ${imageStage.moduleEncoded} encoded, ` +
      `${imageStage.moduleReused} reused).`,
    "",
    table(
      ["page", "URL", "HTML", "gzip"],
      ["l", "l", "r", "r"],
      pages.map((page) => [page.page, `\`${page.url}\``, kb(page.rawBytes), kb(page.gzipBytes)]),
    ),
    "",
  );
  if (devServer) {
    lines.push(
      `Dev server: first page served after ${s(devServer.startMs)}; ` +
        `headline edits reached the page in ${devServer.edits.map((e) => `${Math.round(e.pageMs)} ms`).join(", ")} ` +
        `(reload message after ${devServer.edits.map((e) => `${Math.round(e.reloadMs)} ms`).join(", ")}).`,
      "",
    );
  }
  if (result.devServerError) lines.push(`Dev server: failed: ${result.devServerError}`, "");
  if (result.profile) {
    const { file, totalMs, areas, functions } = result.profile;
    const share = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)}%`;
    lines.push(
      `CPU profile of a warm build (main thread, ${s(totalMs)} sampled, profiler on): \`${file}\``,
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
        functions.map(([name, ms]) => [name.replace(/\|/g, "\\|"), String(ms), share(ms)]),
      ),
      "",
    );
  }
  return lines.join("\n");
}

/** The whole run as Markdown. */
export function formatReport(results: BenchResults): string {
  const { machine } = results;
  const atOf = (target: string) => TARGETS.find((t) => t.target === target)?.at;
  const lines = [
    "# Broadsheet benchmark",
    "",
    `${results.date} · \`${results.command}\` · seed ${results.seed} · ${results.repeat} run(s) per build ` +
      `(median wall and CPU, largest peak memory) · ${s(results.totalMs)} in all`,
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${machine.node}, ${machine.platform}, sharp ${machine.sharp} / libvips ${machine.vips}; ` +
      `load average ${machine.loadAverage.toFixed(2)} at the start` +
      (machine.loadAverage > machine.cores * 0.5
        ? " (**busy**: wall times are inflated, CPU times less so)"
        : ""),
    "",
    "## Targets (issue #7)",
    "",
    table(
      ["target", "articles", "measured", "limit", "result"],
      ["l", "r", "l", "l", "l"],
      checkTargets(results).map((check) => [
        check.target,
        check.size.toLocaleString("en"),
        check.measured,
        check.limit,
        statusText(check.status, check.size, atOf(check.target)),
      ]),
    ),
    "",
    ...results.sizes.map(sizeSection),
    `## The seed article's lead photo as browsers fetch it`,
    "",
    `\`${results.leadImageSource}\` through the lead slot's \`sizes\`; the narrowest candidate at least slot x DPR wide.`,
    "",
    table(
      ["device", "pixels needed", "width fetched", "AVIF", "WebP", "JPEG"],
      ["l", "r", "r", "r", "r", "r"],
      results.leadImage.map((row) => [
        row.device,
        String(row.neededPx),
        String(row.chosenWidth),
        kb(row.avifBytes),
        kb(row.webpBytes),
        kb(row.jpegBytes),
      ]),
    ),
    "",
  ];
  return lines.join("\n");
}

/**
 * Writes `<dir>/bench-<date>-<sizes>.md` and `.json`; returns their paths. The date is the
 * run's start, made safe for file names.
 */
export function writeResults(
  dir: string,
  results: BenchResults,
): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const base = path.join(dir, `bench-${stamp}-${results.sizes.map((size) => size.size).join("-")}`);
  const markdown = `${base}.md`;
  const json = `${base}.json`;
  writeFileSync(markdown, formatReport(results));
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  return { markdown, json };
}
