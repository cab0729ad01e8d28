/**
 * Finding Debian's `hugo` (installing it once with apt-get when it is missing and we may) and
 * running it on the Hugo project, measured like the other builds.
 *
 * Hugo is a Go binary, not a Node process: the usage hook cannot load into it. It runs under
 * GNU `/usr/bin/time` when that is installed (exact CPU time and peak memory, from wait4's
 * rusage); otherwise its figures are sampled from /proc every 50 ms (the peak a lower bound).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { HUGO_OUTPUT } from "./hugo-site.ts";
import { GNU_TIME, type Measurement, measureProcess } from "./measure.ts";

/** Hugo, found: its binary, its version line, and how its figures are measured. */
export interface HugoTool {
  readonly binary: string;
  readonly version: string;
  readonly measuredWith: "GNU time (rusage)" | "/proc sampling (50 ms)";
}

/** Where `name` is on PATH; undefined when it is not. */
export function onPath(name: string, pathVariable = process.env.PATH ?? ""): string | undefined {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function versionOf(binary: string): string {
  return execFileSync(binary, ["version"], { encoding: "utf8" }).trim().split("\n")[0] ?? "";
}

/**
 * Hugo on PATH, or after one `apt-get install -y hugo` (as root, or through sudo without a
 * password); a sentence saying why not when neither works. `log` gets progress lines.
 */
export function findHugo(log: (line: string) => void): HugoTool | { readonly missing: string } {
  let binary = onPath("hugo");
  if (binary === undefined) {
    log("hugo is not on PATH: trying `apt-get install -y hugo` once");
    const root = process.getuid?.() === 0;
    const [command, args] = root
      ? ["apt-get", ["install", "-y", "hugo"]]
      : ["sudo", ["-n", "apt-get", "install", "-y", "hugo"]];
    const installed = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
    binary = onPath("hugo");
    if (binary === undefined) {
      const why = installed.error?.message ?? `exit code ${installed.status ?? "?"}`;
      return {
        missing: `Hugo not available (not on PATH; apt-get install -y hugo failed: ${why})`,
      };
    }
  }
  try {
    return {
      binary,
      version: versionOf(binary),
      measuredWith: existsSync(GNU_TIME) ? "GNU time (rusage)" : "/proc sampling (50 ms)",
    };
  } catch (error) {
    return { missing: `Hugo not available (${binary} version failed: ${String(error)})` };
  }
}

/** Build time limit: generous, as for the other builds. */
const HUGO_TIMEOUT_MS = 30 * 60_000;

/**
 * A cold Hugo build of the project at `root`: its output and resource cache removed first, its
 * file cache kept inside the project (so no run reads another's), quiet.
 */
export async function runHugoCold(hugo: HugoTool, root: string): Promise<Measurement> {
  for (const folder of [HUGO_OUTPUT, "resources", ".hugo-cache"]) {
    rmSync(path.join(root, folder), { recursive: true, force: true });
  }
  return measureProcess({
    command: hugo.binary,
    args: [
      "--source",
      root,
      "--destination",
      HUGO_OUTPUT,
      "--cacheDir",
      path.join(root, ".hugo-cache"),
      "--quiet",
    ],
    cwd: root,
    rusage: true,
    timeoutMs: HUGO_TIMEOUT_MS,
  });
}
