/**
 * A full disk at any phase of a publish: the build exits 1 (or, once the site and its record are
 * saved, 0 with a warning), says truly what state `_site/` is in (untouched when it says so,
 * byte for byte), and once there is space again the next build produces exactly a cold build's
 * output. Every phase is reached through the test-only BROADSHEET_FAULT hook (ENOSPC at the
 * first step of each kind, and at the last rename and removal); a real full tmpfs, where root
 * may mount one, checks the same end to end.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { publishRank } from "../../scripts/engine/publish-order.ts";
import { differences, type SiteFile, snapshot } from "../helpers/site-snapshot.ts";
import {
  build,
  buildHere,
  coldSnapshot,
  createTransactionSite,
  editForPublish,
  publishSteps,
  restoreProject,
  saveProject,
  siteDifferences,
  startBuild,
} from "../helpers/transaction-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-full-"));
const site = createTransactionSite();
const base = path.join(scratch, "base");
const workers = [path.join(scratch, "one"), path.join(scratch, "two")];
let expected: Map<string, SiteFile>;
let before0: Map<string, SiteFile>;

before(() => {
  const first = build(site.root);
  assert.equal(first.status, 0, first.stderr);
  before0 = snapshot(site.root);
  editForPublish(site.root);
  saveProject(site.root, base);
  expected = coldSnapshot(site.root, path.join(scratch, "cold"));
});

after(() => {
  site.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** What a build stopped by a full disk at a step must say, and exit with. */
interface Expectation {
  readonly status: number;
  readonly says: RegExp;
  /** Whether `_site/` must be byte for byte as it was before the build. */
  readonly untouched: boolean;
}

const NOTHING = /Nothing was published: _site\/ is as it was before this build/;

function expectationFor(label: string, firstRename: boolean): Expectation {
  if (/^(stage|compact|write state chunk|write journal|mark state\.json)/.test(label)) {
    return { status: 1, says: NOTHING, untouched: true };
  }
  if (label.startsWith("rename") && firstRename) {
    return { status: 1, says: NOTHING, untouched: true };
  }
  if (label.startsWith("rename") || label.endsWith("from _site/")) {
    return {
      status: 1,
      says: /_site\/ is partly updated \(\d+ of \d+ changes made\).*The next `npm run build` finishes the update/,
      untouched: false,
    };
  }
  if (label === "write state.json") {
    return {
      status: 1,
      says: /_site\/ holds this build's site, but the record of it was not saved/,
      untouched: false,
    };
  }
  // Clean-up after the record is saved: the site is published; what is left is harmless.
  return { status: 0, says: /Warning: /, untouched: false };
}

/** A step's kind: renames and removals by the rank of their file (what pages load, pages). */
function kindOf(label: string): string {
  const file = /^(?:rename|remove) (\S+) (?:into|from) _site\/$/.exec(label)?.[1];
  if (file) return `${label.split(" ")[0]} rank ${publishRank(file)}`;
  return (
    /^(stage|compact|write state chunk|remove stale chunk|remove pack)/.exec(label)?.[1] ?? label
  );
}

/** The first step of each kind, and the last rename and the last removal. */
function phases(steps: readonly string[]): number[] {
  const seen = new Set<string>();
  const points: number[] = [];
  steps.forEach((label, index) => {
    const kind = kindOf(label);
    if (seen.has(kind)) return;
    seen.add(kind);
    points.push(index + 1);
  });
  points.push(steps.findLastIndex((label) => label.startsWith("rename ")) + 1);
  points.push(steps.findLastIndex((label) => label.endsWith(" from _site/")) + 1);
  return [...new Set(points)].filter((n) => n > 0).sort((a, b) => a - b);
}

describe("a full disk", () => {
  it("at every phase of a publish: a true message, and the next build equals a cold one", async () => {
    restoreProject(base, site.root);
    const counted = build(site.root, { BROADSHEET_FAULT: "count" });
    assert.equal(counted.status, 0, counted.stderr);
    const steps = publishSteps(counted);
    const firstRename = steps.findIndex((label) => label.startsWith("rename")) + 1;
    const points = phases(steps);
    assert.ok(points.length >= 12, `phases at ${points.join(", ")}`);
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      workers.map(async (root) => {
        while (next < points.length) {
          const n = points[next++] as number;
          const label = steps[n - 1] ?? "";
          const want = expectationFor(label, n === firstRename);
          restoreProject(base, root);
          const run = await startBuild(root, { BROADSHEET_FAULT: `enospc:${n}` });
          const problems: string[] = [];
          if (run.status !== want.status) problems.push(`exit ${run.status}, not ${want.status}`);
          const output = `${run.stdout}${run.stderr}`.replace(/\n/g, " ");
          if (!want.says.test(output)) problems.push(`says:\n${run.stderr}`);
          if (want.status === 1 && !/The disk is full/.test(output))
            problems.push("no word of the full disk");
          if (want.untouched) problems.push(...differences(snapshot(root), before0));
          const again = await buildHere(root);
          if (again.status !== 0) problems.push(`the next build failed:\n${again.stderr}`);
          problems.push(...siteDifferences(root, expected));
          if (problems.length > 0)
            failures.push(`step ${n} (${label}):\n  ${problems.join("\n  ")}`);
        }
      }),
    );
    assert.deepEqual(failures, [], `phases at steps ${points.join(", ")}`);
  });

  it("on a real small disk (tmpfs): nothing published, said so, and put right once there is space", (t) => {
    const mount = path.join(scratch, "disk");
    mkdirSync(mount);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", mount], { stdio: "pipe" });
    } catch (error) {
      t.skip(
        `cannot mount a tmpfs here (${String(error).split("\n")[0]}); the fault-injection test covers every phase`,
      );
      return;
    }
    try {
      const root = path.join(mount, "project");
      restoreProject(base, root);
      // Fill the disk to within a few kilobytes: the publish cannot stage its files.
      const filler = path.join(mount, "filler");
      const { bavail, bsize } = statfsSync(mount);
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 64 * 1024)));
      const full = build(root);
      assert.equal(full.status, 1, full.stdout);
      assert.match(full.stderr, /ENOSPC|disk is full/);
      assert.match(full.stderr, /The disk is full: free some space/);
      assert.match(full.stderr, NOTHING);
      assert.deepEqual(differences(snapshot(root), before0), [], "_site/ is as it was");
      rmSync(filler);
      const again = build(root);
      assert.equal(again.status, 0, again.stderr);
      assert.deepEqual(siteDifferences(root, expected), []);
    } finally {
      execFileSync("umount", ["-l", mount], { stdio: "pipe" });
    }
  });
});
