/**
 * The benchmark's front page (issue 21): a valid front file by the build's own schema, whose
 * edit changes what an editor changes (a container's title, the picks' order) and nothing else.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { archiveEntry, pickArticles } from "../../scripts/bench/archive.ts";
import { benchFront } from "../../scripts/bench/front.ts";
import { generateArticles } from "../../scripts/bench/generate.ts";
import { FRONT_FIELDS, frontFieldFix, frontSchema } from "../../scripts/content/front-schema.ts";
import { validateYaml } from "../../scripts/content/parse-front-matter.ts";

const SECTIONS = ["singapore", "asia", "world"];
const articles = generateArticles(50, { seed: 1, sections: SECTIONS, photoCount: 1 });
const picks = pickArticles(
  articles.map((article, index) => archiveEntry(index, article)),
  1,
);

function parse(text: string) {
  const checked = validateYaml(text, "content/fronts/home.yaml", 1, frontSchema(SECTIONS), {
    fields: FRONT_FIELDS,
    fix: (field) => frontFieldFix(field, SECTIONS),
  });
  assert.ok(checked.ok, JSON.stringify(checked));
  return checked.value.value;
}

describe("the benchmark's front page", () => {
  it("is a valid front picking the newest articles, which no scenario deletes", () => {
    const front = parse(benchFront(picks, SECTIONS));
    const stories = front.containers?.[0]?.stories ?? [];
    assert.equal(stories.length, 2);
    for (const slug of stories) {
      assert.ok(articles.some((article) => article.slug === slug));
      assert.ok(!picks.deleted.some((entry) => entry.slug === slug));
    }
  });

  it("is edited as an editor rearranges it: a title and the picks' order change, nothing else", () => {
    const before = parse(benchFront(picks, SECTIONS, 0));
    const after = parse(benchFront(picks, SECTIONS, 1));
    assert.notEqual(after.containers?.[0]?.title, before.containers?.[0]?.title);
    assert.deepEqual(
      after.containers?.[0]?.stories,
      [...(before.containers?.[0]?.stories ?? [])].reverse(),
    );
    assert.deepEqual(after.containers?.slice(1), before.containers?.slice(1));
    assert.notEqual(benchFront(picks, SECTIONS, 2), benchFront(picks, SECTIONS, 1));
  });
});
