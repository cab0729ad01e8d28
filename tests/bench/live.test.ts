/**
 * The benchmark's live blog (`npm run bench -- --live`): the command line that asks for it, and
 * the blog it writes, 1,000 valid updates the same every run, with the scenario's update the
 * newest.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parseArguments } from "../../scripts/bench/arguments.ts";
import {
  LIVE_BLOG_SLUG,
  LIVE_BLOG_UPDATES,
  liveUpdateMarkdown,
  publishLiveUpdate,
  writeLiveBlog,
} from "../../scripts/bench/live-blog.ts";
import { loadUpdate } from "../../scripts/content/live/update.ts";

describe("the benchmark's live blog", () => {
  it("is asked for with --live, and --only picks scenarios, the cold build always first", () => {
    assert.equal(parseArguments([]).live, false);
    assert.equal(parseArguments([]).only, undefined);
    const parsed = parseArguments(["20000", "--live", "--only", "added,liveUpdate"]);
    assert.equal(parsed.live, true);
    assert.deepEqual(parsed.only, ["cold", "added", "liveUpdate"]);
    assert.throws(() => parseArguments(["--only", "publish"]), /--only takes scenario keys/);
  });

  it("writes 1,000 valid updates, one a minute, the same every run; the scenario's is the newest", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-bench-live-"));
    try {
      writeLiveBlog(root, 1);
      const folder = path.join(root, "content/articles", LIVE_BLOG_SLUG, "live");
      const names = readdirSync(folder).sort();
      assert.equal(names.length, LIVE_BLOG_UPDATES);
      const times = names.map((name) => {
        const loaded = loadUpdate(readFileSync(path.join(folder, name)), name, name.slice(0, -3));
        assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.issues));
        return loaded.value.card.timeMs;
      });
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
      );
      assert.equal(liveUpdateMarkdown(7, 1), liveUpdateMarkdown(7, 1));
      publishLiveUpdate(root, 1, 0, 0);
      const added = readdirSync(folder).find((name) => !names.includes(name)) ?? "";
      const loaded = loadUpdate(readFileSync(path.join(folder, added)), added, added.slice(0, -3));
      assert.ok(loaded.ok);
      // Filed now, at the same minute as the last: its name orders it after (oldestFirst).
      const last = times.at(-1) ?? 0;
      assert.ok(loaded.value.card.timeMs >= last, "the newest update");
      assert.ok(added > (names.at(-1) ?? ""), "ordered after the last by its name");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
