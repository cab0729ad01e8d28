/**
 * The deploy files a newsroom forks: each is parsed as its host parses it and must install from
 * the lock file, run `npm run build`, publish `_site`, keep `.cache/` between builds where the
 * host can, and run a Node that package.json's engines allow.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { REPO_ROOT } from "../helpers/fixture-site.ts";

function read(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), "utf8");
}

/** Checks a host's Node version against `engines.node` (`>=20.19`): same line or newer. */
function assertEnginesAllow(version: string, where: string): void {
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  const minimum = /^>=\s*(\d+)\.(\d+)/.exec(engines);
  assert.ok(minimum, `package.json engines.node is ${engines}`);
  const asked = /^(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(version);
  assert.ok(asked, `${where}: "${version}" is not a plain Node version`);
  const [major, minor] = [Number(asked[1]), asked[2] === undefined ? undefined : Number(asked[2])];
  const [minMajor, minMinor] = [Number(minimum[1]), Number(minimum[2])];
  // A bare major is that line's newest release, which is past the minimum minor.
  const allowed =
    major > minMajor || (major === minMajor && (minor === undefined || minor >= minMinor));
  assert.ok(allowed, `${where}: Node ${version} is older than ${engines}`);
}

describe("netlify.toml", () => {
  const config = parseToml(read("netlify.toml")) as {
    build?: { command?: string; publish?: string; environment?: Record<string, string> };
    plugins?: { package: string }[];
    headers?: unknown;
  };

  it("builds with npm run build after Netlify's own install from the lock file, and publishes _site", () => {
    assert.equal(config.build?.command, "npm run build");
    assert.equal(config.build?.publish, "_site");
  });

  it("runs a Node the engines allow", () => {
    assertEnginesAllow(config.build?.environment?.NODE_VERSION ?? "", "NODE_VERSION");
  });

  it("leaves headers to the _headers file the build writes", () => {
    assert.equal(config.headers, undefined);
  });

  it("keeps .cache/ between builds with the local plugin it names", async () => {
    const plugin = config.plugins?.find((entry) => entry.package.startsWith("./"));
    assert.ok(plugin, "a local build plugin");
    const folder = path.join(REPO_ROOT, plugin.package);
    const manifest = parseYaml(readFileSync(path.join(folder, "manifest.yml"), "utf8")) as {
      name?: string;
    };
    assert.equal(manifest.name, path.basename(folder));
    const hooks = (await import(pathToFileURL(path.join(folder, "index.js")).href)) as {
      onPreBuild: (context: unknown) => Promise<void>;
      onPostBuild: (context: unknown) => Promise<void>;
    };
    const calls: string[] = [];
    const utils = {
      cache: {
        restore: async (file: string) => calls.push(`restore ${file}`) > 0,
        save: async (file: string) => calls.push(`save ${file}`) > 0,
      },
    };
    const quiet = console.log;
    console.log = () => {};
    try {
      await hooks.onPreBuild({ utils });
      await hooks.onPostBuild({ utils });
    } finally {
      console.log = quiet;
    }
    assert.deepEqual(calls, ["restore .cache", "save .cache"]);
  });
});

describe(".github/workflows/deploy.yml (GitHub Pages)", () => {
  interface Step {
    readonly uses?: string;
    readonly run?: string;
    readonly with?: Record<string, string | number>;
  }
  const workflow = parseYaml(read(".github/workflows/deploy.yml")) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const index = (match: (step: Step) => boolean, what: string) => {
    const found = steps.findIndex(match);
    assert.ok(found >= 0, `the workflow has ${what}`);
    return found;
  };
  const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) === true;

  it("installs with npm ci, then builds with npm run build, then publishes _site", () => {
    const install = index((step) => step.run === "npm ci", "npm ci");
    const build = index((step) => step.run === "npm run build", "npm run build");
    const upload = index(uses("actions/upload-pages-artifact"), "an upload of the site");
    const deploy = index(uses("actions/deploy-pages"), "a Pages deployment");
    assert.ok(install < build && build < upload && upload < deploy, "in that order");
    assert.equal(steps[upload]?.with?.path, "_site");
  });

  it("runs a Node the engines allow", () => {
    const setup = steps[index(uses("actions/setup-node"), "setup-node")];
    assertEnginesAllow(String(setup?.with?.["node-version"] ?? ""), "node-version");
  });

  it("restores .cache/ before the build, from the newest earlier run when the content changed", () => {
    const at = index(uses("actions/cache"), "actions/cache");
    const cache = steps[at]?.with ?? {};
    assert.equal(cache.path, ".cache");
    assert.ok(at < index((step) => step.run === "npm run build", "the build"));
    const key = String(cache.key);
    const restore = String(cache["restore-keys"]);
    assert.match(key, /hashFiles\([^)]*'content\/\*\*'/, "a new key when the content changes");
    assert.ok(key.startsWith(restore), `restore-keys ${restore} is a prefix of ${key}`);
  });
});

describe("the README's Deploying section", () => {
  it("points to both deploy files, which exist", () => {
    const readme = read("README.md");
    for (const file of ["netlify.toml", ".github/workflows/deploy.yml"]) {
      assert.ok(existsSync(path.join(REPO_ROOT, file)), file);
      assert.ok(readme.includes(`\`${file}\``), `the README names ${file}`);
    }
  });
});
