/**
 * The resource-usage hook, loaded into a measured process with `--import`: when the process
 * exits, it writes its CPU time and peak memory as JSON to the file named by
 * `BROADSHEET_BENCH_USAGE`. Without that variable it does nothing.
 *
 * The build forks its workers with `process.execArgv` and its environment, so every worker
 * loads this hook too. A process started with an IPC channel (a forked worker) therefore writes
 * `<file>.<pid>.child` instead, beside the main record and never over it; the benchmark reads
 * those as the workers' own exact figures. The channel is looked at when the hook loads: a
 * worker the pool has disconnected has none left by the time it exits.
 *
 *   BROADSHEET_BENCH_USAGE=/tmp/u.json node --import <usage-hook.mjs> scripts/run.mjs build
 *
 * Measuring from inside, at exit, is exact where sampling from outside is not: the peak is the
 * kernel's own high-water mark. On Linux it is read as `VmHWM` from `/proc/self/status`, not as
 * `resourceUsage().maxRSS`: getrusage's maxrss survives fork and exec, so a child forked from a
 * 400 MB parent reports at least 400 MB whatever it used itself (measured: a plain Eleventy run
 * of 50 pages reported 416 MB, the bench process's size). VmHWM belongs to the new program's own
 * memory map. It covers this process only; the CPU time of child processes it has waited for is
 * read from `/proc/self/stat`.
 */

/** What the hook writes. Times in milliseconds, memory in bytes. */
export interface ProcessUsageRecord {
  readonly pid: number;
  /** The script the process ran (`process.argv[1]`): tells a render worker from the build. */
  readonly script: string;
  readonly userMs: number;
  readonly systemMs: number;
  readonly maxRssBytes: number;
  /** User + system time of child processes this one waited for (Linux only; 0 elsewhere). */
  readonly childrenCpuMs: number;
}

/** The environment variable that names the output file. */
export const USAGE_ENV = "BROADSHEET_BENCH_USAGE";

/**
 * Registers the exit hook. Self-contained on purpose (no imports, no outside names): its source
 * is also written out as a plain `.mjs` file, so processes that run without tsx (the plain
 * Eleventy baseline) are measured by the very same code without paying tsx's start-up.
 */
export function recordUsageOnExit(): void {
  const target = process.env.BROADSHEET_BENCH_USAGE;
  if (!target) return;
  const file = process.channel === undefined ? target : `${target}.${process.pid}.child`;
  process.on("exit", () => {
    const fs = process.getBuiltinModule("node:fs");
    const usage = process.resourceUsage();
    let childrenCpuMs = 0;
    // resourceUsage() gives maxRSS in kilobytes.
    let maxRssBytes = usage.maxRSS * 1024;
    try {
      const status = fs.readFileSync("/proc/self/status", "utf8");
      const peak = /^VmHWM:\s+(\d+) kB/m.exec(status);
      if (peak?.[1]) maxRssBytes = Number(peak[1]) * 1024;
      // Fields after the command name: state is field 3, cutime and cstime are fields 16 and 17,
      // in clock ticks (USER_HZ, 100 on Linux).
      const stat = fs.readFileSync("/proc/self/stat", "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      childrenCpuMs = (Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      // Not Linux: getrusage's figure stands, and child processes' CPU time is unknown.
    }
    fs.writeFileSync(
      file,
      JSON.stringify({
        pid: process.pid,
        script: process.argv[1] ?? "",
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        maxRssBytes,
        childrenCpuMs: Number.isFinite(childrenCpuMs) ? childrenCpuMs : 0,
      }),
    );
  });
}

/** The hook as a standalone ES module, for processes that do not load tsx. */
export function usageHookModuleSource(): string {
  return `(${recordUsageOnExit.toString()})();\n`;
}

recordUsageOnExit();
