/** Runs the real build (`scripts/build.ts`) on a fixture project, as `npm run build` would. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./fixture-site.ts";

export interface BuildRun {
  readonly status: number | null;
  /** The signal that ended the build, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A media cache shared by the test files, so each stand-in photo is encoded once per machine
 * rather than once per fixture. Tests about the cache itself use their own folder.
 */
export const SHARED_MEDIA_CACHE = path.join(REPO_ROOT, ".cache/test-media");

/**
 * How a test starts one of Broadsheet's commands as its npm script does: through the launcher,
 * which runs the code compiled once per change to the sources (scripts/run.mjs). The code is
 * the repository's, or that of a copy of it (`repo`: a test that edits the code). Tests of
 * `npm start`, `npm run cms` and the builds a test runs in its own process go through tsx.
 */
export function commandArgs(command: "build" | "import" | "new", repo = REPO_ROOT): string[] {
  return [path.join(repo, "scripts/run.mjs"), command];
}

/**
 * Builds the project at `root` with the code of `repo` (this repository, or a copy a test
 * edits); `env` adds to (or, with undefined, removes from) the environment.
 */
export function runBuild(
  root: string,
  env: Record<string, string | undefined> = {},
  repo = REPO_ROOT,
): BuildRun {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
    BROADSHEET_CACHE_DIR: SHARED_MEDIA_CACHE,
    NO_COLOR: "1",
    ...env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  const result = spawnSync(process.execPath, commandArgs("build", repo), {
    cwd: root,
    env: merged,
    encoding: "utf8",
    timeout: 240_000,
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}
