import type { ComparedFormat } from "../../bench/eleventy-img.ts";
import { median } from "../../bench/results.ts";
import { COPIES, TARGETS } from "./settings.ts";
import type { BroadsheetBytes, RoundResult, Summary, TargetRow } from "./types.ts";
import { kb, ms, percent } from "./units.ts";

/** The median of one figure over the rounds. */
function mid(rounds: readonly RoundResult[], read: (round: RoundResult) => number): number {
  return median(rounds.map(read));
}

/** The medians of every figure over the rounds. */
export function summarise(rounds: readonly RoundResult[], perCopy: readonly number[]): Summary {
  const bytes = (read: (b: BroadsheetBytes) => number) =>
    mid(rounds, (r) => read(r.broadsheet.bytes));
  const elevenBytes = (format: ComparedFormat) =>
    mid(rounds, (r) => r.eleventyImg.bytesByFormat[format]);
  const broadsheetMs = mid(rounds, (r) => r.broadsheet.wallMs);
  const eleventyImgMs = mid(rounds, (r) => r.eleventyImg.wallMs);
  return {
    broadsheetMs,
    broadsheetCpuMs: mid(rounds, (r) => r.broadsheet.cpuMs),
    broadsheetBytes: {
      avif: bytes((b) => b.avif),
      webp: bytes((b) => b.webp),
      jpeg: bytes((b) => b.jpeg),
      responsive: bytes((b) => b.responsive),
      crops: bytes((b) => b.crops),
      placeholder: bytes((b) => b.placeholder),
    },
    eleventyImgMs,
    eleventyImgCpuMs: mid(rounds, (r) => r.eleventyImg.cpuMs),
    eleventyImgBytes: mid(rounds, (r) => r.eleventyImg.bytes),
    eleventyImgBytesByFormat: {
      avif: elevenBytes("avif"),
      webp: elevenBytes("webp"),
      jpeg: elevenBytes("jpeg"),
    },
    speedup: eleventyImgMs / broadsheetMs,
    bareMs: mid(rounds, (r) => r.stage.bareMs),
    stageModuleMs: mid(rounds, (r) => r.stage.moduleMs),
    overheadPercent: mid(rounds, (r) => r.overheadPercent),
    cacheHitMs: mid(rounds, (r) => r.cacheHitMs),
    ...(perCopy.length > 0 ? { cacheHitPerCopyMs: median(perCopy) } : {}),
  };
}

/** The targets, checked against the medians. */
export function checkTargets(summary: Summary): TargetRow[] {
  const { broadsheetBytes: ours } = summary;
  const hit = summary.cacheHitMs;
  const perCopy = summary.cacheHitPerCopyMs;
  return [
    {
      target: "Broadsheet cold vs eleventy-img cold, same widths and formats",
      measured: `${summary.speedup.toFixed(2)}x (${ms(summary.broadsheetMs)} vs ${ms(summary.eleventyImgMs)})`,
      limit: `≥ ${TARGETS.speedup}x faster`,
      met: summary.speedup >= TARGETS.speedup,
    },
    {
      target: "Bytes of those outputs (12 files)",
      measured: `${kb(ours.responsive)} vs ${kb(summary.eleventyImgBytes)} (${percent((ours.responsive / summary.eleventyImgBytes - 1) * 100)})`,
      limit: "≤ eleventy-img",
      met: ours.responsive <= summary.eleventyImgBytes,
    },
    {
      target: "processImages over bare sharp, cold, full set",
      measured: `${percent(summary.overheadPercent)} (${ms(summary.stageModuleMs)} vs ${ms(summary.bareMs)})`,
      limit: `< ${TARGETS.overheadPercent}%`,
      met: summary.overheadPercent < TARGETS.overheadPercent,
    },
    {
      target: "Cache hit, per image",
      measured:
        perCopy === undefined
          ? `${ms(hit)} (one image)`
          : `${ms(hit)} (one image), ${ms(perCopy)} (each of ${COPIES} copies)`,
      limit: `< ${TARGETS.cacheHitMs} ms`,
      met: Math.max(hit, perCopy ?? 0) < TARGETS.cacheHitMs,
    },
  ];
}
