/**
 * A build killed at any step of its publish (SIGKILL, through the test-only BROADSHEET_FAULT
 * hook, which counts every file-system change the publish makes) leaves `_site/` with no page
 * that names a missing file, and the next build (run in this process, to spare a start-up per
 * kill) produces exactly a cold build's output, even
 * when an article is deleted before it. The publish under test writes and removes assets, an
 * image, search files and pages (transaction-site.ts). Every step from the journal's writing to
 * its removal is a kill point, and the step before it, and the first of each kind of step
 * before and after that window (staging, compaction, state chunks; stale chunks and packs).
 * Kills while a fresh `_site/` is made, and a watcher of `_site/` during publishes, complete
 * the picture.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listFiles } from "../../scripts/site/check-output.ts";
import type { SiteFile } from "../helpers/site-snapshot.ts";
import {
  brokenPages,
  build,
  buildHere,
  CLOUDFLARE,
  coldSnapshot,
  createTransactionSite,
  editForPublish,
  publishSteps,
  type Run,
  restoreProject,
  saveProject,
  siteDifferences,
  startBuild,
} from "../helpers/transaction-site.ts";

const CDN = { provider: "cloudflare" } as const;
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-kill-"));
const site = createTransactionSite(CLOUDFLARE);
/** The project before the publish: the last build's site and cache, the content edited. */
const base = path.join(scratch, "base");
/** The same without `_site/` (a CI runner that keeps only `.cache/`). */
const baseFresh = path.join(scratch, "base-fresh");
/** Projects the kill runs work in, two at a time. */
const workers = [path.join(scratch, "one"), path.join(scratch, "two")];
let expected: Map<string, SiteFile>;
let expectedWithoutBeta: Map<string, SiteFile>;

before(() => {
  const first = build(site.root);
  assert.equal(first.status, 0, first.stderr);
  editForPublish(site.root);
  saveProject(site.root, base);
  expected = coldSnapshot(site.root, path.join(scratch, "cold"));
  rmSync(path.join(scratch, "cold/content/articles/beta"), { recursive: true });
  expectedWithoutBeta = coldSnapshot(path.join(scratch, "cold"), path.join(scratch, "cold-2"));
  rmSync(path.join(site.root, "_site"), { recursive: true });
  saveProject(site.root, baseFresh);
});

after(() => {
  site.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** The steps of the publish from `saved`, counted by a build that runs it to the end. */
function stepsFrom(saved: string): string[] {
  restoreProject(saved, site.root);
  const counted = build(site.root, { BROADSHEET_FAULT: "count" });
  assert.equal(counted.status, 0, counted.stderr);
  assert.deepEqual(siteDifferences(site.root, expected), [], "the counted publish is right");
  return publishSteps(counted);
}

/**
 * Step numbers (1-based) to kill at: every step from the journal's writing to its removal (the
 * window in which `_site/` changes) and the step just before it; with `outside`, also the first
 * of each kind of step outside the window (all steps of one kind there leave `_site/` alone:
 * before it nothing is published, after it everything is recorded).
 */
function killPoints(steps: readonly string[], outside: boolean): number[] {
  const journal = steps.indexOf("write journal");
  const done = steps.indexOf("remove journal");
  assert.ok(journal > 0 && done > journal, `a journal in:\n${steps.join("\n")}`);
  const points = new Set<number>([journal]);
  for (let index = journal; index <= done; index++) points.add(index + 1);
  if (!outside) return [...points].sort((a, b) => a - b);
  const seen = new Set<string>();
  steps.forEach((label, index) => {
    if (index >= journal && index <= done) return;
    const kind =
      /^(stage|compact|write state chunk|remove stale chunk|remove pack|remove \S+ set)/.exec(
        label,
      )?.[1] ?? label;
    if (!seen.has(kind)) points.add(index + 1);
    seen.add(kind);
  });
  return [...points].sort((a, b) => a - b);
}

/** Runs `work` for each item, `workers.length` at a time, each on its own project folder. */
async function onWorkers<T>(items: readonly T[], work: (item: T, root: string) => Promise<void>) {
  let next = 0;
  await Promise.all(
    workers.map(async (root) => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item, root);
      }
    }),
  );
}

/** Files of `_site/` that still show the article "beta" (by its slug or its headline). */
function traces(root: string, text: RegExp): string[] {
  const dir = path.join(root, "_site");
  return listFiles(dir).filter(
    (file) => text.test(file) || text.test(readFileSync(path.join(dir, file), "latin1")),
  );
}

function killed(run: Run, label: string): string | undefined {
  return run.signal === "SIGKILL"
    ? undefined
    : `the build was not killed at "${label}" (status ${run.status}):\n${run.stderr}`;
}

describe("a build killed during its publish", () => {
  it("leaves no page naming a missing file, and the next build equals a cold one, at every step", async () => {
    const steps = stepsFrom(base);
    const points = killPoints(steps, true);
    assert.ok(points.length >= 30, `${points.length} kill points`);
    const failures: string[] = [];
    await onWorkers(points, async (n, root) => {
      const label = `step ${n} (${steps[n - 1]})`;
      restoreProject(base, root);
      const run = await startBuild(root, { BROADSHEET_FAULT: `kill:${n}` });
      const problems = [killed(run, label)].filter((problem) => problem !== undefined);
      if (!existsSync(path.join(root, "_site/index.html"))) problems.push("_site/ is not whole");
      problems.push(...brokenPages(root, CDN));
      // Every third kill, an editor deletes an article before the next build.
      const deleting = n % 3 === 0;
      if (deleting) rmSync(path.join(root, "content/articles/beta"), { recursive: true });
      const next = await buildHere(root);
      if (next.status !== 0) problems.push(`the next build failed:\n${next.stderr}`);
      problems.push(...siteDifferences(root, deleting ? expectedWithoutBeta : expected));
      if (deleting) {
        problems.push(
          ...traces(root, /Council approves|news\/beta/).map((file) => `beta in ${file}`),
        );
      }
      if (problems.length > 0) failures.push(`${label}:\n  ${problems.join("\n  ")}`);
    });
    assert.deepEqual(failures, [], `${points.length} kill points`);
  });

  it("making a fresh _site/: it is absent or whole after every kill, and the next build equals a cold one", async () => {
    const steps = stepsFrom(baseFresh);
    assert.ok(steps.includes("rename the staging folder to _site/"));
    // Outside the window the steps are those of an update in place, killed at above.
    const points = killPoints(steps, false);
    const failures: string[] = [];
    await onWorkers(points, async (n, root) => {
      const label = `step ${n} (${steps[n - 1]})`;
      restoreProject(baseFresh, root);
      const run = await startBuild(root, { BROADSHEET_FAULT: `kill:${n}` });
      const problems = [killed(run, label)].filter((problem) => problem !== undefined);
      if (existsSync(path.join(root, "_site"))) problems.push(...siteDifferences(root, expected));
      const next = await buildHere(root);
      if (next.status !== 0) problems.push(`the next build failed:\n${next.stderr}`);
      problems.push(...siteDifferences(root, expected));
      if (readdirSync(root).some((name) => name.startsWith(".site-"))) {
        problems.push("a staging folder was left behind");
      }
      if (problems.length > 0) failures.push(`${label}:\n  ${problems.join("\n  ")}`);
    });
    assert.deepEqual(failures, []);
  });
});

describe("_site/ while a build publishes", () => {
  /** Pages every version of the site has: while a publish runs, none may ever be missing. */
  const STANDING = ["index.html", "news/index.html", "404.html", "search/index.html"];

  /**
   * Watches `root`'s `_site/` every few milliseconds while `running` lasts. (Whether pages name
   * only files that are there is checked after each kill above, where the site holds still: a
   * watcher cannot read a page and the files it names at one instant.)
   */
  async function watch(root: string, running: Promise<Run>): Promise<{ run: Run; seen: string[] }> {
    const seen = new Set<string>();
    let looks = 0;
    let done = false;
    const finished = running.then((run) => {
      done = true;
      return run;
    });
    while (!done) {
      looks++;
      for (const page of STANDING) {
        if (!existsSync(path.join(root, "_site", page))) seen.add(`_site/${page} is missing`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    assert.ok(looks > 5, `looked ${looks} times`);
    return { run: await finished, seen: [...seen] };
  }

  it("has every standing page at every look, updated in place or checked file by file", async () => {
    const [root] = workers as [string];
    restoreProject(base, root);
    const inPlace = await watch(root, startBuild(root));
    assert.equal(inPlace.run.status, 0, inPlace.run.stderr);
    assert.deepEqual(inPlace.seen, []);
    assert.deepEqual(siteDifferences(root, expected), []);
    // With no record of what _site/ holds, every file is compared and put right in place.
    restoreProject(base, root);
    rmSync(path.join(root, ".cache/build/site/state.json"));
    const checked = await watch(root, startBuild(root));
    assert.equal(checked.run.status, 0, checked.run.stderr);
    assert.match(checked.run.stdout, /every file checked/);
    assert.deepEqual(checked.seen, []);
    assert.deepEqual(siteDifferences(root, expected), []);
  });
});
