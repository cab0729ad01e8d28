import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { checkOutput, listFiles } from "../../scripts/site/check-output.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
} from "../helpers/fixture-site.ts";

/** A site with every kind of page: the seed, articles with and without media, several topics. */
function richSite(): FixtureSite {
  const site = createFixtureSite({ seed: true });
  site.article(
    "plain-story",
    articleSource(
      { title: "A plain story", tags: "[Economy]" },
      "Text.\n\n## A heading\n\n> A quote",
    ),
  );
  site.article(
    "staff-story",
    articleSource({
      title: "Staff story",
      section: "singapore",
      authors: "[Jane Tan]",
      updated: "2024-03-02T10:00:00+08:00",
    }),
  );
  return site;
}

describe("every built page", () => {
  const sites: Record<string, FixtureSite> = {};
  before(() => {
    sites.root = richSite();
    sites.prefixed = richSite();
    assert.equal(runBuild(sites.root.root).status, 0);
    const run = runBuild(sites.prefixed.root, {
      SITE_URL: "https://example.org",
      PATH_PREFIX: "/news/",
    });
    assert.equal(run.status, 0, run.stderr);
  });
  after(() => {
    for (const site of Object.values(sites)) site.remove();
  });

  it("passes html-validate's recommended rules", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const dir = path.join(sites.root?.root ?? "", "_site");
    const problems: string[] = [];
    const pages = listFiles(dir).filter((file) => file.endsWith(".html"));
    assert.ok(pages.length >= 15);
    for (const file of pages) {
      const report = await validator.validateString(
        readFileSync(path.join(dir, file), "utf8"),
        file,
        {
          extends: [path.join(REPO_ROOT, ".htmlvalidate.json")],
        },
      );
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("has every internal link and asset resolving, at the root and under PATH_PREFIX", () => {
    assert.deepEqual(checkOutput(path.join(sites.root?.root ?? "", "_site"), "/"), []);
    assert.deepEqual(checkOutput(path.join(sites.prefixed?.root ?? "", "_site"), "/news/"), []);
  });

  it("keeps every link and asset inside /news/ and every absolute URL under https://example.org/news/ with PATH_PREFIX", () => {
    const dir = path.join(sites.prefixed?.root ?? "", "_site");
    const offenders: string[] = [];
    for (const file of listFiles(dir).filter(
      (name) => /\.(html|xml|json|txt)$/.test(name) && !name.startsWith("pagefind/"),
    )) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const match of text.matchAll(/(?:href|src|srcset|content|data-[a-z-]+)="([^"]*)"/g)) {
        for (const url of (match[1] ?? "")
          .split(/,\s*/)
          .map((part) => part.split(/\s+/)[0] ?? "")) {
          if (url.startsWith("/") && !url.startsWith("/news/")) offenders.push(`${file}: ${url}`);
        }
      }
      for (const match of text.matchAll(
        /https?:\/\/(?:www\.)?(?:broadsheet\.example|example\.org)[^"'\s<]*/g,
      )) {
        if (!match[0].startsWith("https://example.org/news/"))
          offenders.push(`${file}: ${match[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
