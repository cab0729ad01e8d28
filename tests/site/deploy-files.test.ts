/**
 * The deploy files a newsroom forks: each is parsed as its host parses it and must install from
 * the lock file, run `npm run build`, publish `_site`, keep `.cache/` between builds where the
 * host can, and run Node 24, which package.json's engines allow. The GitHub Pages workflow also
 * runs every ten minutes (embargoes), deploys a scheduled run only when the build changed
 * something, and takes the site's address from actions/configure-pages.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { reportLines } from "../../scripts/engine/build-report.ts";
import { REPO_ROOT } from "../helpers/fixture-site.ts";

function read(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), "utf8");
}

/**
 * Checks a host's Node version against `engines.node` (`^20.19.0 || ^22.12.0 || ^24.0.0`): a
 * version in one of its lines, at or past that line's minimum. A bare major is that line's newest
 * release.
 */
function assertEnginesAllow(version: string, where: string): void {
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  const lines = engines.split("||").map((part) => {
    const match = /^\s*\^(\d+)\.(\d+)\.\d+\s*$/.exec(part);
    assert.ok(match, `package.json engines.node part "${part}" is a ^major.minor.patch range`);
    return { major: Number(match[1]), minor: Number(match[2]) };
  });
  const asked = /^(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(version);
  assert.ok(asked, `${where}: "${version}" is not a plain Node version`);
  const [major, minor] = [Number(asked[1]), asked[2] === undefined ? undefined : Number(asked[2])];
  const allowed = lines.some(
    (line) => line.major === major && (minor === undefined || minor >= line.minor),
  );
  assert.ok(allowed, `${where}: Node ${version} is outside ${engines}`);
}

/** Node 24: the active LTS, what the hosts build with (Node 20 reached its end in April 2026). */
const DEPLOY_NODE = "24";

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

  it("runs Node 24, which the engines allow", () => {
    const version = config.build?.environment?.NODE_VERSION ?? "";
    assert.equal(version, DEPLOY_NODE);
    assertEnginesAllow(version, "NODE_VERSION");
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
    readonly id?: string;
    readonly if?: string;
    readonly uses?: string;
    readonly run?: string;
    readonly with?: Record<string, string | number>;
    readonly env?: Record<string, string>;
  }
  const text = read(".github/workflows/deploy.yml");
  const workflow = parseYaml(text) as {
    on: { push?: unknown; workflow_dispatch?: unknown; schedule?: { cron: string }[] };
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const index = (match: (step: Step) => boolean, what: string) => {
    const found = steps.findIndex(match);
    assert.ok(found >= 0, `the workflow has ${what}`);
    return found;
  };
  const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) === true;
  const build = index((step) => step.run === "npm run build", "npm run build");
  const buildStep = steps[build];

  it("installs with npm ci, then builds with npm run build, then publishes _site", () => {
    const install = index((step) => step.run === "npm ci", "npm ci");
    const upload = index(uses("actions/upload-pages-artifact"), "an upload of the site");
    const deploy = index(uses("actions/deploy-pages"), "a Pages deployment");
    assert.ok(install < build && build < upload && upload < deploy, "in that order");
    assert.equal(steps[upload]?.with?.path, "_site");
  });

  it("runs Node 24, which the engines allow", () => {
    const setup = steps[index(uses("actions/setup-node"), "setup-node")];
    const version = String(setup?.with?.["node-version"] ?? "");
    assert.equal(version, DEPLOY_NODE);
    assertEnginesAllow(version, "node-version");
  });

  it("runs on push, by hand, and every ten minutes, so embargoes are released on time", () => {
    assert.ok(workflow.on.push && "workflow_dispatch" in workflow.on);
    const crons = (workflow.on.schedule ?? []).map((entry) => entry.cron);
    assert.deepEqual(crons, ["*/10 * * * *"]);
  });

  it("builds at the address and base path actions/configure-pages reports, none by hand", () => {
    const pages = steps[index(uses("actions/configure-pages"), "actions/configure-pages")];
    assert.ok(pages?.id, "configure-pages has an id, so its outputs can be read");
    assert.ok(index(uses("actions/configure-pages"), "configure-pages") < build);
    assert.equal(buildStep?.env?.SITE_URL, `\${{ steps.${pages?.id}.outputs.origin }}`);
    assert.equal(buildStep?.env?.PATH_PREFIX, `\${{ steps.${pages?.id}.outputs.base_path }}`);
    assert.doesNotMatch(JSON.stringify(workflow), /github\.io|repository\.name/, "none by hand");
  });

  it("deploys a scheduled run only when the build changed something, as the build reports it", () => {
    const report = buildStep?.env?.BROADSHEET_REPORT ?? "";
    assert.match(report, /runner\.temp/);
    const relay =
      steps[index((step) => /GITHUB_OUTPUT/.test(step.run ?? ""), "the report relayed")];
    assert.ok(relay?.id && (relay.run ?? "").includes("$RUNNER_TEMP/build-report"));
    // The build's own report line, read by the same name.
    const line = reportLines({ changed: ["index.html"], waiting: [] }, "UTC")[0];
    assert.equal(line, "changed=true");
    const changed = `steps.${relay?.id}.outputs.changed == 'true'`;
    for (const action of ["actions/upload-pages-artifact", "actions/deploy-pages"]) {
      assert.equal(
        steps[index(uses(action), action)]?.if,
        `${changed} || github.event_name != 'schedule'`,
        `${action}: always on push or by hand, on a schedule only after a change`,
      );
    }
  });

  it("restores .cache/ before the build, and saves it only after a deploy that changed something", () => {
    const restore = index(uses("actions/cache/restore"), "actions/cache/restore");
    const save = index(uses("actions/cache/save"), "actions/cache/save");
    const deploy = index(uses("actions/deploy-pages"), "a Pages deployment");
    assert.ok(restore < build && deploy < save, "restore, build, deploy, then save");
    const restored = steps[restore]?.with ?? {};
    const saved = steps[save]?.with ?? {};
    assert.equal(restored.path, ".cache");
    assert.equal(saved.path, ".cache");
    assert.equal(saved.key, restored.key, "saved under the key this run restored for");
    assert.ok(String(restored.key).startsWith(String(restored["restore-keys"])));
    assert.match(String(steps[save]?.if), /outputs\.changed == 'true'/);
  });
});

describe("the deployment guide", () => {
  it("points to both deploy files, which exist, and says how to schedule builds on each host", () => {
    const guide = read("docs/deploying.md");
    for (const file of ["netlify.toml", ".github/workflows/deploy.yml"]) {
      assert.ok(existsSync(path.join(REPO_ROOT, file)), file);
      assert.ok(guide.includes(`\`${file}\``), `the guide names ${file}`);
    }
    for (const words of [
      "build hook",
      "Cloudflare Pages",
      "cron",
      "BROADSHEET_REPORT",
      "Node 24",
    ]) {
      assert.ok(guide.includes(words), `the guide says ${words}`);
    }
    assert.ok(read("README.md").includes("docs/deploying.md"), "the README links the guide");
  });
});
