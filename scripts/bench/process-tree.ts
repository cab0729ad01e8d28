/**
 * Watches a measured command's whole process tree from outside, through Linux's /proc: every
 * descendant's peak resident memory (VmHWM) and CPU time, and what kind of process it is.
 *
 * Sampling is what sees processes the usage hook cannot: Pagefind's indexer (a Rust binary),
 * esbuild's service (Go), Hugo. VmHWM is the kernel's own high-water mark and only grows, so a
 * sample misses only what a process adds in its last interval before it exits (its figures go
 * with it: a zombie has no memory map); CPU time likewise.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** What a process in a measured tree is, for reporting peaks per kind. */
export type ProcessKind = "main" | "worker" | "pagefind" | "other";

/** The kinds in report order. */
export const PROCESS_KINDS: readonly ProcessKind[] = ["main", "worker", "pagefind", "other"];

/** One process's figures. Memory in bytes, time in ms. */
export interface ProcessFigures {
  readonly pid: number;
  readonly kind: ProcessKind;
  readonly peakRssBytes: number;
  readonly cpuMs: number;
  /** The program and its script, short: `node engine-worker.ts`, `pagefind_extended`. */
  readonly command?: string;
  /** "exit": written by the usage hook as it exited (exact); "sampled": last seen from /proc. */
  readonly source: "exit" | "sampled";
}

/** How often the tree is sampled. */
export const SAMPLE_INTERVAL_MS = 50;

/**
 * Classifies a descendant by its command line: Broadsheet's build workers run
 * `scripts/engine/engine-worker.ts`; Pagefind's npm package runs its `pagefind_extended` (or
 * `pagefind`) binary. Anything else (esbuild's service) is "other".
 */
export function processKind(commandLine: readonly string[]): Exclude<ProcessKind, "main"> {
  if (commandLine.some((part) => part.includes("engine-worker"))) return "worker";
  if (path.basename(commandLine[0] ?? "").startsWith("pagefind")) return "pagefind";
  return "other";
}

/** A command line, short: the program's name and its script's (`node build.ts`), for the report. */
export function shortCommand(commandLine: readonly string[]): string {
  const program = path.basename(commandLine[0] ?? "");
  const script = commandLine.slice(1).find((part) => /\.[cm]?[jt]s$/.test(part));
  return script === undefined ? program : `${program} ${path.basename(script)}`;
}

/** The high-water mark of resident memory of `pid`; undefined once it has gone. */
export function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The direct children of `pid`, as its main thread started them (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(/\s+/)
      .filter((part) => part !== "")
      .map(Number);
  } catch {
    return [];
  }
}

/** User + system CPU time of `pid` so far, in ms (clock ticks of 10 ms). */
function cpuSoFar(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/** A running sampler; `stop()` returns every process it saw, the root first. */
export interface TreeSampler {
  stop(): ProcessFigures[];
}

/**
 * Samples `root` and its descendants every {@link SAMPLE_INTERVAL_MS}. With `skipRoot` the root
 * is a wrapper (`/usr/bin/time`) and its first child is the measured "main" process.
 *
 * Two states of a child carry no figures of its own and are skipped: between fork and exec it
 * still runs its parent's command line with a copy of its parent's memory map (VmHWM reads the
 * parent's size: 400 MB for a just-forked child of the build), and as a zombie it has neither.
 * When a process execs, its figures start again: the new program's are what count.
 */
export function sampleTree(root: number, skipRoot = false): TreeSampler {
  const seen = new Map<number, { kind: ProcessKind; command: string; peak: number; cpu: number }>();
  let main = skipRoot ? undefined : root;
  const visit = (pid: number, parentCommand: string | undefined): string | undefined => {
    const cmd = commandLine(pid);
    const command = cmd.join(" ").trim();
    if (command === "" || command === parentCommand) return command || undefined;
    let entry = seen.get(pid);
    if (!entry || entry.command !== command) {
      const kind = pid === main ? "main" : processKind(cmd);
      entry = { kind, command, peak: 0, cpu: 0 };
      seen.set(pid, entry);
    }
    entry.peak = Math.max(entry.peak, peakRss(pid) ?? 0);
    entry.cpu = Math.max(entry.cpu, cpuSoFar(pid) ?? 0);
    return command;
  };
  const sample = () => {
    const top = skipRoot ? childrenOf(root) : [root];
    if (main === undefined) main = top[0];
    const pending: [number, string | undefined][] = top.map((pid) => [pid, undefined]);
    while (pending.length > 0) {
      const [pid, parentCommand] = pending.pop() as [number, string | undefined];
      const command = visit(pid, parentCommand);
      for (const child of childrenOf(pid)) pending.push([child, command]);
    }
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      // A process seen only as it exited has no figures to report.
      return [...seen.entries()]
        .filter(([, { peak }]) => peak > 0)
        .map(([pid, { kind, command, peak, cpu }]) => ({
          pid,
          kind,
          command: shortCommand(command.split(" ")),
          peakRssBytes: peak,
          cpuMs: cpu,
          source: "sampled" as const,
        }));
    },
  };
}
