/**
 * The targets of issue 25 (speed at archive scale: ratios to Hugo's cold build of the same
 * Markdown in the same run, and memory), with issue 11's for the dev server, checked against a
 * run's results. A target is set at one or more archive
 * sizes, each with its limit: at those sizes it is met or missed; at the other sizes measured it
 * is "indicative" (read against the limit of the nearest size it is set at); a size it is set at
 * but that was not run gets a "not measured" row.
 */
import { count, kindPeak, mib, perArticle, ratio, seconds, times } from "./format.ts";
import { PROCESS_KINDS } from "./process-tree.ts";
import { type BuildKey, largestPeak, median, type SizeResult } from "./results.ts";

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
  /** For an indicative check: the size whose limit it was read against. */
  readonly limitAt?: number;
}

/** A figure read from a size's results (smaller is better). */
interface Figure {
  readonly value: number;
  readonly text: string;
}

/** A target: its limits by size, how to read its figure, how to compare. */
interface TargetDefinition {
  readonly target: string;
  readonly limits: readonly { readonly at: number; readonly limit: number }[];
  readonly limitText: (limit: number) => string;
  /** The figure at one size (all sizes given, for figures relative to another size). */
  readonly read: (size: SizeResult, all: readonly SizeResult[]) => Figure | undefined;
  /** Strictly below the limit, or at most the limit. */
  readonly strict?: boolean;
}

const GIB = 2 ** 30;

function wall(size: SizeResult, key: BuildKey): number | undefined {
  return size.builds[key]?.summary.wallMs;
}

/** `ours / Hugo's cold build`, both walls shown. */
function againstHugo(key: BuildKey, label: string) {
  return (size: SizeResult): Figure | undefined => {
    const ours = wall(size, key);
    const hugo = wall(size, "hugoCold");
    if (ours === undefined || hugo === undefined) return undefined;
    const value = ratio(ours, hugo);
    return { value, text: `${times(value)} (${label} ${seconds(ours)}, Hugo ${seconds(hugo)})` };
  };
}

/** The smallest size of at least 4,000 measured: the base of the per-article cost. */
export function costBase(all: readonly SizeResult[]): SizeResult | undefined {
  return [...all]
    .filter((size) => size.size >= 4000 && wall(size, "cold") !== undefined)
    .sort((a, b) => a.size - b.size)[0];
}

/** Cold wall time per article at `size`, relative to the base size's. */
export function relativeCost(size: SizeResult, all: readonly SizeResult[]): number | undefined {
  const base = costBase(all);
  const ours = wall(size, "cold");
  const theirs = base === undefined ? undefined : wall(base, "cold");
  if (!base || ours === undefined || theirs === undefined) return undefined;
  return ratio(ours / size.size, theirs / base.size);
}

/** The largest peak of any process of a build, and each kind's. */
function peakOf(key: BuildKey) {
  return ({ builds, errors }: SizeResult): Figure | undefined => {
    if (errors[key] !== undefined) {
      return { value: Number.POSITIVE_INFINITY, text: errors[key]?.split("\n")[0] ?? "failed" };
    }
    const build = builds[key]?.summary;
    if (!build) return undefined;
    const kinds = PROCESS_KINDS.filter((kind) => build.processes[kind])
      .map((kind) => `${kind} ${kindPeak(build, kind)}`)
      .join(", ");
    return { value: largestPeak(build), text: `${mib(largestPeak(build))} (${kinds})` };
  };
}

/** The targets of issue 25, and issue 11's for the dev server. */
export const TARGETS: readonly TargetDefinition[] = [
  {
    target: "Publishing one article vs Hugo's cold build (wall)",
    limits: [
      { at: 4000, limit: 0.75 },
      { at: 20_000, limit: 0.25 },
      { at: 100_000, limit: 0.05 },
    ],
    limitText: (limit) => `≤ ${limit}x`,
    read: againstHugo("added", "publish"),
  },
  {
    target: "Nothing changed vs Hugo's cold build (wall)",
    limits: [
      { at: 4000, limit: 0.5 },
      { at: 20_000, limit: 0.15 },
      { at: 100_000, limit: 0.03 },
    ],
    limitText: (limit) => `≤ ${limit}x`,
    read: againstHugo("unchanged", "ours"),
  },
  {
    target: "An older story's headline edited vs Hugo's cold build (wall)",
    limits: [
      { at: 20_000, limit: 0.4 },
      { at: 100_000, limit: 0.08 },
    ],
    limitText: (limit) => `≤ ${limit}x`,
    read: againstHugo("olderEdited", "edit"),
  },
  {
    target: "A layout change vs Hugo's cold build (wall)",
    limits: [
      { at: 20_000, limit: 1 },
      { at: 100_000, limit: 1 },
    ],
    limitText: (limit) => `≤ ${limit}x`,
    read: againstHugo("layout", "layout change"),
  },
  {
    target: "Publishing one article, every process under 300 MiB (largest peak)",
    limits: [
      { at: 20_000, limit: 300 * 2 ** 20 },
      { at: 100_000, limit: 300 * 2 ** 20 },
    ],
    limitText: () => "< 300 MiB",
    strict: true,
    read: peakOf("added"),
  },
  {
    target: "Cold build vs plain Eleventy 3 cold (wall)",
    limits: [{ at: 4000, limit: 2 }],
    limitText: (limit) => `≤ ${limit}x`,
    read: ({ builds }) => {
      const ours = builds.cold?.summary;
      const plain = builds.plainCold?.summary;
      if (!ours || !plain) return undefined;
      const value = ratio(ours.wallMs, plain.wallMs);
      return {
        value,
        text: `${times(value)} (CPU ${times(ratio(ours.cpuMs, plain.cpuMs))}; ${seconds(ours.wallMs)} vs ${seconds(plain.wallMs)})`,
      };
    },
  },
  {
    target: "Cold build completes, every process under 2 GiB (largest peak)",
    limits: [
      { at: 100_000, limit: 2 * GIB },
      { at: 1_000_000, limit: 2 * GIB },
    ],
    limitText: () => "< 2 GiB",
    strict: true,
    read: peakOf("cold"),
  },
  {
    target: "Publishing one article in a 1,000,000-article archive (wall)",
    limits: [{ at: 1_000_000, limit: 5000 }],
    limitText: () => "≤ 5 s",
    read: (size) => {
      const ours = wall(size, "added");
      return ours === undefined ? undefined : { value: ours, text: seconds(ours) };
    },
  },
  {
    target: "Cold build's cost per article vs at 4,000 (wall)",
    limits: [{ at: 100_000, limit: 1.3 }],
    limitText: (limit) => `≤ ${limit}x`,
    read: (size, all) => {
      const base = costBase(all);
      const value = relativeCost(size, all);
      const ours = wall(size, "cold");
      if (!base || base === size || value === undefined || ours === undefined) return undefined;
      return {
        value,
        text: `${times(value)} (${perArticle(ours, size.size)} per article vs ${perArticle(wall(base, "cold") ?? 0, base.size)} at ${count(base.size)})`,
      };
    },
  },
  {
    target: "npm start: an edit reaches the browser (median of the edits)",
    limits: [{ at: 4000, limit: 1000 }],
    limitText: () => "< 1 s",
    strict: true,
    read: ({ devServer }) => {
      if (!devServer || devServer.edits.length === 0) return undefined;
      const value = median(devServer.edits.map((edit) => edit.pageMs));
      return {
        value,
        text: `${Math.round(value)} ms (${devServer.edits.map((edit) => Math.round(edit.pageMs)).join(", ")})`,
      };
    },
  },
];

/** The limit that applies at `size`: its own, else the nearest size's the target is set at. */
function limitFor(definition: TargetDefinition, size: number) {
  return [...definition.limits].sort(
    (a, b) => Math.abs(Math.log(a.at / size)) - Math.abs(Math.log(b.at / size)),
  )[0] as { at: number; limit: number };
}

/** Checks every target at every size measured, and names the sizes set but not run. */
export function checkTargets(results: { readonly sizes: readonly SizeResult[] }): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const definition of TARGETS) {
    const rows: TargetCheck[] = [];
    for (const size of results.sizes) {
      const figure = definition.read(size, results.sizes);
      if (!figure) continue;
      const { at, limit } = limitFor(definition, size.size);
      const passes = definition.strict ? figure.value < limit : figure.value <= limit;
      const own = at === size.size;
      rows.push({
        target: definition.target,
        size: size.size,
        measured: figure.text,
        limit: definition.limitText(limit),
        status: own ? (passes ? "met" : "missed") : "indicative",
        ...(own ? {} : { limitAt: at }),
      });
    }
    for (const { at, limit } of definition.limits) {
      if (rows.some((row) => row.size === at && row.status !== "indicative")) continue;
      rows.push({
        target: definition.target,
        size: at,
        measured: "-",
        limit: definition.limitText(limit),
        status: "not measured",
      });
    }
    checks.push(...rows.sort((a, b) => a.size - b.size));
  }
  return checks;
}
