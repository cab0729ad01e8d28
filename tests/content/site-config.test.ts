/**
 * The site configuration (`content/_data/site.yaml`) and the two deployment overrides,
 * `SITE_URL` and `PATH_PREFIX` (CONTENT.md, "The site"). Each test breaks one line of
 * {@link SITE_YAML}.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadContent } from "../../scripts/content/load.ts";
import { type ContentOptions, contentOptionsFromEnv } from "../../scripts/content/options.ts";
import { articleSource } from "../helpers/fixture-site.ts";
import {
  articlePath,
  expectInvalid,
  expectIssue,
  expectValid,
  lineOf,
  load,
  NOW,
  SITE_YAML,
  withSite,
} from "./support.ts";

const SITE_FILE = "content/_data/site.yaml";

/** Loads a fixture whose site configuration is `yaml`, with one valid article. */
function loadSite(yaml: string, options: Partial<ContentOptions> = {}) {
  return withSite((site) => {
    site.siteConfig(yaml);
    site.article("an-article", articleSource());
    return load(site, options);
  });
}

/** SITE_YAML with `from` replaced by `to`, failing loudly if `from` is not in it. */
function edit(from: string, to: string): string {
  assert.ok(SITE_YAML.includes(from), `SITE_YAML should contain ${from}`);
  return SITE_YAML.replace(from, to);
}

describe("site.yaml", () => {
  it("the test configuration itself is valid", () => {
    const site = expectValid(loadSite(SITE_YAML)).site;
    assert.equal(site.origin, "https://www.broadsheet.example");
    assert.equal(site.pathPrefix, "/");
    assert.deepEqual(
      site.sections.map((section) => section.slug),
      ["singapore", "asia", "world"],
    );
  });

  it("rejects an invalid time zone (Mars/Olympus)", () => {
    const yaml = edit("timeZone: Asia/Singapore", "timeZone: Mars/Olympus");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "timeZone",
      line: lineOf(yaml, "timeZone:"),
      message: ['"Mars/Olympus"', "IANA time zone"],
      fix: ["timeZone: Asia/Singapore"],
    });
  });

  for (const url of [
    "not a url",
    "ftp://x",
    "www.broadsheet.example",
    "https://x.example/?utm=1",
  ]) {
    it(`rejects url: ${url}`, () => {
      const yaml = edit("url: https://www.broadsheet.example", `url: ${url}`);
      expectIssue(loadSite(yaml), {
        file: SITE_FILE,
        field: "url",
        line: lineOf(yaml, "url:"),
        message: ["absolute http or https address"],
        fix: ["url: https://", "SITE_URL"],
      });
    });
  }

  it("rejects a duplicate section slug, at the repeat", () => {
    const yaml = edit("  - slug: world\n    name: World", "  - slug: asia\n    name: Asia again");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "sections.2.slug",
      line: lineOf(yaml, "  - slug: asia\n    name: Asia again"),
      message: ['repeats the section "asia"'],
      fix: ["each once"],
    });
  });

  it("rejects a section slug that is not a slug", () => {
    const yaml = edit("slug: world", "slug: World News");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "sections.2.slug",
      line: lineOf(yaml, "slug: World News"),
      message: ["lowercase"],
    });
  });

  it("rejects a section slug the site's own files use (media would share /media/ with images)", () => {
    const yaml = edit("slug: world", "slug: media");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "sections.2.slug",
      line: lineOf(yaml, "slug: media"),
      message: ["reserved"],
    });
  });

  it("rejects the section slug archive: /archive/ holds the site's date archive", () => {
    const yaml = edit("slug: world", "slug: archive");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "sections.2.slug",
      line: lineOf(yaml, "slug: archive"),
      message: ["reserved"],
    });
  });

  it("rejects a four-digit section slug, which would share /archive/<year>/ with a year", () => {
    const yaml = edit("slug: world", 'slug: "2024"');
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "sections.2.slug",
      line: lineOf(yaml, 'slug: "2024"'),
      message: ["four-digit number"],
    });
  });

  it("rejects a missing brightcove accountId, at the brightcove key", () => {
    const yaml = edit('  accountId: "9876543210001"\n', "");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "brightcove.accountId",
      line: lineOf(yaml, "brightcove:"),
      message: ["brightcove.accountId", "required"],
      fix: ["accountId:", "quoted digits"],
    });
  });

  it("rejects a missing sections list as missing, at the first line", () => {
    const yaml = edit(
      "sections:\n  - slug: singapore\n    name: Singapore\n  - slug: asia\n    name: Asia\n  - slug: world\n    name: World\n",
      "",
    );
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "sections",
      line: 1,
      message: ["sections is required"],
      fix: ["slug"],
    });
  });

  it("rejects an unquoted brightcove accountId", () => {
    const yaml = edit('accountId: "9876543210001"', "accountId: 9876543210001");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "brightcove.accountId",
      line: lineOf(yaml, "accountId:"),
      message: ["in quotes"],
    });
  });

  it("rejects an unknown field, suggesting the close name (timezone → timeZone)", () => {
    const yaml = edit(
      "timeZone: Asia/Singapore",
      "timeZone: Asia/Singapore\ntimezone: Asia/Singapore",
    );
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "timezone",
      line: lineOf(yaml, "timezone:"),
      message: ['"timezone"', "not a known field"],
      fix: ['did you mean "timeZone"'],
    });
  });

  it("rejects an unknown field with no close name, listing the known ones", () => {
    const yaml = `${SITE_YAML}twitterHandle: broadsheet\n`;
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "twitterHandle",
      line: lineOf(yaml, "twitterHandle:"),
      message: ["not a known field"],
      fix: ["remove it", "timeZone", "brightcove"],
    });
  });

  it("rejects brightcove written as a single value", () => {
    const yaml = edit(
      'brightcove:\n  accountId: "9876543210001"\n  playerId: default',
      "brightcove: 9876543210001",
    );
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "brightcove",
      line: lineOf(yaml, "brightcove:"),
      message: ["group of fields"],
      fix: ["accountId"],
    });
  });

  it("rejects a logo that is not in assets/images", () => {
    const yaml = edit("src: logo.svg", "src: missing-logo.svg");
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      field: "logo.src",
      line: lineOf(yaml, "src: missing-logo.svg"),
      message: ["assets/images/missing-logo.svg", "does not exist"],
      fix: ["assets/images/"],
    });
  });

  it("reports YAML syntax errors in site.yaml with the line", () => {
    const yaml = edit("name: The Broadsheet Times", 'name: "The Broadsheet Times');
    expectIssue(loadSite(yaml), {
      file: SITE_FILE,
      line: 1,
      message: ["The quote opened on line 1 is never closed."],
      fix: ["close the quote"],
    });
  });

  it("reports tabs under sections once, at the first tab, in plain words", () => {
    const yaml = edit("  - slug: asia\n    name: Asia", "\t- slug: asia\n\t  name: Asia");
    const issues = expectInvalid(loadSite(yaml));
    const line = lineOf(yaml, "\t- slug: asia");
    assert.deepEqual(
      issues.map((issue) => [issue.line, issue.message]),
      [[line, `Tabs indent lines ${line} and ${line + 1}: YAML reads only spaces as indentation.`]],
    );
  });

  it("reports an empty site.yaml with site advice, not article advice", () => {
    const issue = expectIssue(loadSite(""), {
      file: SITE_FILE,
      line: 1,
      message: ["empty"],
      fix: ["site configuration"],
    });
    assert.doesNotMatch(issue.fix, /front matter|title/);
  });

  it("reports a site.yaml that is a list, naming its own fields", () => {
    const issue = expectIssue(loadSite("- name: x\n- url: y\n"), {
      file: SITE_FILE,
      line: 1,
      message: ["a list", "not a set of fields"],
      fix: ["name: ..."],
    });
    assert.doesNotMatch(`${issue.message} ${issue.fix}`, /front matter|title/);
  });

  it("reports a missing site.yaml", () => {
    const result = withSite((site) => {
      rmSync(path.join(site.root, SITE_FILE));
      return load(site);
    });
    expectIssue(result, { file: SITE_FILE, message: ["missing"], fix: ["Create"] });
  });

  it("checks articles against the configured sections", () => {
    const yaml = edit("  - slug: asia\n    name: Asia\n", "");
    expectIssue(loadSite(yaml), {
      file: articlePath("an-article"),
      field: "section",
      line: 4,
      message: ['"asia"', "not a section"],
      fix: ["singapore, world"],
    });
  });
});

describe("SITE_URL and PATH_PREFIX overrides", () => {
  for (const siteUrl of ["not a url", "ftp://news.example.com", "https://news.example.com/?q=1"]) {
    it(`rejects SITE_URL=${siteUrl}`, () => {
      expectIssue(loadSite(SITE_YAML, { siteUrl }), {
        file: "SITE_URL (environment variable)",
        field: "SITE_URL",
        message: [`"${siteUrl}"`, "absolute http or https"],
        fix: ["SITE_URL=https://"],
      });
    });
  }

  it("SITE_URL replaces the configured address", () => {
    const site = expectValid(loadSite(SITE_YAML, { siteUrl: "https://news.example.com" })).site;
    assert.equal(site.origin, "https://news.example.com");
    assert.equal(site.pathPrefix, "/");
  });

  it("a path in SITE_URL becomes the path prefix when PATH_PREFIX is unset", () => {
    const site = expectValid(
      loadSite(SITE_YAML, { siteUrl: "https://example.github.io/broadsheet" }),
    ).site;
    assert.equal(site.origin, "https://example.github.io");
    assert.equal(site.pathPrefix, "/broadsheet/");
  });

  for (const pathPrefix of ["../x", "/news/../..", "/a b/", "https://evil.example/"]) {
    it(`rejects PATH_PREFIX=${pathPrefix}`, () => {
      expectIssue(loadSite(SITE_YAML, { pathPrefix }), {
        file: "PATH_PREFIX (environment variable)",
        field: "PATH_PREFIX",
        message: [`"${pathPrefix}"`, "not a folder path"],
        fix: ["PATH_PREFIX=/news/"],
      });
    });
  }

  for (const pathPrefix of ["news", "/news", "/news/", "news/"]) {
    it(`normalises PATH_PREFIX=${pathPrefix} to /news/`, () => {
      assert.equal(expectValid(loadSite(SITE_YAML, { pathPrefix })).site.pathPrefix, "/news/");
    });
  }

  it("reads SITE_URL and PATH_PREFIX from the environment", () => {
    const content = withSite((site) => {
      site.article("an-article", articleSource());
      const env = {
        SITE_URL: "https://news.example.com",
        PATH_PREFIX: "news",
        BROADSHEET_NOW: NOW.toISO() ?? "",
      };
      return expectValid(loadContent(contentOptionsFromEnv(env, site.root)));
    });
    assert.equal(content.site.origin, "https://news.example.com");
    assert.equal(content.site.pathPrefix, "/news/");
    assert.equal(content.options.now.toMillis(), NOW.toMillis());
  });

  it("normalises PATH_PREFIX=/ to /", () => {
    assert.equal(expectValid(loadSite(SITE_YAML, { pathPrefix: "/" })).site.pathPrefix, "/");
  });

  it("PATH_PREFIX wins over a path in SITE_URL", () => {
    const site = expectValid(
      loadSite(SITE_YAML, { siteUrl: "https://example.github.io/old", pathPrefix: "new" }),
    ).site;
    assert.equal(site.pathPrefix, "/new/");
  });
});
