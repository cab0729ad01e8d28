/** Figures as the report and the progress lines write them. */
import type { ProcessKind } from "./process-tree.ts";
import type { RunFigures } from "./results.ts";

const MIB = 2 ** 20;

/** Seconds with two decimals: `12.34 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Whole mebibytes with separators: `1,234 MiB`; `-` for nothing measured. */
export function mib(bytes: number | undefined): string {
  return bytes !== undefined && bytes > 0
    ? `${Math.round(bytes / MIB).toLocaleString("en")} MiB`
    : "-";
}

/** A ratio: `1.23x`; `-` when it cannot be computed. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : "-";
}

/** `a / b`, NaN when `b` is not a positive number. */
export function ratio(a: number | undefined, b: number | undefined): number {
  return a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
}

/** Time per article: `4.12 ms`. */
export function perArticle(ms: number, articles: number): string {
  return `${(ms / articles).toFixed(2)} ms`;
}

/** A count with separators: `12,401`. */
export function count(n: number): string {
  return n.toLocaleString("en");
}

/** A Markdown table. */
export function table(
  header: readonly string[],
  align: readonly ("l" | "r")[],
  rows: readonly (readonly string[])[],
): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`),
  ].join("\n");
}

/** A process kind's peak, with how many there were when more than one: `2x 310 MiB`. */
export function kindPeak(run: RunFigures, kind: ProcessKind): string {
  const figures = run.processes[kind];
  if (!figures) return "-";
  const many = figures.count > 1 ? `${figures.count}x ` : "";
  // "Other" says what it was: there is no column to say it.
  const what =
    kind === "other" && figures.commands?.length ? ` (${figures.commands.join(", ")})` : "";
  return `${many}${mib(figures.peakRssBytes)}${figures.sampled ? "*" : ""}${what}`;
}

/** One run on a progress line: times, peaks per kind, pages rendered and reused. */
export function describeRun(run: RunFigures): string {
  const peaks = (["main", "worker", "pagefind", "other"] as const)
    .filter((kind) => run.processes[kind])
    .map((kind) => `${kind} ${kindPeak(run, kind)}`)
    .join(", ");
  const pages = run.summary
    ? ` · ${count(run.summary.rendered)} rendered, ${count(run.summary.reused)} reused`
    : "";
  return `${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU · ${peaks}${pages}`;
}

/** Kilobytes with one decimal: `12.3 KB`. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
