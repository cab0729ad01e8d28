/**
 * One build of a site at a time: two builds started together both end well (the second waits
 * for the first, and says so) and the site equals a cold build; a lock left by a build that was
 * killed is taken over; a build that would wait too long on a live one fails, naming it.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import {
  build,
  coldSnapshot,
  createTransactionSite,
  editForPublish,
  siteDifferences,
  startBuild,
} from "../helpers/transaction-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-lock-"));
const site = createTransactionSite();
after(() => {
  site.remove();
  rmSync(scratch, { recursive: true, force: true });
});
const lock = path.join(site.root, ".cache/build/site.lock");

describe("builds of one site", () => {
  it("started together both succeed, one after the other, and the site equals a cold build", async () => {
    const first = build(site.root);
    assert.equal(first.status, 0, first.stderr);
    editForPublish(site.root);
    const expected = coldSnapshot(site.root, path.join(scratch, "cold"));
    const runs = await Promise.all([startBuild(site.root), startBuild(site.root)]);
    for (const run of runs) assert.equal(run.status, 0, run.stderr);
    const waited = runs.filter((run) =>
      /Waiting for another build of _site\/ \(process \d+\)/.test(run.stderr),
    );
    assert.equal(waited.length, 1, runs.map((run) => run.stderr).join("\n---\n"));
    assert.deepEqual(siteDifferences(site.root, expected), []);
    // The one that waited finds the other's publish: nothing left to do (it may tell that from
    // the inputs the other recorded, input-manifest.ts, when the edit was old enough to trust).
    assert.match(
      runs.map((run) => run.stdout).join("\n"),
      /files: 0 written, 0 removed \((in place|nothing changed since the last build)\)/,
    );
  });

  it("take over a lock left by a build that is no longer running", () => {
    mkdirSync(path.dirname(lock), { recursive: true });
    // A process id no process has: the largest the kernel hands out is below 2^22.
    writeFileSync(lock, "4194303\n");
    const run = build(site.root);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /Waiting/);
  });

  it("fail clearly after waiting too long for a build that is still running", () => {
    writeFileSync(lock, `${process.pid}\n`);
    try {
      const run = build(site.root, { BROADSHEET_LOCK_WAIT_MS: "300" });
      assert.equal(run.status, 1);
      assert.match(
        run.stderr,
        new RegExp(`Waiting for another build of _site/ \\(process ${process.pid}\\)`),
      );
      assert.match(
        run.stderr,
        new RegExp(`another build of this site \\(process ${process.pid}\\) has held`),
      );
      assert.match(run.stderr, /Nothing was published/);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});
