/**
 * What valid articles become: the shipped seed, non-ASCII text, drafts and embargoes, and
 * hostile text that must stay text (CONTENT.md, "The seed article", "The body").
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import type { Article } from "../../scripts/content/model.ts";
import { articleSource, type FixtureSite, SEED_SLUG } from "../helpers/fixture-site.ts";
import {
  bodyHtml,
  expectIssue,
  expectValid,
  load,
  loadFields,
  loadOne,
  NOW,
  withSite,
} from "./support.ts";

/** Loads one article built from `articleSource(fields, body)` and returns it. */
function article(fields: Record<string, string>, body?: string): Article {
  const content = expectValid(
    withSite((site) => loadOne(site, "an-article", articleSource(fields, body))),
  );
  assert.equal(content.articles.length, 1);
  const [only] = content.articles;
  if (!only) throw new Error("unreachable");
  return only;
}

/**
 * The seed names its stand-in media; the loader only checks that they are there. Until (or
 * unless) the repository ships them, placeholders let this test be about the text.
 */
function withSeedMedia(site: FixtureSite): void {
  for (const name of ["photo.jpg", "video-thumbnail.jpg"]) {
    if (!existsSync(path.join(site.root, "content/articles", SEED_SLUG, name)))
      site.file(SEED_SLUG, name, "stand-in");
  }
}

describe("the shipped seed article", () => {
  const content = withSite(
    (site) => {
      withSeedMedia(site);
      return expectValid(load(site));
    },
    { seed: true },
  );
  const seed = content.articles[0];

  it("loads as the one published article, in its section", () => {
    assert.equal(content.articles.length, 1);
    assert.equal(seed?.slug, SEED_SLUG);
    assert.equal(seed?.url, `/asia/${SEED_SLUG}/`);
    assert.equal(
      seed?.title,
      "North Korea's Kim Jong Un receives personal letter from Trump, KCNA says",
    );
    assert.equal(seed?.date.toISO(), "2019-06-23T11:05:00.000+08:00");
    assert.deepEqual(seed?.credit, { kind: "agencies", names: ["Bloomberg", "Reuters", "AFP"] });
  });

  it("has its 20 body paragraphs, word for word to the last", () => {
    assert.equal(bodyHtml(seed).match(/<p>/g)?.length, 20);
    const paragraphs = seed?.bodyText.split("\n\n") ?? [];
    assert.equal(paragraphs.length, 20);
    assert.equal(paragraphs.at(-1), "The second Trump-Kim summit ended abruptly in Hanoi.");
    assert.doesNotMatch(
      seed?.bodyText ?? "",
      /Telegram/,
      "the promotion is site-wide, not in the article",
    );
  });

  it("opens the first paragraph with the dateline lead", () => {
    assert.ok(
      bodyHtml(seed).startsWith(
        '<p><span class="dateline">WASHINGTON/SEOUL (BLOOMBERG, REUTERS, AFP) -</span> North Korean leader',
      ),
      bodyHtml(seed).slice(0, 200),
    );
  });

  it("derives the description from the first paragraph, cut at a word boundary to at most 160", () => {
    const description = seed?.description ?? "";
    const first = seed?.bodyText.split("\n\n")[0] ?? "";
    assert.equal(seed?.standfirst, undefined, "no standfirst was written");
    assert.ok(first.length > 160, "the seed's first paragraph is long enough to be cut");
    assert.ok(description.length <= 160, `${description.length} characters`);
    assert.ok(description.length >= 100, "cut near the limit, not at the first space");
    assert.ok(description.endsWith("…"));
    const kept = description.slice(0, -1);
    assert.ok(first.startsWith(kept), `${JSON.stringify(kept)} should start the first paragraph`);
    assert.match(first.charAt(kept.length), /[\s,;:.]/, "cut between words, not inside one");
    assert.doesNotMatch(description, /WASHINGTON/, "the dateline is not part of the description");
  });
});

describe("descriptions", () => {
  it("uses a short first paragraph whole", () => {
    assert.equal(article({}, "Short news.\n\nMore.").description, "Short news.");
  });

  it("uses the written description as the standfirst", () => {
    const written = article({ description: "Kim says he will consider it." });
    assert.equal(written.description, "Kim says he will consider it.");
    assert.equal(written.standfirst, "Kim says he will consider it.");
  });
});

describe("non-ASCII text", () => {
  it("keeps Chinese, accents and emoji in title and body", () => {
    const title = "朝鲜领导人金正恩 — café naïve Øresund 🎉";
    const body = "金正恩说他将认真考虑。Ça va? Zürich 👍🏽";
    const loaded = article({ title: JSON.stringify(title), tags: "[朝鲜, Café]" }, body);
    assert.equal(loaded.title, title);
    assert.deepEqual(loaded.tags, ["朝鲜", "Café"]);
    assert.ok(bodyHtml(loaded).includes(body), bodyHtml(loaded));
    assert.equal(loaded.description, body);
  });
});

describe("drafts and embargoes", () => {
  function loadHeldBack(options: { includeDrafts?: boolean; includeFuture?: boolean } = {}) {
    return expectValid(
      withSite((site) => {
        site.article("published", articleSource({ date: "2025-12-31T23:00:00Z" }));
        site.article("at-now", articleSource({ date: "2026-01-01T08:00:00+08:00" }));
        site.article("a-draft", articleSource({ draft: "true" }));
        site.article("embargoed", articleSource({ date: "2026-01-01T00:00:01Z" }));
        return load(site, options);
      }),
    );
  }
  const slugs = (articles: readonly Article[]) => articles.map((entry) => entry.slug);

  it("holds back drafts and future-dated articles by default, counting them", () => {
    const content = loadHeldBack();
    assert.deepEqual(
      slugs(content.articles),
      ["at-now", "published"],
      "newest first; now itself is not future",
    );
    assert.deepEqual(content.held, { drafts: 1, embargoed: 1 });
    assert.equal(NOW.toMillis(), content.articles[0]?.date.toMillis());
  });

  it("includes drafts when asked", () => {
    const content = loadHeldBack({ includeDrafts: true });
    assert.deepEqual(slugs(content.articles), ["at-now", "published", "a-draft"]);
    assert.deepEqual(content.held, { drafts: 0, embargoed: 1 });
  });

  it("includes future-dated articles when asked", () => {
    const content = loadHeldBack({ includeFuture: true });
    assert.deepEqual(slugs(content.articles), ["embargoed", "at-now", "published"]);
    assert.deepEqual(content.held, { drafts: 1, embargoed: 0 });
  });

  it("draft: false publishes", () => {
    assert.equal(article({ draft: "false" }).draft, false);
  });
});

describe("hostile text stays text", () => {
  it("keeps <b> and <script> in a title as characters", () => {
    const title = "<b>Bold</b> & <script>alert(1)</script>";
    assert.equal(article({ title: JSON.stringify(title) }).title, title);
  });

  it("escapes raw HTML in the body", () => {
    const html = bodyHtml(
      article(
        {},
        '<script>alert(1)</script>\n\nText with <b>bold</b> and <img src=x onerror="alert(1)">.\n\n<div onclick="x()">block</div>',
      ),
    );
    for (const tag of ["<script", "<b>", "<img", "<div"])
      assert.ok(!html.includes(tag), `${tag} in ${html}`);
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assert.ok(html.includes("&lt;b&gt;bold&lt;/b&gt;"), html);
  });

  it("renders a safe link as a link (the control for the cases below)", () => {
    assert.ok(
      bodyHtml(article({}, "[a link](https://example.com/x)")).includes(
        '<a href="https://example.com/x">a link</a>',
      ),
    );
  });

  it("refuses a relative link in the body at its line, and keeps links to the site's pages to check", () => {
    const { result, file } = loadFields(
      {},
      "A first paragraph.\n\nSee [the other story](other-story/) too.",
    );
    // Lines 1-5 are the front matter, 6 is blank: the body's third line is line 9.
    expectIssue(result, {
      file,
      line: 9,
      message: ['"other-story/"', "relative"],
      fix: ["/asia/other-story/"],
    });
    const kept = article(
      {},
      "See [a story](/asia/other-story/), [a site](https://example.com/) and [a note](#n).",
    );
    assert.deepEqual(kept.bodyLinks, [{ url: "/asia/other-story/", line: 7 }]);
  });

  const targets = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,x",
    " javascript:alert(1)",
    "<java\tscript:alert(1)>",
    "java&#9;script:alert(1)",
    "java&#10;script:alert(1)",
    "java%09script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "%6Aavascript:alert(1)",
  ];
  for (const target of targets) {
    it(`does not make a link of [x](${JSON.stringify(target).slice(1, -1)})`, () => {
      const html = bodyHtml(article({}, `Click [here](${target}) now.`));
      assert.ok(!/<a\b/i.test(html), html);
      assert.ok(!/href/i.test(html), html);
    });
  }

  it("does not make links of javascript: autolinks or reference definitions", () => {
    const html = bodyHtml(
      article({}, "See <javascript:alert(1)> and [this][evil].\n\n[evil]: javascript:alert(2)"),
    );
    assert.ok(!/<a\b/i.test(html), html);
  });

  it("keeps {{ x }} and {% x %} as those characters", () => {
    const loaded = article(
      { title: '"{{ site.name }} and {% raw %}"' },
      "A {{ x }} here and {% x %} there, {{- y -}} too.\n\nCode: `{% include 'secret' %}`",
    );
    assert.equal(loaded.title, "{{ site.name }} and {% raw %}");
    for (const literal of [
      "{{ x }}",
      "{% x %}",
      "{{- y -}}",
      "<code>{% include 'secret' %}</code>",
    ]) {
      assert.ok(bodyHtml(loaded).includes(literal), `${literal} in ${bodyHtml(loaded)}`);
    }
  });
});
