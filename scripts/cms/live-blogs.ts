/**
 * The live blogs `npm run cms` offers updates for, found on disk (the build finds them in its
 * own scan, scripts/engine/live-stage.ts): every article folder whose index.md says `kind: live`
 * and has not ended by now. Only those index.md files are parsed; the others are read for one
 * line, so a large archive costs a read per article.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ARTICLES_PATH } from "../content/article-folders.ts";
import { parseOffsetDate } from "../content/dates.ts";
import { readSource } from "../content/parse-front-matter.ts";
import { isIssue } from "../content/source-file.ts";
import { parseYaml } from "../content/yaml.ts";
import type { CmsLiveBlog } from "./live-collections.ts";

const KIND_LIVE = /^kind:[ \t]*["']?live["']?[ \t]*$/m;

/** The running live blogs under `root`, newest first. */
export function liveBlogsOnDisk(root: string, nowMs = Date.now()): CmsLiveBlog[] {
  const dir = path.join(root, ARTICLES_PATH);
  if (!existsSync(dir)) return [];
  const blogs: { slug: string; title: string; dateMs: number }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name, "index.md");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const bytes = readFileSync(file);
    if (!KIND_LIVE.test(bytes.toString("utf8"))) continue;
    const source = readSource(bytes, file);
    if (isIssue(source)) continue;
    const yaml = parseYaml(source.yaml, file, source.yamlLine);
    if (Array.isArray(yaml)) continue;
    const fields = yaml.data as Record<string, unknown>;
    const date = parseOffsetDate(String(fields.date ?? ""));
    const ended = fields.ended === undefined ? undefined : parseOffsetDate(String(fields.ended));
    if (fields.kind !== "live" || typeof fields.title !== "string" || !date.ok) continue;
    if (ended?.ok && ended.value.toMillis() <= nowMs) continue;
    blogs.push({ slug: entry.name, title: fields.title, dateMs: date.value.toMillis() });
  }
  return blogs
    .sort((a, b) => b.dateMs - a.dateMs || (a.slug < b.slug ? -1 : 1))
    .map(({ slug, title }) => ({ slug, title }));
}
