/**
 * What the build publishes for the editors' web UI: /admin/ only for a site with a `cms:`
 * block, the same bytes every time, a page that passes the output checks and keeps search
 * engines out, its own Content-Security-Policy in `_headers` while public pages keep theirs, and
 * the `cms:` block validated with messages an editor can act on.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { adminHeaderRule } from "../../scripts/cms/headers.ts";
import { type AdminOutput, adminOutputs } from "../../scripts/cms/outputs.ts";
import { loadSite } from "../../scripts/content/load-site.ts";
import type { Site } from "../../scripts/content/model.ts";
import { contentOptionsFromEnv } from "../../scripts/content/options.ts";
import { pageFacts } from "../../scripts/site/check-output.ts";
import {
  CONTENT_SECURITY_POLICY,
  headerRules,
  headersFile,
  serializeCsp,
} from "../../scripts/site/headers.ts";
import { createFixtureSite, type FixtureSite, REPO_ROOT } from "../helpers/fixture-site.ts";

const SITE: Site = {
  name: "The <Broadsheet> Times",
  origin: "https://news.example",
  pathPrefix: "/news/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [{ slug: "asia", name: "Asia" }],
  brightcove: { accountId: "1", playerId: "default" },
  logo: { src: "logo.svg", alt: "The Broadsheet Times" },
  promotion: { text: "Join us." },
  cms: { backend: "github", repo: "newsroom/broadsheet" },
};

function file(outputs: readonly AdminOutput[], path: string): string {
  const found = outputs.find((output) => output.path === path);
  assert.ok(found, `/admin/ should include ${path}`);
  return found.bytes.toString("utf8");
}

describe("adminOutputs", () => {
  let outputs: readonly AdminOutput[] = [];
  before(async () => {
    outputs = await adminOutputs(SITE, REPO_ROOT);
  });

  it("builds nothing for a site without a cms: block", async () => {
    const { cms: _cms, ...withoutCms } = SITE;
    assert.deepEqual(await adminOutputs(withoutCms, REPO_ROOT), []);
  });

  it("is the same bytes every time, in the same order", async () => {
    const again = await adminOutputs(structuredClone(SITE), REPO_ROOT);
    assert.deepEqual(
      again.map((output) => output.path),
      outputs.map((output) => output.path),
    );
    for (const [index, output] of again.entries()) {
      assert.ok(output.bytes.equals(outputs[index]?.bytes ?? Buffer.alloc(0)), output.path);
    }
  });

  it("holds the page, the configuration, the preview style, the script and its files, all under /admin/", () => {
    for (const path of ["/admin/index.html", "/admin/config.yml", "/admin/preview.css"]) {
      file(outputs, path);
    }
    assert.ok(file(outputs, "/admin/cms.js").includes("registerPreviewStyle"));
    assert.ok(outputs.some((output) => /^\/admin\/assets\/.+\.woff2$/.test(output.path)));
    assert.ok(outputs.every((output) => output.path.startsWith("/admin/")));
  });

  it("loads nothing from a CDN and never compiles code from strings", () => {
    for (const output of outputs.filter((item) => item.path.endsWith(".js"))) {
      const code = output.bytes.toString("utf8");
      // ok(!test) rather than doesNotMatch: a failure must not print megabytes of code.
      assert.ok(
        !/cdn\.jsdelivr\.net|githubstatus\.com\/api/.test(code),
        `${output.path} names a CDN`,
      );
      assert.ok(!/new Function\(|\beval\(/.test(code), `${output.path} compiles code from strings`);
    }
  });

  it("writes a page that passes the build's checks, escapes the site name and says noindex", () => {
    const html = file(outputs, "/admin/index.html");
    const facts = pageFacts(html);
    assert.equal(facts.h1, 1);
    assert.equal(facts.lang, "en-SG");
    assert.deepEqual(facts.cspViolations, []);
    assert.deepEqual(
      facts.links.map((link) => link.url),
      ["/news/admin/cms.js"],
    );
    assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
    assert.match(html, /The &#60;Broadsheet&#62; Times/);
  });

  it("gives the preview the site, the profiles for its bylines and the logo", () => {
    const settings = JSON.parse(file(outputs, "/admin/preview.json"));
    assert.equal(settings.site.name, SITE.name);
    assert.equal(settings.site.timeZone, SITE.timeZone);
    assert.equal(settings.site.origin, "", "no absolute address outside the site's folder");
    assert.equal(settings.logo, "/admin/logo.svg");
    assert.ok(Array.isArray(settings.profiles));
    assert.ok(outputs.some((output) => output.path === "/admin/logo.svg"));
  });

  it("uses the site's own stylesheets for the preview, body media included", () => {
    const css = file(outputs, "/admin/preview.css");
    assert.match(css, /\.story-body/);
    assert.match(css, /\.embed-caption-text/);
    assert.match(css, /\.preview-notes/);
  });
});

describe("the /admin/ headers", () => {
  const rule = adminHeaderRule(SITE);

  it("give /admin/ its own policy: no unsafe-eval, scripts from the site only, the git host's API", () => {
    assert.ok(rule);
    assert.equal(rule.path, "/news/admin/*");
    const policy = rule.headers["Content-Security-Policy"] ?? "";
    assert.doesNotMatch(policy, /'unsafe-eval'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(policy, /connect-src 'self' data: blob: https:\/\/api\.github\.com;/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.equal(rule.headers["X-Robots-Tag"], "noindex, nofollow");
  });

  it("name the site's own API for a self-hosted git host", () => {
    const policy = adminHeaderRule({
      ...SITE,
      cms: { backend: "gitea", repo: "a/b", apiRoot: "https://git.example.org/api/v1" },
    })?.headers["Content-Security-Policy"];
    assert.match(policy ?? "", /connect-src 'self' data: blob: https:\/\/git\.example\.org;/);
  });

  it("come after the site-wide rule, which keeps today's strict policy for public pages", () => {
    const rules = headerRules(SITE);
    assert.equal(rules.at(-1)?.path, "/news/admin/*");
    const siteWide = rules.find((item) => item.path === "/news/*");
    const policy = siteWide?.headers["Content-Security-Policy"] ?? "";
    assert.equal(policy, serializeCsp(CONTENT_SECURITY_POLICY));
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    // Cloudflare Pages joins every matching block's values: `! Name` lines detach the site-wide
    // policy and opener policy before /admin/ sets its own (Netlify ignores them, and serves the
    // last block's value).
    assert.match(
      headersFile(rules),
      /\/news\/admin\/\*\n {2}! Content-Security-Policy\n {2}! Cross-Origin-Opener-Policy\n {2}Content-Security-Policy: /,
    );
  });

  it("are left out for a site without a CMS", () => {
    const { cms: _cms, ...withoutCms } = SITE;
    assert.equal(adminHeaderRule(withoutCms), undefined);
    assert.ok(headerRules(withoutCms).every((item) => !item.path.includes("admin")));
  });
});

describe("the cms: block of site.yaml", () => {
  let site: FixtureSite;
  before(() => {
    site = createFixtureSite();
  });
  after(() => site.remove());

  /** The repository's site.yaml with its cms: block replaced. */
  function withCms(block: string) {
    const yaml = readFileSync(path.join(REPO_ROOT, "content/_data/site.yaml"), "utf8").replace(
      /\ncms:\n(?: {2}.*\n)*/,
      `\n${block}`,
    );
    site.siteConfig(yaml);
    return loadSite(contentOptionsFromEnv({}, site.root));
  }

  it("is read into the site", () => {
    const loaded = withCms("cms:\n  backend: gitea\n  repo: news/site\n  branch: live\n");
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.value.cms, { backend: "gitea", repo: "news/site", branch: "live" });
  });

  it("names a wrong backend, with the choices", () => {
    const loaded = withCms("cms:\n  backend: bitbucket\n  repo: news/site\n");
    assert.ok(!loaded.ok);
    const issue = loaded.issues.find((item) => item.field === "cms.backend");
    assert.ok(issue, JSON.stringify(loaded.issues));
    assert.match(issue.message, /github, gitlab or gitea/);
    assert.ok(issue.line, "the issue should give the line");
  });

  it("names a repository that is not owner/name, and a missing one", () => {
    const wrong = withCms("cms:\n  backend: github\n  repo: broadsheet\n");
    assert.ok(!wrong.ok);
    assert.match(wrong.issues.map((item) => item.message).join("\n"), /owner\/name/);
    const missing = withCms("cms:\n  backend: github\n");
    assert.ok(!missing.ok);
    assert.ok(missing.issues.some((item) => item.field === "cms.repo"));
  });

  it("suggests the right name for a misspelt setting and refuses http addresses", () => {
    const misspelt = withCms("cms:\n  backend: github\n  repo: a/b\n  brnch: main\n");
    assert.ok(!misspelt.ok);
    assert.match(misspelt.issues.map((item) => item.fix).join("\n"), /Did you mean "branch"/);
    const http = withCms("cms:\n  backend: gitlab\n  repo: a/b\n  apiRoot: http://git.local/api\n");
    assert.ok(!http.ok);
    assert.match(http.issues.map((item) => item.message).join("\n"), /https address/);
  });
});

describe("npm run cms", () => {
  it("prints the editor's address on localhost and serves it under the /admin/ policy", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/cli/cms.ts", "--port", "0"],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 60_000);
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Editors' web UI: (http:\/\/localhost:\d+\/admin\/)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.stderr.on("data", (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const response = await fetch(url.replace("localhost", "127.0.0.1"));
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get("content-security-policy") ?? "",
        /style-src 'self' 'unsafe-inline'/,
      );
      assert.match(await response.text(), /<script type="module" src="\/admin\/cms\.js">/);
      const config = await fetch(`${url.replace("localhost", "127.0.0.1")}config.yml`);
      assert.match(await config.text(), /folder: content\/articles/);
    } finally {
      child.kill();
    }
  });
});
