/**
 * A byline a typing slip away from a profile (CONTENT.md, "Authors"): `Tan Hui Ye` for the
 * profile "Tan Hui Yee" stops the build at its line, suggesting the profile and the way to
 * write a different person; `{name: Tan Hui Yi}` is that way, shown exactly as written
 * everywhere a byline goes (the page, structured data, feeds, search), never linked to the
 * profile, and the story stays off the profile's page.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";
import { writeProfile } from "../helpers/profiles.ts";

const ORIGIN = "https://news.example.com";
const site = createFixtureSite();
const read = (file: string) => readFileSync(path.join(site.root, "_site", file), "utf8");

before(() => {
  writeProfile(site.root, "tan-hui-yee", "name: Tan Hui Yee\nrole: Indonesia Bureau Chief\n");
  site.article(
    "jakarta-floods",
    articleSource({
      title: '"Jakarta floods"',
      date: "2025-12-30T08:00:00+08:00",
      authors: "[tan-hui-yee, {name: Tan Hui Yi}]",
    }),
  );
  // The profile's very name, written as {name: ...}: still shown as written, not linked.
  site.article(
    "namesake",
    articleSource({
      title: '"A namesake"',
      date: "2025-12-29T08:00:00+08:00",
      authors: "[{name: Tan Hui Yee}]",
    }),
  );
  const run = runBuild(site.root, { SITE_URL: ORIGIN });
  assert.equal(run.status, 0, run.stderr);
});
after(() => site.remove());

describe("{name: ...} in authors", () => {
  it("is shown as written beside a linked profile", () => {
    const $ = load(read("asia/jakarta-floods/index.html"));
    assert.equal($(".byline").text(), "By Tan Hui Yee (Indonesia Bureau Chief) and Tan Hui Yi");
    assert.deepEqual(
      $(".byline a")
        .toArray()
        .map((a) => a.attribs.href),
      ["/authors/tan-hui-yee/"],
    );
  });

  it("is never linked, even when it is a profile's name", () => {
    const $ = load(read("asia/namesake/index.html"));
    assert.equal($(".byline").text(), "By Tan Hui Yee");
    assert.equal($(".byline a").length, 0);
    assert.doesNotMatch(read("authors/tan-hui-yee/index.html"), /A namesake/);
    assert.match(read("authors/tan-hui-yee/index.html"), /Jakarta floods/);
  });

  it("is a Person with its name only in structured data, and an author in every feed", () => {
    const $ = load(read("asia/jakarta-floods/index.html"));
    const graph = JSON.parse($('script[type="application/ld+json"]').text())["@graph"];
    assert.deepEqual(graph[0].author[1], { "@type": "Person", name: "Tan Hui Yi" });
    assert.equal(graph[0].author[0].url, `${ORIGIN}/authors/tan-hui-yee/`);
    const atom = read("feed.xml");
    assert.match(atom, /<author>\s*<name>Tan Hui Yi<\/name>\s*<\/author>/);
    const json = JSON.parse(read("feed.json"));
    const item = json.items.find((entry: { url: string }) =>
      entry.url.endsWith("/jakarta-floods/"),
    );
    assert.deepEqual(item.authors, [
      { name: "Tan Hui Yee", url: `${ORIGIN}/authors/tan-hui-yee/` },
      { name: "Tan Hui Yi" },
    ]);
  });
});

describe("a byline a typing slip away from a profile", () => {
  it("stops the build at its line, suggesting the profile and {name: ...}", () => {
    const slips = createFixtureSite();
    try {
      writeProfile(slips.root, "tan-hui-yee", "name: Tan Hui Yee\n");
      slips.article(
        "slipped",
        articleSource({ authors: "[Jane Doe, Tan Hui Ye]", date: "2025-12-01T08:00:00+08:00" }),
      );
      slips.article(
        "swapped",
        articleSource({ authors: "[Tna Hui Yee]", date: "2025-12-01T08:00:00+08:00" }),
      );
      slips.article(
        "lowercased",
        articleSource({ authors: "[tan hui yee]", date: "2025-12-01T08:00:00+08:00" }),
      );
      // A file with another mistake has its authors checked in the same run.
      slips.article(
        "undated",
        articleSource({ authors: "[tan-hui-ye]", date: "2025-12-01T08:00:00" }),
      );
      const run = runBuild(slips.root, { SITE_URL: ORIGIN });
      assert.equal(run.status, 1, run.stdout);
      assert.match(
        run.stderr,
        /content\/articles\/slipped\/index\.md:5:21 \[authors\.1\]\n {4}"Tan Hui Ye" matches no author profile, but it is a typing slip away from the profile "Tan Hui Yee" \(content\/authors\/tan-hui-yee\.yaml\)/,
      );
      assert.match(
        run.stderr,
        /Fix: If you meant Tan Hui Yee, write Tan Hui Yee \(or its slug, tan-hui-yee\)\. If this is a different person, write \{name: Tan Hui Ye\} to show the name exactly as written\./,
      );
      assert.match(run.stderr, /swapped\/index\.md:5:\d+ \[authors\.0\]\n {4}"Tna Hui Yee"/);
      assert.match(run.stderr, /lowercased\/index\.md:5:\d+ \[authors\.0\]\n {4}"tan hui yee"/);
      assert.doesNotMatch(run.stderr, /"Jane Doe"/, "a name no profile is near is a name");
      assert.match(run.stderr, /undated\/index\.md:3:\d+ \[date\]/);
      assert.match(
        run.stderr,
        /undated\/index\.md:5:\d+ \[authors\.0\]\n {4}"tan-hui-ye" is written like/,
      );
      assert.match(run.stderr, /5 problems in 4 files/);
    } finally {
      slips.remove();
    }
  });
});
