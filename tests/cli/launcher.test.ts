/**
 * The launcher (scripts/run.mjs): `npm run build`, `import` and `new` run code compiled once per
 * change to the sources. A compile is reused while the sources are the same, made again when
 * one changes, never run when damaged, survives two builds starting together, and a build run
 * compiled writes exactly the site the TypeScript sources (tsx) write.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { compiledCode } from "../../scripts/launch/compiled-cache.mjs";
import { commandArgs, runBuild, SHARED_MEDIA_CACHE } from "../helpers/build.ts";
import { createFixtureSite, REPO_ROOT } from "../helpers/fixture-site.ts";
import { copyRepo } from "../helpers/repo-copy.ts";
import { copyProject, differences, snapshot } from "../helpers/site-snapshot.ts";

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Runs `node scripts/run.mjs compile` of `root` as a child; resolves with what it printed. */
function compileInChild(root: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/run.mjs"), "compile"]);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.on("exit", (code) => resolve({ code, out: out.trim() }));
  });
}

describe("the launcher's compiled code", () => {
  const code = copyRepo();
  after(() => code.remove());

  it("is made once and reused while the sources are unchanged", async () => {
    const first = await compiledCode(code.root);
    const again = await compiledCode(code.root);
    assert.equal(first.made, true);
    assert.equal(again.made, false);
    assert.equal(again.dir, first.dir);
    assert.ok(filesUnder(first.dir).includes(path.join("scripts", "build.mjs")));
  });

  it("is made again when a source changes, and holds the change", async () => {
    const before = await compiledCode(code.root);
    // An entry point's exports stay in its compiled module (an unused one elsewhere would not).
    const entry = path.join(code.root, "scripts/build.ts");
    appendFileSync(entry, '\nexport const LAUNCHER_MARK = "compiled after an edit";\n');
    const after = await compiledCode(code.root);
    assert.equal(after.made, true);
    assert.notEqual(after.dir, before.dir);
    const compiled = filesUnder(after.dir)
      .filter((file) => file.endsWith(".mjs"))
      .map((file) => readFileSync(path.join(after.dir, file), "utf8"));
    assert.ok(compiled.some((text) => text.includes("compiled after an edit")));
  });

  it("is never run when damaged: a changed file is found and the code compiled again", async () => {
    const sound = await compiledCode(code.root);
    const entry = path.join(sound.dir, "scripts", "build.mjs");
    const original = readFileSync(entry, "utf8");
    writeFileSync(entry, `${original}\nprocess.exit(42);\n`);
    const healed = await compiledCode(code.root);
    assert.equal(healed.made, true, "the damaged compile was used");
    assert.equal(healed.dir, sound.dir);
    assert.equal(readFileSync(entry, "utf8"), original);
  });

  it("survives two starts at once: both run the same sound compile", async () => {
    appendFileSync(
      path.join(code.root, "scripts/build.ts"),
      '\nexport const LAUNCHER_RACE = "two at once";\n',
    );
    const [one, two] = await Promise.all([compileInChild(code.root), compileInChild(code.root)]);
    assert.equal(one.code, 0, one.out);
    assert.equal(two.code, 0, two.out);
    assert.equal(one.out, two.out);
    const reused = await compiledCode(code.root);
    assert.equal(reused.made, false);
    assert.equal(reused.dir, one.out);
  });
});

describe("a build run compiled and one run from the TypeScript sources", () => {
  const site = createFixtureSite({ seed: true });
  const twin = createFixtureSite({ seed: true });
  after(() => {
    site.remove();
    twin.remove();
  });

  it("write the same site, byte for byte", () => {
    copyProject(site.root, twin.root);
    const compiled = runBuild(site.root);
    assert.equal(compiled.status, 0, compiled.stderr);
    assert.ok(commandArgs("build")[0]?.endsWith("run.mjs"), "runBuild starts the launcher");
    const fromSource = spawnSync(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), path.join(REPO_ROOT, "scripts/build.ts")],
      {
        cwd: twin.root,
        env: {
          ...process.env,
          BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
          BROADSHEET_CACHE_DIR: SHARED_MEDIA_CACHE,
          TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json"),
          NO_COLOR: "1",
        },
        encoding: "utf8",
        timeout: 240_000,
      },
    );
    assert.equal(fromSource.status, 0, fromSource.stderr);
    assert.deepEqual(differences(snapshot(site.root), snapshot(twin.root)), []);
  });
});
