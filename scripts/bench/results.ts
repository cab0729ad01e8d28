/**
 * The shape of a benchmark run's results: what `bench-results/*.json` holds and what the
 * report is made from. Types and the arithmetic that summarises repeated runs; nothing else.
 */
import type { ImageCounts } from "./builds.ts";
import type { DevServerResult } from "./dev-server.ts";
import type { ImageStageResult } from "./image-stage.ts";
import { cpuMs, type Measurement } from "./measure.ts";
import type { LeadImageWeight, PageWeight } from "./page-weight.ts";

/** One measured process, without its output. Times in ms, memory in bytes. */
export interface RunFigures {
  readonly wallMs: number;
  /** User + system time of the process and its children. */
  readonly cpuMs: number;
  readonly maxRssBytes: number;
  readonly childPeakRssBytes: number;
  readonly images?: ImageCounts;
}

/** The builds measured for each size, in the order they run. */
export const SCENARIOS = [
  { key: "cold", label: "Broadsheet, cold (empty media cache)" },
  { key: "warm", label: "Broadsheet, warm (nothing changed)" },
  { key: "edit", label: "Broadsheet, one article's body edited" },
  { key: "photo", label: "Broadsheet, one photo replaced" },
  { key: "noImagesCold", label: "Broadsheet without images, cold" },
  { key: "noImagesWarm", label: "Broadsheet without images, warm" },
  { key: "plainCold", label: "plain Eleventy, cold" },
  { key: "plainWarm", label: "plain Eleventy, warm" },
] as const;

/** A scenario's key, e.g. `"warm"`. */
export type ScenarioKey = (typeof SCENARIOS)[number]["key"];

/** Every run of one scenario and their summary. */
export interface ScenarioResult {
  readonly runs: readonly RunFigures[];
  /** Median wall and CPU time; the largest peak memory (memory limits are about the worst case). */
  readonly summary: RunFigures;
}

/** Everything measured for one site size. */
export interface SizeResult {
  readonly size: number;
  readonly site: {
    readonly articles: number;
    readonly withPhoto: number;
    readonly withVideo: number;
    /** Media requests a build makes (photos and video thumbnails). */
    readonly imageRequests: number;
    /** Distinct images among them (same bytes, name, focus and credit). */
    readonly distinctImages: number;
    /** Time to write the three projects. */
    readonly generateMs: number;
  };
  readonly builds: { readonly [key in ScenarioKey]: ScenarioResult };
  readonly imageStage: ImageStageResult;
  readonly pages: readonly PageWeight[];
  readonly devServer?: DevServerResult;
  readonly devServerError?: string;
  /** The main-thread CPU profile of an extra warm build (`--profile`), summarised. */
  readonly profile?: ProfileSummary;
}

/** Where a profiled build's main thread spent its time, in ms. */
export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  /** Self time by package or project folder, largest first. */
  readonly areas: readonly (readonly [string, number])[];
  /** Total (inclusive) time by function, largest first. */
  readonly functions: readonly (readonly [string, number])[];
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
  readonly sizes: readonly SizeResult[];
  readonly leadImage: readonly LeadImageWeight[];
  /** The seed photo the lead-image figures were made from, relative to the repository. */
  readonly leadImageSource: string;
  /** Total time of the run. */
  readonly totalMs: number;
}

/** A measurement, reduced to the figures kept. */
export function figures(measurement: Measurement, images?: ImageCounts): RunFigures {
  return {
    wallMs: measurement.wallMs,
    cpuMs: cpuMs(measurement),
    maxRssBytes: measurement.maxRssBytes,
    childPeakRssBytes: measurement.childPeakRssBytes,
    ...(images ? { images } : {}),
  };
}

/** The middle value (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Summarises repeated runs: median times, largest memory, the images of the median-wall run. */
export function summarise(runs: readonly RunFigures[]): ScenarioResult {
  const wallMs = median(runs.map((run) => run.wallMs));
  const middle = runs.find((run) => run.wallMs === wallMs);
  return {
    runs,
    summary: {
      wallMs,
      cpuMs: median(runs.map((run) => run.cpuMs)),
      maxRssBytes: Math.max(...runs.map((run) => run.maxRssBytes)),
      childPeakRssBytes: Math.max(...runs.map((run) => run.childPeakRssBytes)),
      ...(middle?.images ? { images: middle.images } : {}),
    },
  };
}
