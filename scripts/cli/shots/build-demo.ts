/**
 * Builds the demonstration site (demo-site.ts) in a temporary folder with the real build, as
 * `npm run build` would, dated by its own now. Photos are encoded into a media cache kept in the
 * repository's `.cache/`, so a second run encodes nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_NOW, writeDemoSite } from "./demo-site.ts";

export interface DemoBuild {
  /** The project folder; the site is in its `_site/`. */
  readonly root: string;
  readonly siteDir: string;
}

/** Writes and builds the demonstration site; throws with the build's output when it fails. */
export async function buildDemo(repo: string): Promise<DemoBuild> {
  const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-demo-"));
  await writeDemoSite(root, repo);
  const run = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), path.join(repo, "scripts/build.ts")],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        BROADSHEET_NOW: DEMO_NOW,
        BROADSHEET_CACHE_DIR: path.join(repo, ".cache/demo-media"),
        // tsx reads tsconfig.json from the working folder: the demonstration has none.
        TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json"),
        SITE_URL: "http://localhost:8080",
        NO_COLOR: "1",
      },
    },
  );
  if (run.status !== 0) {
    throw new Error(`The demonstration site did not build:\n${run.stdout}${run.stderr}`);
  }
  return { root, siteDir: path.join(root, "_site") };
}
