import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { listFiles } from "../../scripts/site/check-output.ts";
import { commandArgs, runBuild, SHARED_MEDIA_CACHE } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

const fixtures: FixtureSite[] = [];
after(() => {
  for (const site of fixtures) site.remove();
});

function snapshot(root: string): Map<string, string> {
  const dir = path.join(root, "_site");
  return new Map(
    listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]),
  );
}

function stagingFolders(root: string): string[] {
  return readdirSync(root).filter((name) => name.startsWith(".site-"));
}

/** Starts a build and kills it with `signal` as soon as it has begun writing its staging folder. */
async function killMidBuild(root: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(process.execPath, commandArgs("build"), {
    cwd: root,
    env: {
      ...process.env,
      BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
      BROADSHEET_CACHE_DIR: SHARED_MEDIA_CACHE,
    },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  for (let tries = 0; tries < 1000 && stagingFolders(root).length === 0; tries++) await sleep(5);
  assert.ok(stagingFolders(root).length > 0, "the build started staging");
  child.kill(signal);
  return exited;
}

describe("an interrupted build", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`leaves _site/ byte-for-byte as it was and no temporary folder, on ${signal}`, async () => {
      const site = createFixtureSite({ seed: true });
      fixtures.push(site);
      assert.equal(runBuild(site.root).status, 0);
      const before = snapshot(site.root);
      site.article("late-story", articleSource({ title: "Late story" }));
      const code = await killMidBuild(site.root, signal);
      assert.notEqual(code, 0);
      assert.deepEqual(snapshot(site.root), before);
      assert.deepEqual(stagingFolders(site.root), []);
    });
  }

  it("leaves _site/ intact when killed outright, and the next build cleans up after it", async () => {
    const site = createFixtureSite({ seed: true });
    fixtures.push(site);
    assert.equal(runBuild(site.root).status, 0);
    const before = snapshot(site.root);
    site.article("late-story", articleSource({ title: "Late story" }));
    await killMidBuild(site.root, "SIGKILL");
    assert.deepEqual(snapshot(site.root), before);
    assert.equal(runBuild(site.root).status, 0);
    assert.deepEqual(stagingFolders(site.root), []);
    assert.ok(listFiles(path.join(site.root, "_site")).includes("asia/late-story/index.html"));
  });
});
