/**
 * A front's fill topic against the tags stories carry (scripts/engine/fill-topics.ts): a typing
 * slip is a mistake naming the tag meant; a topic no story has yet is said in the summary; a tag
 * written in other capitals or accents is the same topic, as on topic pages.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FrontFile } from "../../scripts/content/front-model.ts";
import { fillTopicCheck } from "../../scripts/engine/fill-topics.ts";

function front(...topics: string[]): FrontFile {
  return {
    name: "home",
    sourcePath: "content/fronts/home.yaml",
    containers: topics.map((topic) => ({ layout: "list", stories: [], size: 5, fill: { topic } })),
  };
}

describe("fill topics", () => {
  const tags = ["North Korea", "Floods", "Côte d'Ivoire"];

  it("accepts a topic a story has, however it is capitalised or accented", () => {
    const check = fillTopicCheck("/nowhere", [front("north korea", "Cote d'Ivoire")], tags);
    assert.deepEqual(check, { issues: [], empty: [] });
  });

  it("refuses a typing slip, naming the tag meant", () => {
    const { issues, empty } = fillTopicCheck("/nowhere", [front("Floods", "Nort Korea")], tags);
    assert.deepEqual(empty, []);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.field, "containers.1.fill.topic");
    assert.match(issues[0]?.message ?? "", /No story has the topic "Nort Korea"/);
    assert.equal(issues[0]?.fix, "If you meant North Korea, write topic: North Korea.");
  });

  it("says which container waits for a topic no story has yet", () => {
    const { issues, empty } = fillTopicCheck("/nowhere", [front("Election 2027")], tags);
    assert.deepEqual(issues, []);
    assert.deepEqual(empty, [
      'content/fronts/home.yaml fills container 1 from the topic "Election 2027", which no story has yet',
    ]);
  });
});
