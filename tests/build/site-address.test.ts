/**
 * The site's address from the host (CONTENT.md, "The site"): SITE_URL first, else Netlify's
 * `URL` (production) or `DEPLOY_PRIME_URL` (previews), else Cloudflare Pages' `CF_PAGES_URL`;
 * and the example configuration's address fails a build on CI or a host, naming SITE_URL, while
 * a build on an editor's machine only warns.
 *
 * The suite itself runs under CI=true: builds started by Node's test runner carry
 * NODE_TEST_CONTEXT and are not deployments (scripts/content/host-address.ts). The builds that
 * stand for a real deploy here remove it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import {
  checkPublishedAddress,
  deployMarker,
  hostAddress,
  isExampleOrigin,
} from "../../scripts/content/host-address.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

/** No CI, no host: a build on an editor's machine. */
const LOCAL = {
  CI: undefined,
  GITHUB_ACTIONS: undefined,
  NETLIFY: undefined,
  CF_PAGES: undefined,
  NODE_TEST_CONTEXT: undefined,
  SITE_URL: undefined,
};

const fixtures: FixtureSite[] = [];
after(() => {
  for (const site of fixtures) site.remove();
});
function fixture(): FixtureSite {
  const site = createFixtureSite();
  fixtures.push(site);
  site.article("rates-held", articleSource({ title: "Rates held" }));
  return site;
}

function canonical(site: FixtureSite): string | undefined {
  const html = readFileSync(path.join(site.root, "_site/asia/rates-held/index.html"), "utf8");
  return /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
}

describe("the address a build publishes", () => {
  it("fails a CI build that would publish the example address, naming SITE_URL", () => {
    const site = fixture();
    assert.equal(runBuild(site.root, { ...LOCAL, SITE_URL: "https://news.example.com" }).status, 0);
    const before = readFileSync(path.join(site.root, "_site/asia/rates-held/index.html"));
    const run = runBuild(site.root, { ...LOCAL, CI: "true" });
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /SITE_URL \(environment variable\)/);
    assert.match(run.stderr, /CI is set\) and would publish the example address/);
    assert.match(run.stderr, /https:\/\/www\.broadsheet\.example/);
    assert.match(run.stderr, /Fix: Set SITE_URL to the site's live address/);
    assert.deepEqual(
      readFileSync(path.join(site.root, "_site/asia/rates-held/index.html")),
      before,
    );
  });

  it("fails on GitHub Actions and on each host too", () => {
    const site = fixture();
    for (const marker of ["GITHUB_ACTIONS", "NETLIFY", "CF_PAGES"]) {
      const run = runBuild(site.root, { ...LOCAL, [marker]: marker === "CF_PAGES" ? "1" : "true" });
      assert.equal(run.status, 1, `${marker}: ${run.stdout}`);
      assert.match(run.stderr, new RegExp(`\\(${marker} is set\\)`));
      assert.equal(existsSync(path.join(site.root, "_site")), false);
    }
  });

  it("only warns on an editor's machine, and builds", () => {
    const site = fixture();
    const run = runBuild(site.root, LOCAL);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Built 1 article/);
    assert.match(
      run.stderr,
      /Warning: the site's address is still the example's, https:\/\/www\.broadsheet\.example/,
    );
    assert.match(run.stderr, /Set SITE_URL/);
  });

  it("takes Netlify's address: URL in production, DEPLOY_PRIME_URL for a preview", () => {
    const site = fixture();
    const netlify = {
      ...LOCAL,
      NETLIFY: "true",
      URL: "https://news.example.com",
      DEPLOY_PRIME_URL: "https://deploy-preview-42--news.netlify.app",
    };
    const production = runBuild(site.root, { ...netlify, CONTEXT: "production" });
    assert.equal(production.status, 0, production.stderr);
    assert.equal(canonical(site), "https://news.example.com/asia/rates-held/");
    const preview = runBuild(site.root, { ...netlify, CONTEXT: "deploy-preview" });
    assert.equal(preview.status, 0, preview.stderr);
    assert.equal(canonical(site), "https://deploy-preview-42--news.netlify.app/asia/rates-held/");
  });

  it("takes Cloudflare Pages' CF_PAGES_URL, and SITE_URL over any host's", () => {
    const site = fixture();
    const cloudflare = { ...LOCAL, CF_PAGES: "1", CF_PAGES_URL: "https://abc123.news.pages.dev" };
    assert.equal(runBuild(site.root, cloudflare).status, 0);
    assert.equal(canonical(site), "https://abc123.news.pages.dev/asia/rates-held/");
    const own = runBuild(site.root, { ...cloudflare, SITE_URL: "https://news.example.com/" });
    assert.equal(own.status, 0, own.stderr);
    assert.equal(canonical(site), "https://news.example.com/asia/rates-held/");
  });

  it("names the host's variable when its address is unusable", () => {
    const site = fixture();
    const run = runBuild(site.root, { ...LOCAL, NETLIFY: "true", URL: "news.netlify.app" });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /URL \(Netlify, environment variable\)/);
    assert.match(run.stderr, /URL "news\.netlify\.app" is not an absolute http or https address/);
  });
});

describe("host-address rules", () => {
  it("reads the variables in order", () => {
    assert.equal(hostAddress({}), undefined);
    assert.deepEqual(hostAddress({ NETLIFY: "true", URL: "https://a.example.com" }), {
      url: "https://a.example.com",
      from: "URL (Netlify)",
    });
    assert.equal(
      hostAddress({
        NETLIFY: "true",
        CONTEXT: "branch-deploy",
        URL: "https://a",
        DEPLOY_PRIME_URL: "https://b",
      })?.url,
      "https://b",
    );
    // Another host's leftover variable means nothing without its marker.
    assert.equal(hostAddress({ URL: "https://a.example.com" }), undefined);
    assert.equal(hostAddress({ CF_PAGES_URL: "https://x.pages.dev" }), undefined);
  });

  it("knows a deploy from an editor's machine and from the test runner", () => {
    assert.equal(deployMarker({}), undefined);
    assert.equal(deployMarker({ CI: "false" }), undefined);
    assert.equal(deployMarker({ CI: "1" }), "CI");
    assert.equal(deployMarker({ CI: "true", GITHUB_ACTIONS: "true" }), "GITHUB_ACTIONS");
    assert.equal(deployMarker({ CI: "true", NODE_TEST_CONTEXT: "child-v8" }), undefined);
  });

  it("knows the example address, and no live one", () => {
    assert.equal(isExampleOrigin("https://www.broadsheet.example"), true);
    assert.equal(isExampleOrigin("https://news.example.com"), false);
    assert.equal(checkPublishedAddress("https://news.example.com", { CI: "true" }).kind, "ok");
  });
});
