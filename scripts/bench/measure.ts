/**
 * Runs one Node process under the usage hook and reports what it cost: wall time (seen from
 * here, start-up included), CPU time and peak memory (from the hook, at the process's exit),
 * and the CPU time and peak memory of its child processes (sampled, see {@link sampleChildren}).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ProcessUsageRecord, USAGE_ENV } from "./usage.ts";

/** One measured run. Times in milliseconds, memory in bytes. */
export interface Measurement {
  readonly wallMs: number;
  readonly userMs: number;
  readonly systemMs: number;
  /** CPU time of child processes (Pagefind's indexer, esbuild's service), partly sampled. */
  readonly childrenCpuMs: number;
  /** Peak resident memory of the Node process itself. */
  readonly maxRssBytes: number;
  /** The largest peak of any child process seen while sampling; 0 when none ran. */
  readonly childPeakRssBytes: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What to run: `node <args...>`. */
export interface ProcessSpec {
  /**
   * Arguments after the Node binary: `--import` flags (the usage hook among them, after tsx
   * when it is TypeScript), the script, its arguments.
   */
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Give up (kill it and throw) after this long. */
  readonly timeoutMs?: number;
}

/** Total CPU time of a measurement: the process and its finished children. */
export function cpuMs(measurement: Pick<Measurement, "userMs" | "systemMs" | "childrenCpuMs">) {
  return measurement.userMs + measurement.systemMs + measurement.childrenCpuMs;
}

/** The high-water mark of resident memory of `pid`, from /proc; undefined once it has gone. */
function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The direct children of `pid` (Linux), every thread's. */
function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
    return tasks
      .split(/\s+/)
      .filter((part) => part !== "")
      .map(Number);
  } catch {
    return [];
  }
}

/** User + system CPU time of `pid` so far, in milliseconds (clock ticks of 10 ms). */
function cpuSoFar(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Watches the descendants of `pid` every 100 ms: the largest VmHWM seen, and each one's CPU
 * time as last seen. The hook cannot see either: Node exposes no RUSAGE_CHILDREN, and a child
 * the build does not wait for before exiting (Pagefind's service, killed at the end) is never
 * counted in its `cutime`. VmHWM only grows, so a peak is missed only by what a child adds in
 * its last 100 ms; CPU time likewise.
 */
function sampleChildren(pid: number): { stop(): { peakRssBytes: number; cpuMs: number } } {
  let peak = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    const pending = childrenOf(pid);
    while (pending.length > 0) {
      const child = pending.pop() as number;
      peak = Math.max(peak, peakRss(child) ?? 0);
      const used = cpuSoFar(child);
      if (used !== undefined) cpu.set(child, used);
      pending.push(...childrenOf(child));
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      return { peakRssBytes: peak, cpuMs: [...cpu.values()].reduce((sum, ms) => sum + ms, 0) };
    },
  };
}

/**
 * Runs the process to completion and measures it. The process must import the usage hook
 * (`--import .../usage.ts`): this names the file the hook writes.
 *
 * @throws when it exits with a non-zero code or times out, with the end of its output.
 */
export async function measureProcess(spec: ProcessSpec): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(tmpdir(), "broadsheet-usage-"));
  const usageFile = path.join(scratch, "usage.json");
  try {
    const started = performance.now();
    const child = spawn(process.execPath, [...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, [USAGE_ENV]: usageFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const sampler = child.pid === undefined ? undefined : sampleChildren(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timeout =
      spec.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill("SIGKILL"), spec.timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode) => resolve(exitCode));
    });
    const wallMs = performance.now() - started;
    if (timeout) clearTimeout(timeout);
    const children = sampler?.stop() ?? { peakRssBytes: 0, cpuMs: 0 };
    if (code !== 0) {
      const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-20).join("\n");
      throw new Error(
        `${spec.args.join(" ")} exited with ${code ?? "a signal"} in ${spec.cwd}:\n${tail}`,
      );
    }
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as ProcessUsageRecord;
    return {
      wallMs,
      ...usage,
      // Children it waited for are exact in the hook's figure; sampling also sees the others.
      childrenCpuMs: Math.max(usage.childrenCpuMs, children.cpuMs),
      childPeakRssBytes: children.peakRssBytes,
      stdout,
      stderr,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
