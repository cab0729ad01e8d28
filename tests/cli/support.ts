/**
 * Shared pieces of the editors' tools suite: running `npm run import` / `npm run new` as the
 * editor would (a subprocess in the project folder), and looking at what they left on disk.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { commandArgs } from "../helpers/build.ts";
import { REPO_ROOT, SEED_SLUG } from "../helpers/fixture-site.ts";

/** The wire texts written for these tests. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** The shipped seed article's folder: its index.md and stand-in media. */
export const SEED_FOLDER = path.join(REPO_ROOT, "content/articles", SEED_SLUG);
export const SEED_PHOTO = path.join(SEED_FOLDER, "photo.jpg");
export const SEED_THUMBNAIL = path.join(SEED_FOLDER, "video-thumbnail.jpg");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of the tools with `root` as the working folder, as `npm run` would. `env` adds to
 * (or, with undefined, removes from) the environment.
 */
export function runCli(
  tool: "import" | "new",
  root: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): CliRun {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    ...env,
  };
  // Under `npm test`, npm's INIT_CWD would make relative paths resolve against the repository.
  delete merged.INIT_CWD;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  const result = spawnSync(process.execPath, [...commandArgs(tool), ...args], {
    cwd: root,
    env: merged,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Everything in content/articles, hidden entries included: what a failed run must not leave. */
export function articleEntries(root: string): string[] {
  const folder = path.join(root, "content/articles");
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

/** The slug a successful run reports in its "→ content/articles/<slug>/index.md" line. */
export function writtenSlug(run: CliRun): string {
  const match = /content\/articles\/([a-z0-9-]+)\/index\.md/.exec(run.stdout);
  if (!match?.[1]) throw new Error(`no article path in the output:\n${run.stdout}\n${run.stderr}`);
  return match[1];
}

/** An article's index.md split into its front matter (between the fences) and its body. */
export function splitArticle(text: string): { frontMatter: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not an article file:\n${text}`);
  return { frontMatter: match[1] ?? "", body: match[2] ?? "" };
}

/** Reads an article's index.md from a fixture. */
export function readArticle(root: string, slug: string): string {
  return readFileSync(path.join(root, "content/articles", slug, "index.md"), "utf8");
}
