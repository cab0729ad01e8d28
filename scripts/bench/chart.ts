/**
 * The README's chart: build time against archive size, both on log scales, one line per build
 * (Broadsheet cold and publish-one, plain Eleventy cold, Hugo cold). Plain SVG written here: no
 * script, no web font, a white background so it reads the same in GitHub's dark theme, and a
 * `<title>` on each point with its figure.
 */
import type { BuildKey, SizeResult } from "./results.ts";

/** One line of the chart. */
export interface Series {
  readonly key: BuildKey;
  readonly label: string;
  readonly color: string;
  /** Dashed for the baselines, solid for Broadsheet. */
  readonly dashed: boolean;
  /** `[articles, seconds]`, by size. */
  readonly points: readonly (readonly [number, number])[];
}

/** The four series and their look (colours from ColorBrewer's Dark2: distinct for colour-blind readers). */
const SERIES: readonly Omit<Series, "points">[] = [
  { key: "cold", label: "Broadsheet, cold", color: "#1b9e77", dashed: false },
  { key: "added", label: "Broadsheet, publish one", color: "#d95f02", dashed: false },
  { key: "plainCold", label: "plain Eleventy 3, cold", color: "#7570b3", dashed: true },
  { key: "hugoCold", label: "Hugo, cold", color: "#e7298a", dashed: true },
];

/** The chart's data: each series' median wall times at the sizes where it was measured. */
export function chartSeries(sizes: readonly SizeResult[]): Series[] {
  const ordered = [...sizes].sort((a, b) => a.size - b.size);
  return SERIES.map((series) => ({
    ...series,
    points: ordered.flatMap((size) => {
      const ms = size.builds[series.key]?.summary.wallMs;
      return ms === undefined ? [] : [[size.size, ms / 1000] as const];
    }),
  }));
}

/** Whole decades around `values` (at least one): the domain of a log axis. */
export function decades(values: readonly number[]): [number, number] {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return [1, 10];
  const low = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [low, high > low ? high : low * 10];
}

/** Maps `[low, high]` on a log scale to `[from, to]` pixels. */
export function logScale(domain: readonly [number, number], from: number, to: number) {
  const [low, high] = domain.map(Math.log10) as [number, number];
  return (value: number) => from + ((Math.log10(value) - low) / (high - low)) * (to - from);
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `1,000`, `20,000`, `100,000`; `1 s`, `0.5 s`. */
function sizeLabel(size: number): string {
  return size.toLocaleString("en");
}

function secondsLabel(value: number): string {
  return `${Number(value.toPrecision(3)).toLocaleString("en")} s`;
}

/** 1, 2 and 5 times each power of ten within the domain: the y axis's ticks. */
function yTicks([low, high]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let decade = low; decade <= high; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const tick = decade * step;
      if (tick >= low && tick <= high * 1.0001) ticks.push(Number(tick.toPrecision(3)));
    }
  }
  return ticks;
}

const WIDTH = 840;
const HEIGHT = 460;
const PLOT = { left: 80, right: 540, top: 56, bottom: 390 } as const;
const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\"";

/** The chart for a run, as an SVG document. */
export function scaleChart(sizes: readonly SizeResult[], subtitle = ""): string {
  const series = chartSeries(sizes);
  const allPoints = series.flatMap((line) => line.points);
  const measured = [...new Set(sizes.map((size) => size.size))].sort((a, b) => a - b);
  const xDomain = decades(measured);
  const yDomain = decades(allPoints.map(([, seconds]) => seconds));
  const x = logScale(xDomain, PLOT.left, PLOT.right);
  const y = logScale(yDomain, PLOT.bottom, PLOT.top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ${FONT} font-size="13">`,
    `<title>Build time against archive size</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="24" font-size="16" font-weight="bold" fill="#111">Build time against archive size</text>`,
    `<text x="${PLOT.left}" y="42" font-size="12" fill="#555">${esc(subtitle)}</text>`,
  ];
  // Gridlines and ticks: every decade on x (labels at the sizes measured), 1-2-5 on y.
  for (let decade = xDomain[0]; decade <= xDomain[1]; decade *= 10) {
    const at = x(decade).toFixed(1);
    out.push(`<line x1="${at}" y1="${PLOT.top}" x2="${at}" y2="${PLOT.bottom}" stroke="#e5e5e5"/>`);
  }
  for (const size of measured) {
    const at = x(size).toFixed(1);
    out.push(
      `<line x1="${at}" y1="${PLOT.bottom}" x2="${at}" y2="${PLOT.bottom + 5}" stroke="#333"/>`,
      `<text x="${at}" y="${PLOT.bottom + 20}" text-anchor="middle" fill="#333">${sizeLabel(size)}</text>`,
    );
  }
  for (const tick of yTicks(yDomain)) {
    const at = y(tick).toFixed(1);
    const major = Math.log10(tick) % 1 === 0;
    out.push(
      `<line x1="${PLOT.left}" y1="${at}" x2="${PLOT.right}" y2="${at}" stroke="${major ? "#d0d0d0" : "#eeeeee"}"/>`,
      `<text x="${PLOT.left - 8}" y="${at}" text-anchor="end" dominant-baseline="middle" fill="#333">${secondsLabel(tick)}</text>`,
    );
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#333"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 32}" text-anchor="middle" fill="#111">Articles in the archive (log scale)</text>`,
    `<text transform="translate(22 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#111">Build time, wall clock (log scale)</text>`,
  );
  for (const line of series) {
    const coordinates = line.points.map(
      ([size, seconds]) => `${x(size).toFixed(1)},${y(seconds).toFixed(1)}`,
    );
    const dash = line.dashed ? ' stroke-dasharray="6 4"' : "";
    out.push(`<g class="series" data-series="${line.key}">`);
    if (coordinates.length > 1) {
      out.push(
        `<polyline points="${coordinates.join(" ")}" fill="none" stroke="${line.color}" stroke-width="2.5"${dash}/>`,
      );
    }
    line.points.forEach(([size, seconds], index) => {
      const [cx, cy] = (coordinates[index] ?? "0,0").split(",");
      out.push(
        `<circle cx="${cx}" cy="${cy}" r="4.5" fill="${line.color}"><title>${esc(`${line.label}: ${secondsLabel(seconds)} at ${sizeLabel(size)} articles`)}</title></circle>`,
      );
    });
    out.push("</g>");
  }
  // The legend, right of the plot; a series with no points says so.
  series.forEach((line, index) => {
    const top = PLOT.top + 10 + index * 26;
    const dash = line.dashed ? ' stroke-dasharray="6 4"' : "";
    const label = line.points.length === 0 ? `${line.label} (not measured)` : line.label;
    out.push(
      `<line x1="${PLOT.right + 20}" y1="${top}" x2="${PLOT.right + 50}" y2="${top}" stroke="${line.color}" stroke-width="2.5"${dash}/>`,
      `<circle cx="${PLOT.right + 35}" cy="${top}" r="4.5" fill="${line.color}"/>`,
      `<text x="${PLOT.right + 58}" y="${top}" dominant-baseline="middle" fill="#111">${esc(label)}</text>`,
    );
  });
  out.push("</svg>", "");
  return out.join("\n");
}
