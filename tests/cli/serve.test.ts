/**
 * `npm start` as an editor uses it: the site served with drafts, an article saved the way
 * editors save (a new file renamed over index.md, as vim and `sed -i` do, and a write in
 * place), the change on the page and the browser told to reload; a mistake reported in full
 * with the last good page still served; a new article published; the fix picked up.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "../../scripts/bench/dev-server.ts";
import { listenForReloads, type ReloadListener } from "../../scripts/bench/reload-listener.ts";
import { SHARED_MEDIA_CACHE } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";

const ARTICLE_URL = `/asia/${SEED_SLUG}/`;

let site: FixtureSite;
let child: ChildProcess;
let port: number;
let output = "";
let reloads: ReloadListener;

async function page(url: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    headers: { "cache-control": "no-cache" },
  });
  return response.ok ? response.text() : "";
}

/** Polls until `check` holds, or fails saying what it waited for and what the server printed. */
async function eventually(what: string, check: () => Promise<boolean> | boolean) {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (await check()) return;
    await sleep(50);
  }
  assert.fail(`${what} did not happen within 60 s; the server printed:\n${output}`);
}

/** Saves as vim and `sed -i` do: a new file beside it, renamed over it. */
function saveByRename(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), ".index.md.swp-new");
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

before(async () => {
  site = createFixtureSite({ seed: true });
  port = await freePort();
  child = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), path.join(REPO_ROOT, "scripts/serve.ts")],
    {
      cwd: site.root,
      env: {
        ...process.env,
        PORT: String(port),
        BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
        BROADSHEET_CACHE_DIR: SHARED_MEDIA_CACHE,
        TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json"),
        NO_COLOR: "1",
      },
      stdio: "pipe",
    },
  );
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await eventually("the server starting", () => output.includes("dev server at"));
  // The watcher is ready once the server says so; give it the moment after the message.
  await sleep(500);
  reloads = await listenForReloads(port);
});

after(async () => {
  reloads?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  site?.remove();
});

describe("npm start", () => {
  it("serves the built site", async () => {
    assert.match(await page(ARTICLE_URL), /Kim Jong Un/);
  });

  it("shows an edit saved by renaming a new file over index.md, and tells the browser to reload", async () => {
    const file = path.join(site.root, "content/articles", SEED_SLUG, "index.md");
    const source = readFileSync(file, "utf8");
    const since = reloads.messages.length;
    saveByRename(file, source.replace(/^title: .*$/m, 'title: "Renamed headline one"'));
    await eventually("the renamed save on the page", async () =>
      (await page(ARTICLE_URL)).includes("Renamed headline one"),
    );
    await eventually("a reload message", () =>
      reloads.messages.slice(since).some((message) => message.type === "eleventy.reload"),
    );
    // A second save the same way: the watcher must still see the folder after the first.
    saveByRename(file, source.replace(/^title: .*$/m, 'title: "Renamed headline two"'));
    await eventually("the second renamed save on the page", async () =>
      (await page(ARTICLE_URL)).includes("Renamed headline two"),
    );
    writeFileSync(file, source.replace(/^title: .*$/m, 'title: "Written in place"'));
    await eventually("the save in place on the page", async () =>
      (await page(ARTICLE_URL)).includes("Written in place"),
    );
  });

  it("publishes a new article, a draft among them", async () => {
    site.article("river-levels", articleSource({ title: '"River levels fall"', draft: "true" }));
    await eventually("the new draft's page", async () =>
      (await page("/asia/river-levels/")).includes("River levels fall"),
    );
  });

  it("reports a mistake in full and keeps the last good page, then takes the fix", async () => {
    const printed = output.length;
    site.article("river-levels", articleSource({ title: '"River levels fall"', date: "tomorrow" }));
    // Reported at its line, with the field named.
    await eventually("the mistake reported", () =>
      /content\/articles\/river-levels\/index\.md:\d+.*\[date\]/.test(output.slice(printed)),
    );
    // The last good page stays, with the mistake listed at its top for an editor in the browser;
    // every other page says so too, and the stylesheet of the box is served.
    await eventually("the mistake shown in the browser", async () =>
      (await page("/asia/river-levels/")).includes("The last save was not published"),
    );
    const shown = await page("/asia/river-levels/");
    assert.match(shown, /River levels fall/, "the last good page stays");
    assert.match(shown, /content\/articles\/river-levels\/index\.md:\d+ \[date\]/);
    assert.match(shown, /<strong>Fix:<\/strong>/);
    assert.match(await page("/"), /broadsheet-problems/);
    assert.match(await page("/.broadsheet/problems.css"), /\.broadsheet-problems/);
    site.article("river-levels", articleSource({ title: '"River levels fall again"' }));
    await eventually("the fixed article's page", async () =>
      (await page("/asia/river-levels/")).includes("River levels fall again"),
    );
    assert.doesNotMatch(await page("/"), /broadsheet-problems/, "the box is gone with the mistake");
  });
});
