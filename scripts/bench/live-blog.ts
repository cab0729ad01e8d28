/**
 * The benchmark's live blog (`--live`): one blog of 1,000 updates in the archive, as a long
 * day's coverage files them (an update a minute, about 80 words each, one in ten a key event
 * with a title), and the scenario's edit, one more update. Deterministic: the same seed gives
 * the same files. Also the size of the JSON readers' pages poll, which must stay small however
 * long the blog.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { seededRandom } from "../media/synthetic.ts";
import { minutesBeforeNow } from "./generate.ts";
import { headline, sentence } from "./prose.ts";
import { ARTICLES_DIR } from "./site.ts";

/** The blog's folder name and section. */
export const LIVE_BLOG_SLUG = "bench-live-coverage";
export const LIVE_BLOG_SECTION = "asia";

/**
 * Updates the blog holds before the scenario adds one: a long day of coverage.
 *
 * @default 1000
 */
export const LIVE_BLOG_UPDATES = 1000;

/**
 * Update `n` is filed this many minutes before the benchmark's now: one a minute, oldest first,
 * the last at now. The blog began the day before and is still running: its search part is
 * today's, as a running blog's is (scripts/site/search-parts.ts).
 */
function minutesBack(n: number): number {
  return LIVE_BLOG_UPDATES - n;
}

function updateFile(root: string, n: number): string {
  return path.join(
    root,
    ARTICLES_DIR,
    LIVE_BLOG_SLUG,
    "live",
    `update-${String(n).padStart(4, "0")}.md`,
  );
}

/** Update `n`'s Markdown. */
export function liveUpdateMarkdown(n: number, seed: number, back = minutesBack(n)): string {
  const random = seededRandom(seed * 100_003 + n);
  const key = n % 10 === 0;
  const text = [sentence(random), sentence(random), sentence(random), sentence(random)].join(" ");
  return [
    "---",
    `time: ${minutesBeforeNow(back)}`,
    ...(key ? [`title: ${JSON.stringify(headline(random))}`, "key: true"] : []),
    "---",
    "",
    text,
    "",
  ].join("\n");
}

/** Writes the blog and its {@link LIVE_BLOG_UPDATES} updates into the Broadsheet project. */
export function writeLiveBlog(root: string, seed: number): void {
  const folder = path.join(root, ARTICLES_DIR, LIVE_BLOG_SLUG);
  mkdirSync(path.join(folder, "live"), { recursive: true });
  writeFileSync(
    path.join(folder, "index.md"),
    [
      "---",
      'title: "Live: the day\'s coverage, minute by minute"',
      `date: ${minutesBeforeNow(LIVE_BLOG_UPDATES + 10)}`,
      `section: ${LIVE_BLOG_SECTION}`,
      "kind: live",
      "tags: [Live coverage]",
      "---",
      "",
      "What we know so far, and every update as it comes in.",
      "",
    ].join("\n"),
  );
  for (let n = 1; n <= LIVE_BLOG_UPDATES; n++)
    writeFileSync(updateFile(root, n), liveUpdateMarkdown(n, seed));
}

/**
 * The "one live update" build's edit: update number `LIVE_BLOG_UPDATES + 1 + index`, filed
 * `back` minutes before now (the newest update of the blog: at the same minute as the last, its
 * name orders it after).
 */
export function publishLiveUpdate(root: string, seed: number, index: number, back: number): void {
  const n = LIVE_BLOG_UPDATES + 1 + index;
  writeFileSync(updateFile(root, n), liveUpdateMarkdown(n, seed, back));
}

/** What readers' pages poll: the blog's JSON, its size on disk and gzipped (as hosts send it). */
export interface LiveJsonSize {
  readonly updates: number;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The size of the built blog's JSON in `<root>/_site`. */
export function liveJsonSize(root: string): LiveJsonSize {
  const file = path.join(root, "_site", LIVE_BLOG_SECTION, LIVE_BLOG_SLUG, "live.json");
  const bytes = readFileSync(file);
  const { count } = JSON.parse(bytes.toString("utf8")) as { count: number };
  return { updates: count, bytes: statSync(file).size, gzipBytes: gzipSync(bytes).length };
}
