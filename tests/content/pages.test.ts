/**
 * Standing pages in the contract (CONTENT.md, "Standing pages"): what a valid page holds, and
 * every rule refused with the file, the field, the line and the fix, all in one run.
 * `pageSource` writes `---` on line 1, then title on line 2, then the other fields in the order
 * given; the body starts two lines after the closing `---`.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import type { Checked } from "../../scripts/content/issues.ts";
import { loadPage, pageFolders } from "../../scripts/content/load-page.ts";
import type { PageCard, PageRecord } from "../../scripts/content/page-model.ts";
import { POLICIES } from "../../scripts/content/page-schema.ts";
import {
  pageSlugIssues,
  policyIssues,
  RESERVED_PAGE_SLUGS,
} from "../../scripts/content/page-slugs.ts";
import { RESERVED_SECTION_SLUGS } from "../../scripts/content/site-schema.ts";
import type { PlannedPage } from "../../scripts/engine/page-plan.ts";
import { scanPages } from "../../scripts/engine/page-scan.ts";
import { standingClashes } from "../../scripts/engine/plan-standing-pages.ts";
import { POLICY_PROPERTIES, standingPageType } from "../../scripts/site/publisher.ts";
import { footerLinks, policyLinks, standingPlan } from "../../scripts/site/standing-pages.ts";
import { pageSource, writePage, writePageFile } from "../helpers/pages.ts";
import { photo } from "../media/fixtures.ts";
import { expectInvalid, expectIssue, withSite } from "./support.ts";

const FILE = (slug: string) => `content/pages/${slug}/index.md`;

/** Writes a page into a fresh fixture and loads it as the build does. */
function loadOne(source: string | Uint8Array, slug = "about"): Checked<PageRecord> {
  return withSite((site) => {
    const folder = writePage(site.root, slug, source);
    return loadPage(folder, FILE(slug));
  });
}

function expectPage(result: Checked<PageRecord>): PageRecord {
  if (!result.ok)
    assert.fail(`expected a valid page, got:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

describe("a valid standing page", () => {
  it("holds its fields, its address and its body as an article's blocks", () => {
    const page = expectPage(
      loadOne(
        pageSource(
          {
            title: "Corrections policy",
            description: "How we correct mistakes.",
            policy: "corrections",
            footer: "true",
            order: "3",
            updated: "2026-12-01T09:00:00+08:00",
          },
          "We correct mistakes openly.\n\n## How\n\nSee [the corrections](/corrections/).\n\n::: pullquote The editor\nWe say so.\n:::",
        ),
        "corrections-policy",
      ),
    );
    assert.deepEqual(
      {
        slug: page.card.slug,
        url: page.card.url,
        title: page.card.title,
        standfirst: page.card.standfirst,
        policy: page.card.policy,
        policyLine: page.card.policyLine,
        footer: page.card.footer,
        order: page.card.order,
        updated: page.card.updated,
        bodyLinks: page.card.bodyLinks,
      },
      {
        slug: "corrections-policy",
        url: "/corrections-policy/",
        title: "Corrections policy",
        standfirst: "How we correct mistakes.",
        policy: "corrections",
        policyLine: 4,
        footer: true,
        order: 3,
        updated: "2026-12-01T09:00:00.000+08:00",
        bodyLinks: [{ url: "/corrections/", line: 14 }],
      },
    );
    assert.deepEqual(
      page.body.map((block) => block.kind),
      ["html", "pullquote"],
    );
    assert.match(page.bodyText, /We correct mistakes openly/);
  });

  it("needs only a title: no footer, no policy, the description taken from the first paragraph", () => {
    const page = expectPage(loadOne(pageSource({ title: "Contact us" }, "Write to us any time.")));
    assert.equal(page.card.footer, false);
    assert.equal(page.card.policy, undefined);
    assert.equal(page.card.order, undefined);
    assert.equal(page.card.description, "Write to us any time.");
    assert.equal(
      page.card.standfirst,
      undefined,
      "a derived description is not shown as a standfirst",
    );
  });

  it("keeps text as text: no raw HTML, no template syntax run", () => {
    const page = expectPage(
      loadOne(pageSource({ title: '"<b>About</b> {{ site }}"' }, "<script>x()</script> {% raw %}")),
    );
    assert.equal(page.card.title, "<b>About</b> {{ site }}");
    const html = page.body.map((block) => (block.kind === "html" ? block.html : "")).join("");
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /\{% raw %\}/);
  });
});

describe("a standing page's mistakes", () => {
  it("are all reported in one run, each at its line with the fix", () => {
    const result = loadOne(
      pageSource(
        {
          title: '""',
          polcy: "corrections",
          policy: "corection",
          footer: "yes",
          order: "2.5",
          updated: "2026-12-01T09:00:00",
        },
        [
          "Text.",
          "",
          "![](missing.jpg)",
          "",
          "::: galery",
          "![A desk](desk.jpg)",
          ":::",
          "",
          "[a link](other-page/)",
        ].join("\n"),
      ),
    );
    const file = FILE("about");
    const issues = expectInvalid(result);
    expectIssue(result, { file, field: "title", line: 2, message: ["empty"], fix: ["heading"] });
    expectIssue(result, {
      file,
      field: "polcy",
      line: 3,
      message: ['"polcy" is not a known field'],
      fix: ['Did you mean "policy"?'],
    });
    expectIssue(result, {
      file,
      field: "policy",
      line: 4,
      message: ['"corection"', 'did you mean "corrections"?'],
      fix: ["corrections, ethics, publishing-principles"],
    });
    expectIssue(result, {
      file,
      field: "footer",
      line: 5,
      message: ["true or false"],
      fix: ["footer: true"],
    });
    expectIssue(result, {
      file,
      field: "order",
      line: 6,
      message: ["whole number"],
      fix: ["order: 3"],
    });
    expectIssue(result, {
      file,
      field: "updated",
      line: 7,
      message: ["no UTC offset"],
      fix: ["+08:00"],
    });
    expectIssue(result, { file, line: 12, message: ["no alt text"], fix: ["brackets"] });
    expectIssue(result, { file, line: 14, message: ["galery"], fix: ["gallery"] });
    expectIssue(result, {
      file,
      line: 18,
      message: ['"other-page/" is relative'],
      fix: ["/about/"],
    });
    assert.equal(issues.length, 9, JSON.stringify(issues, null, 2));
  });

  it("reports a photo that is not beside index.md at its line", () => {
    const result = loadOne(pageSource({}, "Text.\n\n![The newsroom](newsroom.jpg)"));
    expectIssue(result, {
      file: FILE("about"),
      line: 7,
      message: ["newsroom.jpg", "no such file"],
      fix: ["content/pages/about/"],
    });
  });

  it("refuses an empty body, an article's fields and a page of no fields", () => {
    expectIssue(loadOne(pageSource({}, "")), {
      file: FILE("about"),
      line: 4,
      message: ["no text"],
      fix: ["after the closing ---"],
    });
    const articleFields = loadOne(
      pageSource({ date: "2026-12-01T09:00:00+08:00", section: "asia", authors: "[Jane Tan]" }),
    );
    for (const [field, line] of [
      ["date", 3],
      ["section", 4],
      ["authors", 5],
    ] as const) {
      expectIssue(articleFields, {
        file: FILE("about"),
        field,
        line,
        message: [`"${field}" is not a known field`],
        fix: ["title, description, policy, footer, order, updated"],
      });
    }
    expectIssue(loadOne("---\n---\n\nText.\n"), {
      file: FILE("about"),
      line: 2,
      message: ["empty"],
    });
  });

  it("refuses a file that is not UTF-8 and executable front matter, never running it", () => {
    expectIssue(loadOne(Buffer.from("---\ntitle: Caf\xe9\n---\n\nText.\n", "latin1")), {
      file: FILE("about"),
      line: 2,
      message: ["not valid UTF-8"],
    });
    expectIssue(loadOne("---js\n{ title: process.exit(1) }\n---\n\nText.\n"), {
      file: FILE("about"),
      line: 1,
      message: ['"js" is not allowed'],
    });
  });

  it("speaks of the page, never of an article", () => {
    const results = [
      loadOne(""),
      loadOne("No front matter."),
      loadOne("---\ntitle: About\n"),
      loadOne(pageSource({}, "[x](relative/)")),
      loadOne(pageSource({ title: "" }, "")),
    ];
    for (const result of results) {
      for (const issue of expectInvalid(result)) {
        assert.doesNotMatch(`${issue.message} ${issue.fix}`, /article/i, JSON.stringify(issue));
      }
    }
  });
});

describe("the pages folder", () => {
  it("refuses a file where a folder belongs, a folder named like no slug, and a folder without index.md", () => {
    withSite((site) => {
      const pages = path.join(site.root, "content/pages");
      mkdirSync(path.join(pages, "About Us"), { recursive: true });
      mkdirSync(path.join(pages, "empty"), { recursive: true });
      writeFileSync(path.join(pages, "privacy.md"), pageSource());
      writePage(site.root, "about", pageSource());
      const folders = pageFolders(site.root);
      assert.deepEqual(
        folders.folders.map((folder) => folder.slug),
        ["about", "empty"],
      );
      assert.deepEqual(
        folders.issues.map((issue) => [issue.file, issue.fix]),
        [
          [
            "content/pages/About Us",
            "Rename the folder to lowercase letters, digits and single hyphens, e.g. about-us.",
          ],
          [
            "content/pages/privacy.md",
            "Move it to content/pages/<slug>/index.md (the folder's name becomes the page's address), its photos beside it.",
          ],
        ],
      );
      const scan = scanPages(site.root, {}, "parser");
      assert.deepEqual([...scan.entries.keys()], ["about"]);
      assert.ok(
        scan.issues.some(
          (issue) => issue.file === "content/pages/empty" && /no index\.md/.test(issue.message),
        ),
        JSON.stringify(scan.issues),
      );
    });
  });

  it("reads a page's body photo only when it is there, like an article's", async () => {
    const bytes = await photo(640, 480, 2);
    withSite((site) => {
      writePageFile(site.root, "about", "newsroom.jpg", bytes);
      const folder = writePage(
        site.root,
        "about",
        pageSource({}, '![The newsroom at night](newsroom.jpg "The newsroom. PHOTO: ST")'),
      );
      const page = expectPage(loadPage(folder, FILE("about")));
      assert.deepEqual(page.card.bodyMedia?.photos, [
        { src: "newsroom.jpg", credit: "ST", line: 5 },
      ]);
    });
  });
});

describe("a page's address and policy, checked against the site", () => {
  const page = (slug: string) => ({ slug, sourcePath: FILE(slug), url: `/${slug}/` });
  const sections = [
    { slug: "asia", name: "Asia" },
    { slug: "world", name: "World" },
  ];

  it("keeps every slug a section may not take, and the site's own files, from pages", () => {
    for (const slug of RESERVED_SECTION_SLUGS) assert.ok(slug in RESERVED_PAGE_SLUGS, slug);
    for (const slug of ["feed", "rss", "sitemap", "news-sitemap", "robots", "404"]) {
      assert.ok(slug in RESERVED_PAGE_SLUGS, slug);
    }
  });

  it("refuses a section's slug, an article's folder and every built page, each naming what took it", () => {
    const issues = pageSlugIssues(
      [page("asia"), page("about"), ...Object.keys(RESERVED_PAGE_SLUGS).map(page), page("live")],
      sections,
      [{ url: "/live/blog-one/", sourcePath: "content/articles/blog-one/index.md" }],
    );
    const byFile = new Map(issues.map((issue) => [issue.file, issue]));
    assert.equal(byFile.has(FILE("about")), false, "a free slug is fine");
    assert.match(
      byFile.get(FILE("asia"))?.message ?? "",
      /\/asia\/ is already taken: it is the Asia section's page/,
    );
    assert.match(
      byFile.get(FILE("live"))?.message ?? "",
      /the article at \/live\/blog-one\/ \(content\/articles\/blog-one\/index\.md\)/,
    );
    assert.match(byFile.get(FILE("search"))?.message ?? "", /the search page/);
    assert.match(byFile.get(FILE("corrections"))?.fix ?? "", /e\.g\. corrections-policy/);
    for (const slug of Object.keys(RESERVED_PAGE_SLUGS)) {
      const issue = byFile.get(FILE(slug));
      assert.ok(issue, `${slug} is refused`);
      assert.match(issue.fix, new RegExp(`Rename the folder content/pages/${slug}/`));
    }
    assert.equal(issues.length, Object.keys(RESERVED_PAGE_SLUGS).length + 2);
  });

  it("refuses two pages claiming one policy, at each page's policy line, naming the other", () => {
    const card = (slug: string, policy: PageCard["policy"], policyLine?: number) => ({
      sourcePath: FILE(slug),
      ...(policy ? { policy } : {}),
      ...(policyLine ? { policyLine } : {}),
    });
    const issues = policyIssues([
      card("ethics", "ethics", 3),
      card("standards", "ethics", 5),
      card("corrections-policy", "corrections", 3),
      card("about", undefined),
    ]);
    assert.deepEqual(
      issues.map((issue) => [issue.file, issue.line, issue.field]),
      [
        [FILE("ethics"), 3, "policy"],
        [FILE("standards"), 5, "policy"],
      ],
    );
    assert.match(
      issues[0]?.message ?? "",
      /policy: ethics is also claimed by content\/pages\/standards\/index\.md/,
    );
    assert.match(issues[1]?.fix ?? "", /remove it from the other/);
  });
});

describe("the plan's last check of a page's folder", () => {
  it("refuses any other file the site would build in a page's folder, before anything is published", () => {
    const record: PageRecord = {
      card: {
        slug: "about",
        sourcePath: FILE("about"),
        url: "/about/",
        title: "About us",
        description: "About us",
        footer: false,
        bodyLinks: [],
      },
      body: [],
      bodyText: "",
    };
    const planned = (file: string, kind: PlannedPage["kind"]): PlannedPage => ({
      file,
      kind,
      key: "",
      spec: () => {
        throw new Error("not built");
      },
    });
    const standing = standingPlan([{ record, recordKey: "k", photos: [] }], "en");
    assert.deepEqual(
      standingClashes(
        [planned("about/index.html", "standing-page"), planned("index.html", "front")],
        standing,
      ),
      [],
    );
    const issues = standingClashes(
      [
        planned("about/index.html", "standing-page"),
        planned("about/feed.xml", "feed"),
        planned("about/rss.xml", "feed"),
      ],
      standing,
    );
    assert.equal(issues.length, 1, "one issue per page");
    assert.equal(issues[0]?.file, FILE("about"));
    assert.match(
      issues[0]?.message ?? "",
      /already taken: the site builds \/about\/feed\.xml there/,
    );
  });
});

describe("what pages give the rest of the site", () => {
  const card = (slug: string, fields: Partial<PageCard> = {}): PageCard => ({
    slug,
    sourcePath: FILE(slug),
    url: `/${slug}/`,
    title: slug,
    description: slug,
    footer: false,
    bodyLinks: [],
    ...fields,
  });

  it("links the footer's pages by order, then by title, the others never", () => {
    const links = footerLinks(
      [
        card("zeta", { footer: true, title: "Zeta" }),
        card("ethics", { footer: true, order: 4, title: "Ethics policy" }),
        card("about", { footer: true, order: 1, title: "About us" }),
        card("alpha", { footer: true, title: "Alpha" }),
        card("hidden", { order: 0, title: "Not in the footer" }),
        card("contact", { footer: true, order: 1, title: "Contact us" }),
      ],
      "en-SG",
    );
    assert.deepEqual(
      links.map((link) => link.title),
      ["About us", "Contact us", "Ethics policy", "Alpha", "Zeta"],
    );
  });

  it("names each policy by its NewsMediaOrganization property, in the contract's order", () => {
    assert.deepEqual(Object.keys(POLICY_PROPERTIES), [...POLICIES]);
    assert.deepEqual(Object.values(POLICY_PROPERTIES), [
      "correctionsPolicy",
      "ethicsPolicy",
      "publishingPrinciples",
      "diversityPolicy",
      "ownershipFundingInfo",
      "masthead",
      "unnamedSourcesPolicy",
      "verificationFactCheckingPolicy",
      "actionableFeedbackPolicy",
    ]);
    assert.deepEqual(
      policyLinks([card("team", { policy: "masthead" }), card("fixes", { policy: "corrections" })]),
      [
        { policy: "corrections", path: "/fixes/" },
        { policy: "masthead", path: "/team/" },
      ],
    );
  });

  it("types about and contact pages by their address, every other page as a WebPage", () => {
    assert.equal(standingPageType(card("about")), "AboutPage");
    assert.equal(standingPageType(card("about-us")), "AboutPage");
    assert.equal(standingPageType(card("contact")), "ContactPage");
    assert.equal(standingPageType(card("contact-us")), "ContactPage");
    assert.equal(standingPageType(card("privacy")), "WebPage");
    assert.equal(standingPageType(card("about", { policy: "masthead" })), "WebPage");
  });
});
