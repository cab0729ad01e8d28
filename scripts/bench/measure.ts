/**
 * Runs one command and reports what it cost: wall time (seen from here, start-up included, until
 * the command's own process exits), the CPU time and peak memory of every process in its tree.
 *
 * Three sources, each used where it is exact:
 * - Node processes that load the usage hook write their own figures as they exit (the build and
 *   each of its workers: see usage.ts);
 * - a non-Node command can run under GNU `/usr/bin/time`, whose wait4() rusage is exact for it;
 * - everything is also sampled from /proc (process-tree.ts): the only figures there are for
 *   Pagefind's and esbuild's processes, and a lower bound for the others.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ProcessFigures, processKind, sampleTree, shortCommand } from "./process-tree.ts";
import { type ProcessUsageRecord, USAGE_ENV } from "./usage.ts";

/** One measured run. Times in milliseconds, memory in bytes. */
export interface Measurement {
  readonly wallMs: number;
  /** User + system time of every process in the tree. */
  readonly cpuMs: number;
  /** Every process seen, the measured command's own first. */
  readonly processes: readonly ProcessFigures[];
  readonly stdout: string;
  readonly stderr: string;
}

/** What to run. */
export interface ProcessSpec {
  /** The executable; `process.execPath` for Node. */
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Give up (kill it and throw) after this long. */
  readonly timeoutMs?: number;
  /** The command loads the usage hook (`--import .../usage.ts`): read what it and its forks wrote. */
  readonly usageHook?: boolean;
  /** Run it under GNU time for its exact rusage (for a command that is not Node). */
  readonly rusage?: boolean;
}

/** GNU time, when installed (Debian's `time` package). */
export const GNU_TIME = "/usr/bin/time";

/** `elapsed user system maxrss-kB`, as GNU time writes it with `-f`. */
const TIME_FORMAT = "%e %U %S %M";

/** Reads GNU time's output file: CPU time and peak memory of the command it ran. */
export function parseTimeOutput(text: string): { cpuMs: number; peakRssBytes: number } | undefined {
  const line = text.trim().split("\n").at(-1) ?? "";
  const [, user, system, maxKb] = line.split(" ").map(Number);
  if (user === undefined || system === undefined || maxKb === undefined) return undefined;
  if (![user, system, maxKb].every(Number.isFinite)) return undefined;
  return { cpuMs: Math.round((user + system) * 1000), peakRssBytes: maxKb * 1024 };
}

/** The usage records the hook wrote: the main process's file and its forks' `<file>.<pid>.child`. */
function hookRecords(usageFile: string): {
  main?: ProcessUsageRecord;
  children: ProcessUsageRecord[];
} {
  const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as ProcessUsageRecord;
  const dir = path.dirname(usageFile);
  const prefix = `${path.basename(usageFile)}.`;
  const children = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith(".child"))
    .map((name) => read(path.join(dir, name)));
  return { ...(existsSync(usageFile) ? { main: read(usageFile) } : {}), children };
}

/**
 * Puts exact figures over sampled ones, by pid: the exit record's CPU time, and the larger peak
 * (a sample can only be lower). A record for a process too short-lived to be sampled is added.
 */
export function mergeFigures(
  sampled: readonly ProcessFigures[],
  exact: readonly Omit<ProcessFigures, "source">[],
): ProcessFigures[] {
  const merged = new Map(sampled.map((figures) => [figures.pid, figures]));
  for (const record of exact) {
    const seen = merged.get(record.pid);
    const command = seen?.command ?? record.command;
    merged.set(record.pid, {
      ...record,
      ...(command !== undefined ? { command } : {}),
      kind: seen?.kind === "main" ? "main" : record.kind,
      peakRssBytes: Math.max(record.peakRssBytes, seen?.peakRssBytes ?? 0),
      source: "exit",
    });
  }
  return [...merged.values()];
}

/**
 * Runs the command to completion and measures it.
 *
 * @throws when it exits with a non-zero code or times out, with the end of its output.
 */
export async function measureProcess(spec: ProcessSpec): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(tmpdir(), "broadsheet-usage-"));
  const usageFile = path.join(scratch, "usage.json");
  const timeFile = path.join(scratch, "time.txt");
  const wrapped = spec.rusage === true && existsSync(GNU_TIME);
  const [command, args] = wrapped
    ? [GNU_TIME, ["-f", TIME_FORMAT, "-o", timeFile, spec.command, ...spec.args]]
    : [spec.command, [...spec.args]];
  try {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, ...(spec.usageHook ? { [USAGE_ENV]: usageFile } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const sampler = child.pid === undefined ? undefined : sampleTree(child.pid, wrapped);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    let wallMs = 0;
    // The command's time is until its own process exits; its output pipes close after every
    // process holding them (the build's workers) has gone, and then the records are complete.
    child.on("exit", () => {
      wallMs = performance.now() - started;
    });
    const timeout =
      spec.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill("SIGKILL"), spec.timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode) => resolve(exitCode));
    });
    if (timeout) clearTimeout(timeout);
    const sampled = sampler?.stop() ?? [];
    if (code !== 0) {
      const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-20).join("\n");
      throw new Error(
        `${path.basename(spec.command)} ${spec.args.join(" ")} exited with ${code ?? "a signal"} in ${spec.cwd}:\n${tail}`,
      );
    }
    const exact: Omit<ProcessFigures, "source">[] = [];
    if (spec.usageHook) {
      const { main, children } = hookRecords(usageFile);
      const figures = (record: ProcessUsageRecord, kind: ProcessFigures["kind"]) => ({
        pid: record.pid,
        kind,
        command: shortCommand([process.execPath, record.script]),
        peakRssBytes: record.maxRssBytes,
        cpuMs: record.userMs + record.systemMs,
      });
      if (main) exact.push(figures(main, "main"));
      for (const record of children) exact.push(figures(record, processKind([record.script])));
    }
    const mainPid = sampled.find((figures) => figures.kind === "main")?.pid;
    const time =
      wrapped && existsSync(timeFile) ? parseTimeOutput(readFileSync(timeFile, "utf8")) : undefined;
    // A command too quick to be sampled still has its figures from GNU time.
    if (time) exact.push({ pid: mainPid ?? child.pid ?? 0, kind: "main", ...time });
    const processes = mergeFigures(sampled, exact).sort(
      (a, b) => Number(b.kind === "main") - Number(a.kind === "main"),
    );
    return {
      wallMs,
      cpuMs: processes.reduce((sum, figures) => sum + figures.cpuMs, 0),
      processes,
      stdout,
      stderr,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
