/**
 * `--profile`: one extra cold build per size under V8's CPU profiler (and its sampling heap
 * profiler with `--heap-prof`), kept out of the figures (profiling slows it). The build's workers
 * inherit the flags through `process.execArgv`, so each process writes its own profile; the
 * build's main thread and the workers' main threads are summarised (profile.ts).
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { type BenchPaths, runBroadsheetBuild } from "./builds.ts";
import type { CodeCopy } from "./code-copy.ts";
import { profileSummary } from "./profile.ts";
import type { ProfileResult } from "./results.ts";

/**
 * Main-thread profiles by process: `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, thread
 * 0 being the main thread (Node also profiles the thread that runs tsx's module hooks).
 */
export function profilesByProcess(files: readonly string[], mainPid: number) {
  const mainThread = files.filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name)).sort();
  const pid = (name: string) => Number(name.split(".").at(-4));
  return {
    main: mainThread.find((name) => pid(name) === mainPid),
    workers: mainThread.filter((name) => pid(name) !== mainPid),
  };
}

/** Builds the project cold under the profilers, writing into `dir`; summarises what they wrote. */
export async function profileColdBuild(
  paths: BenchPaths,
  code: CodeCopy,
  root: string,
  mediaCache: string,
  dir: string,
  heap: boolean,
): Promise<ProfileResult> {
  for (const folder of [path.join(root, "_site"), path.join(root, ".cache"), mediaCache, dir]) {
    rmSync(folder, { recursive: true, force: true });
  }
  const flags = [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
    ...(heap ? ["--heap-prof", `--heap-prof-dir=${dir}`] : []),
  ];
  const measured = await runBroadsheetBuild(paths, code, root, mediaCache, flags);
  const mainPid = measured.processes.find((process) => process.kind === "main")?.pid ?? -1;
  const names = readdirSync(dir);
  const { main, workers } = profilesByProcess(
    names.filter((name) => name.endsWith(".cpuprofile")),
    mainPid,
  );
  if (!main) throw new Error(`--cpu-prof wrote no main-thread profile for ${mainPid} into ${dir}`);
  const full = (name: string) => path.join(dir, name);
  const heapProfiles = names.filter((name) => name.endsWith(".heapprofile")).map(full);
  return {
    main: profileSummary(full(main)),
    ...(workers.length > 0 ? { workers: profileSummary(workers.map(full)) } : {}),
    ...(heapProfiles.length > 0 ? { heapProfiles } : {}),
  };
}
