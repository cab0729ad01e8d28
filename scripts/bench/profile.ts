/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) as Markdown: where the time went by
 * package or project folder, and the functions with the most self and total time.
 *
 *   node --import tsx scripts/bench/profile.ts CPU.*.cpuprofile [--top 25]
 *
 * Total ("inclusive") time counts each function once per sample however deep it recurses.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProfileSummary } from "./results.ts";

/** The parts of the `.cpuprofile` format used here. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Time per key, in ms. */
export type Tally = Map<string, number>;

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where a script lives, shortened: `pkg:@11ty/eleventy`, `scripts/site`, `node:internal`. */
export function area(url: string): string {
  if (url === "") return "(V8: GC, native, idle)";
  if (url.startsWith("node:")) return "node: (built-ins)";
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const parts = file.slice(modules + "/node_modules/".length).split("/");
    const name = parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
    return `pkg:${name}`;
  }
  const relative = path.relative(REPO, file);
  if (!relative.startsWith("..")) return path.dirname(relative);
  // A copy of the code (the benchmark's builds run from one): from its scripts/ or layouts/ on.
  const inCopy = /\/((?:scripts|layouts)\/.*)$/.exec(file);
  return inCopy?.[1] ? path.dirname(inCopy[1]) : file;
}

function label(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  const where = frame.url === "" ? "" : ` (${path.basename(frame.url)}:${frame.lineNumber + 1})`;
  return `${frame.functionName || "(anonymous)"}${where}`;
}

/** Self time by area and by function, total time by function. */
export function summariseProfile(profile: CpuProfile): {
  totalMs: number;
  byArea: Tally;
  self: Tally;
  inclusive: Tally;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byArea: Tally = new Map();
  const self: Tally = new Map();
  const inclusive: Tally = new Map();
  const add = (tally: Tally, key: string, ms: number) => tally.set(key, (tally.get(key) ?? 0) + ms);
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    // A sample's delta is the time since the previous one: charge it to this sample's stack.
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    totalMs += ms;
    add(byArea, area(node.callFrame.url), ms);
    add(self, label(node.callFrame), ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = label(frame);
      if (!seen.has(key)) add(inclusive, key, ms);
      seen.add(key);
    }
  });
  return { totalMs, byArea, self, inclusive };
}

/**
 * Reads one or more profiles (the workers' are taken together: they share the work) and keeps
 * what the report shows: areas and the heaviest functions.
 */
export function profileSummary(files: string | readonly string[], count = 30): ProfileSummary {
  const list = typeof files === "string" ? [files] : files;
  let totalMs = 0;
  const byArea: Tally = new Map();
  const inclusive: Tally = new Map();
  const add = (into: Tally, from: Tally) => {
    for (const [key, ms] of from) into.set(key, (into.get(key) ?? 0) + ms);
  };
  for (const file of list) {
    const summary = summariseProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
    totalMs += summary.totalMs;
    add(byArea, summary.byArea);
    add(inclusive, summary.inclusive);
  }
  const largest = (tally: Tally, n: number) =>
    [...tally.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => [key, Math.round(ms)] as const);
  return {
    file:
      list.length === 1
        ? (list[0] ?? "")
        : `${list.length} files: ${list.map((file) => path.basename(file)).join(", ")}`,
    totalMs: Math.round(totalMs),
    areas: largest(byArea, 12),
    // The root and idle frames are in every sample or none: they say nothing.
    functions: largest(inclusive, count + 2).filter(
      ([key]) => key !== "(root)" && key !== "(idle)",
    ),
  };
}

function top(tally: Tally, count: number, totalMs: number, heading: string): string {
  const rows = [...tally.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  return [
    `| ${heading} | ms | share |`,
    "| --- | ---: | ---: |",
    ...rows.map(
      ([key, ms]) =>
        `| ${key.replace(/\|/g, "\\|")} | ${Math.round(ms)} | ${((100 * ms) / totalMs).toFixed(1)}% |`,
    ),
  ].join("\n");
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf("--top");
  const count = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((arg, i) => !arg.startsWith("--") && (topAt < 0 || i !== topAt + 1));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    const { totalMs, byArea, self, inclusive } = summariseProfile(profile);
    console.log(`## ${path.basename(file)}: ${Math.round(totalMs)} ms sampled\n`);
    console.log(`${top(byArea, count, totalMs, "where (self time)")}\n`);
    console.log(`${top(self, count, totalMs, "function (self time)")}\n`);
    console.log(`${top(inclusive, count, totalMs, "function (total time)")}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
