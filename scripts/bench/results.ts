/**
 * The shape of a benchmark run's results: what `bench-results/*.json` holds and what the
 * report and chart are made from. Types and the arithmetic that summarises repeated runs.
 */
import type { CdnBenchResult } from "./cdn.ts";
import type { DevServerResult } from "./dev-server.ts";
import type { ImageStageResult } from "./image-stage.ts";
import type { LiveJsonSize } from "./live-blog.ts";
import type { Measurement } from "./measure.ts";
import type { LeadImageWeight, PageWeight } from "./page-weight.ts";
import { PROCESS_KINDS, type ProcessKind } from "./process-tree.ts";
import type { BuildSummaryLine } from "./summary-line.ts";

/** The processes of one kind in one run. Memory in bytes, time in ms. */
export interface KindFigures {
  readonly count: number;
  /** The largest peak (VmHWM) of any of them: "no process above 2 GiB" reads off this. */
  readonly peakRssBytes: number;
  readonly cpuMs: number;
  /** True when every figure of this kind was sampled from /proc (a lower bound), none exact. */
  readonly sampled: boolean;
  /** What they ran, short and distinct (`esbuild`, `node engine-worker.ts`). */
  readonly commands?: readonly string[];
}

/** The distinct commands of some processes, sorted. */
function commandsOf(processes: readonly { readonly commands?: readonly string[] }[]): string[] {
  return [...new Set(processes.flatMap((process) => process.commands ?? []))].sort();
}

/** One measured process tree, without its output. */
export interface RunFigures {
  readonly wallMs: number;
  /** User + system time of every process in the tree. */
  readonly cpuMs: number;
  readonly processes: { readonly [kind in ProcessKind]?: KindFigures };
  /** A Broadsheet build's summary line. */
  readonly summary?: BuildSummaryLine;
}

/** Broadsheet's scenarios, in the order they run on one project (each builds on the last). */
export const SCENARIOS = [
  { key: "cold", label: "cold (no _site/, no .cache/)" },
  { key: "unchanged", label: "nothing changed" },
  { key: "added", label: "one added (publish)" },
  // With --live: one update published into the archive's 1,000-update live blog.
  { key: "liveUpdate", label: "one live update (blog of 1,000)" },
  // Issue 21: an editor rearranges the front page; it should cost about what a publish costs.
  { key: "front", label: "front page edited (home.yaml)" },
  { key: "edited", label: "one edited (recent headline)" },
  // Issue 25: an older story's edit re-indexes its own small search part, not a year of stories.
  { key: "olderEdited", label: "one edited (older headline)" },
  { key: "deleted", label: "one deleted (mid-archive)" },
  // Issue 26, with --pages (the layout change comes last: it builds with other code).
  { key: "pageEdited", label: "a standing page's body edited" },
  { key: "footerAdded", label: "a footer link added (a standing page)" },
  { key: "layout", label: "layout change (story card text)" },
] as const;

/** The scenarios only `--pages` runs. */
export const PAGE_SCENARIOS: readonly ScenarioKey[] = ["pageEdited", "footerAdded"];

/** The baselines, on the same Markdown. */
export const BASELINES = [
  { key: "plainCold", label: "plain Eleventy 3, cold" },
  { key: "hugoCold", label: "Hugo, cold" },
] as const;

/** Every build measured at a size, in report order. */
export const BUILDS = [...SCENARIOS, ...BASELINES] as const;

export type ScenarioKey = (typeof SCENARIOS)[number]["key"];
export type BuildKey = (typeof BUILDS)[number]["key"];

/** Every run of one build and their summary. */
export interface BuildResult {
  readonly runs: readonly RunFigures[];
  /** Median wall and CPU time; the largest peak memory (limits are about the worst case). */
  readonly summary: RunFigures;
}

/** Issue #7's with-images measurements, kept behind `--images`. */
export interface ImagesResult {
  readonly withPhoto: number;
  readonly withVideo: number;
  readonly imageRequests: number;
  readonly distinctImages: number;
  /** A cold build of the same archive with photos and videos (empty media cache). */
  readonly cold: RunFigures;
  readonly imageStage: ImageStageResult;
  readonly pages: readonly PageWeight[];
  /** Issue 15: cold builds of the same archive without and with an image CDN. */
  readonly cdn: CdnBenchResult;
}

/** Everything measured for one archive size. */
export interface SizeResult {
  readonly size: number;
  /** Time to write the projects. */
  readonly generateMs: number;
  readonly builds: { readonly [key in BuildKey]?: BuildResult };
  /** Why a build has no figures: it failed, or was skipped (and why). */
  readonly errors: { readonly [key in BuildKey]?: string };
  readonly devServer?: DevServerResult;
  readonly devServerError?: string;
  /** CPU profiles of an extra cold build (`--profile`), summarised. */
  readonly profile?: ProfileResult;
  readonly images?: ImagesResult;
  /** With `--live`: the blog's JSON after the live update, as readers' pages poll it. */
  readonly liveJson?: LiveJsonSize;
}

/** Where a profiled build's processes spent their time, in ms. */
export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  /** Self time by package or project folder, largest first. */
  readonly areas: readonly (readonly [string, number])[];
  /** Total (inclusive) time by function, largest first. */
  readonly functions: readonly (readonly [string, number])[];
}

/** A profiled build: its main process, and its workers' profiles taken together. */
export interface ProfileResult {
  readonly main: ProfileSummary;
  readonly workers?: ProfileSummary;
  /** Heap profiles written with `--heap-prof`, for Chrome DevTools. */
  readonly heapProfiles?: readonly string[];
}

/** The machine the figures come from. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
  readonly sharp: string;
  readonly vips: string;
  /** The 1-minute load average when the run started: above the core count, timings are inflated. */
  readonly loadAverage: number;
}

/** A whole run. */
export interface BenchResults {
  /** ISO 8601, when the run started. */
  readonly date: string;
  readonly machine: MachineInfo;
  readonly command: string;
  readonly seed: number;
  readonly repeat: number;
  /** Hugo's version line and how it was measured, or why it was not. */
  readonly hugo:
    | { readonly version: string; readonly measuredWith: string }
    | { readonly missing: string };
  readonly sizes: readonly SizeResult[];
  /** The seed article's lead photo as browsers fetch it (`--images`). */
  readonly leadImage?: { readonly source: string; readonly weights: readonly LeadImageWeight[] };
  /** Total time of the run. */
  readonly totalMs: number;
}

/** A measurement, reduced to the figures kept: per kind, the count, largest peak and CPU. */
export function figures(measurement: Measurement, summary?: BuildSummaryLine): RunFigures {
  const processes: { [kind in ProcessKind]?: KindFigures } = {};
  for (const kind of PROCESS_KINDS) {
    const ofKind = measurement.processes.filter((process) => process.kind === kind);
    if (ofKind.length === 0) continue;
    processes[kind] = {
      count: ofKind.length,
      peakRssBytes: Math.max(...ofKind.map((process) => process.peakRssBytes)),
      cpuMs: ofKind.reduce((sum, process) => sum + process.cpuMs, 0),
      sampled: ofKind.every((process) => process.source === "sampled"),
      commands: commandsOf(ofKind.map(({ command }) => ({ commands: command ? [command] : [] }))),
    };
  }
  return {
    wallMs: measurement.wallMs,
    cpuMs: measurement.cpuMs,
    processes,
    ...(summary ? { summary } : {}),
  };
}

/** The largest peak of any process of a run. */
export function largestPeak(run: RunFigures): number {
  return Math.max(0, ...Object.values(run.processes).map((kind) => kind?.peakRssBytes ?? 0));
}

/** The middle value (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/**
 * Summarises repeated runs: median wall and CPU time, per kind the largest count and peak, and
 * the summary line of the median-wall run.
 */
export function summarise(runs: readonly RunFigures[]): BuildResult {
  const wallMs = median(runs.map((run) => run.wallMs));
  const middle = runs.find((run) => run.wallMs === wallMs);
  const processes: { [kind in ProcessKind]?: KindFigures } = {};
  for (const kind of PROCESS_KINDS) {
    const ofKind = runs.flatMap((run) => run.processes[kind] ?? []);
    if (ofKind.length === 0) continue;
    processes[kind] = {
      count: Math.max(...ofKind.map((figures) => figures.count)),
      peakRssBytes: Math.max(...ofKind.map((figures) => figures.peakRssBytes)),
      cpuMs: median(ofKind.map((figures) => figures.cpuMs)),
      sampled: ofKind.every((figures) => figures.sampled),
      commands: commandsOf(ofKind),
    };
  }
  return {
    runs,
    summary: {
      wallMs,
      cpuMs: median(runs.map((run) => run.cpuMs)),
      processes,
      ...(middle?.summary ? { summary: middle.summary } : {}),
    },
  };
}
