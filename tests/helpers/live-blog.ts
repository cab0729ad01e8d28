/**
 * Live blogs for tests: a blog's index.md (`kind: live`) and its updates as files in live/, each
 * written as an editor would, with its time, optional title, key-event and pinned marks, authors
 * and body. Update `n` is posted `n` minutes after the blog starts unless told otherwise.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { articleSource, type FixtureSite } from "./fixture-site.ts";

export const LIVE_SLUG = "earthquake-strikes-southern-philippines";
export const LIVE_PATH = `/asia/${LIVE_SLUG}/`;
/** When the blog began (Manila time, the site shows Singapore's: the same offset). */
export const LIVE_START = "2025-12-31T08:00:00+08:00";

/** The blog's front matter. */
export function liveFields(extra: Record<string, string> = {}): Record<string, string> {
  return {
    title: '"Strong earthquake strikes southern Philippines: live updates"',
    description: "Follow the latest on the magnitude 6.4 earthquake in Mindanao.",
    date: LIVE_START,
    section: "asia",
    tags: "[Philippines, Earthquakes]",
    kind: "live",
    ...extra,
  };
}

/** The blog's summary, its index.md body. */
export const LIVE_SUMMARY =
  "A magnitude 6.4 earthquake struck off Mindanao on Wednesday morning.\n\n" +
  "Here is what we know so far.";

export interface UpdateOptions {
  readonly time?: string;
  readonly title?: string;
  readonly key?: boolean;
  readonly pinned?: boolean;
  readonly authors?: readonly string[];
  readonly draft?: boolean;
  readonly body?: string;
}

/** The time of update `n`: `n` minutes after the blog began. */
export function minutesAfterStart(n: number): string {
  return (
    DateTime.fromISO(LIVE_START, { setZone: true })
      .plus({ minutes: n })
      .toISO({ suppressMilliseconds: true }) ?? ""
  );
}

/** An update's source. */
export function updateSource(n: number, options: UpdateOptions = {}): string {
  const lines = [`time: ${options.time ?? minutesAfterStart(n)}`];
  if (options.title !== undefined) lines.push(`title: "${options.title}"`);
  if (options.key) lines.push("key: true");
  if (options.pinned) lines.push("pinned: true");
  if (options.authors) lines.push(`authors: [${options.authors.join(", ")}]`);
  if (options.draft) lines.push("draft: true");
  const body = options.body ?? `Update number ${n}: rescuers reached another village in Davao.`;
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

/** Writes (or rewrites) update `name` of the blog `slug`. */
export function writeUpdate(
  site: FixtureSite,
  name: string,
  source: string,
  slug = LIVE_SLUG,
): string {
  const folder = path.join(site.root, "content/articles", slug, "live");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.md`);
  writeFileSync(file, source);
  return file;
}

export function removeUpdate(site: FixtureSite, name: string, slug = LIVE_SLUG): void {
  rmSync(path.join(site.root, "content/articles", slug, "live", `${name}.md`), { force: true });
}

/** The name of update `n`: `update-007` style, so names sort as numbers do. */
export function updateName(n: number): string {
  return `update-${String(n).padStart(3, "0")}`;
}

/** Writes the blog and updates 1..count (each `n` minutes after the start). */
export function writeLiveBlog(
  site: FixtureSite,
  count: number,
  options: {
    readonly fields?: Record<string, string>;
    readonly update?: (n: number) => UpdateOptions;
  } = {},
): void {
  site.article(LIVE_SLUG, articleSource(liveFields(options.fields), LIVE_SUMMARY));
  for (let n = 1; n <= count; n++) {
    writeUpdate(site, updateName(n), updateSource(n, options.update?.(n) ?? {}));
  }
}
