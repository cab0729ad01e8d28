/**
 * The benchmark's front page (issue 21): `content/fronts/home.yaml` with the containers a
 * newsroom's front has (a lead with two picks and a section's fill, the latest headlines, a
 * section's grid, a topic's list), and the edit the "front page edited" build makes: a retitled
 * container and the picks swapped, as an editor rearranges the front. Its picks are the newest
 * articles, which the other builds retitle but never delete.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ArchivePicks } from "./archive.ts";
import { TAGS } from "./vocabulary.ts";

/** Where the front page's file goes in a Broadsheet project. */
export const HOME_FRONT_FILE = "content/fronts/home.yaml";

/** The front file, as written before any edit (`edit` 0) and after the `edit`-th. */
export function benchFront(picks: ArchivePicks, sections: readonly string[], edit = 0): string {
  const stories = [picks.devServer.slug, ...picks.edited.map((entry) => entry.slug)].slice(0, 2);
  const ordered = edit % 2 === 1 ? [...stories].reverse() : stories;
  return [
    "containers:",
    `  - title: ${edit === 0 ? "Top stories" : `Top stories, edition ${edit + 1}`}`,
    "    layout: lead",
    `    stories: [${ordered.join(", ")}]`,
    `    fill: {section: ${sections[0] ?? "asia"}}`,
    "  - title: Latest",
    "    layout: list",
    "    fill: {}",
    `  - title: More`,
    "    layout: grid",
    `    fill: {section: ${sections[1] ?? sections[0] ?? "asia"}}`,
    "  - title: In depth",
    "    layout: list",
    `    fill: {topic: ${TAGS[0] ?? "Trade"}}`,
    "",
  ].join("\n");
}

/** Writes the front page's file into the project at `root`. */
export function writeBenchFront(
  root: string,
  picks: ArchivePicks,
  sections: readonly string[],
  edit = 0,
): void {
  const file = path.join(root, HOME_FRONT_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, benchFront(picks, sections, edit));
}
