/** Runs the real build (`scripts/build.ts`) on a fixture project, as `npm run build` would. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./fixture-site.ts";

export interface BuildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A media cache shared by the test files, so each stand-in photo is encoded once per machine
 * rather than once per fixture. Tests about the cache itself use their own folder.
 */
export const SHARED_MEDIA_CACHE = path.join(REPO_ROOT, ".cache/test-media");

/** Builds the project at `root`; `env` adds to (or, with undefined, removes from) the environment. */
export function runBuild(root: string, env: Record<string, string | undefined> = {}): BuildRun {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
    BROADSHEET_CACHE_DIR: SHARED_MEDIA_CACHE,
    // tsx reads tsconfig.json from the working folder; the fixture has none, so name ours.
    TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json"),
    NO_COLOR: "1",
    ...env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  // The fixture has no node_modules: load tsx from ours.
  const tsx = import.meta.resolve("tsx");
  const result = spawnSync(
    process.execPath,
    ["--import", tsx, path.join(REPO_ROOT, "scripts/build.ts")],
    {
      cwd: root,
      env: merged,
      encoding: "utf8",
      timeout: 240_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
