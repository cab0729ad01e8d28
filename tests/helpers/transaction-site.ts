/**
 * The small site the publish-transaction tests stop, damage and rebuild: one section, three
 * articles (one with a lead photo and a body photo, so pages load images and the body media's
 * stylesheet), and the one publish every kill point is taken from: an article deleted, the
 * lead photo replaced and a stylesheet changed, so new assets, images, search files and pages
 * are written and old ones removed. Small enough that a build takes about a second.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import path from "node:path";
import { ContentError } from "../../scripts/content/issues.ts";
import { contentOptionsFromEnv } from "../../scripts/content/options.ts";
import { formatIssues } from "../../scripts/content/report.ts";
import { buildSite } from "../../scripts/engine/build-site.ts";
import { failureReport } from "../../scripts/engine/failure.ts";
import { summaryLine } from "../../scripts/engine/summary.ts";
import { siteTarget } from "../../scripts/engine/target.ts";
import type { ImageCdn } from "../../scripts/media/types.ts";
import { listFiles, pageIssues } from "../../scripts/site/check-output.ts";
import { commandArgs, SHARED_MEDIA_CACHE } from "./build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "./fixture-site.ts";
import { copyProject, differences, type SiteFile, snapshot } from "./site-snapshot.ts";

export const SITE_YAML = `name: The Transaction Times
url: https://news.example.org
language: en-SG
timeZone: Asia/Singapore
sections:
  - slug: news
    name: News
brightcove:
  accountId: "9876543210001"
  playerId: default
logo:
  src: logo.svg
  alt: The Transaction Times
promotion:
  text: Read us every day.
`;

const SEED_MEDIA = path.join(REPO_ROOT, "content/articles", SEED_SLUG);

/**
 * The fixture before the publish under test. `extra` is appended to the site configuration
 * (an image CDN, whose masters are one file per photo; the editors' UI's `cms:` block).
 */
export function createTransactionSite(extra = ""): FixtureSite {
  const site = createFixtureSite();
  site.siteConfig(SITE_YAML + extra);
  site.article(
    "alpha",
    articleSource(
      {
        title: '"Harbour reopens after the storm"',
        date: "2025-12-01T09:00:00+08:00",
        section: "news",
        image: "\n  src: photo.jpg\n  alt: Ships at the harbour mouth.\n  credit: AFP",
      },
      "The harbour reopened on Monday.\n\n![Cranes along the quay](quay.jpg)\n\nWork resumed at noon.",
    ),
  );
  copyFileSync(
    path.join(SEED_MEDIA, "photo.jpg"),
    path.join(site.root, "content/articles/alpha/photo.jpg"),
  );
  copyFileSync(
    path.join(SEED_MEDIA, "video-thumbnail.jpg"),
    path.join(site.root, "content/articles/alpha/quay.jpg"),
  );
  site.article(
    "beta",
    articleSource(
      {
        title: '"Council approves the budget"',
        date: "2025-12-10T09:00:00+08:00",
        section: "news",
      },
      "The council approved the budget.",
    ),
  );
  site.article(
    "gamma",
    articleSource(
      {
        title: '"Festival draws a record crowd"',
        date: "2025-12-20T09:00:00+08:00",
        section: "news",
      },
      "The festival drew a record crowd.",
    ),
  );
  return site;
}

/** The publish under test: an article deleted, a photo replaced, a stylesheet changed. */
export function editForPublish(root: string): void {
  rmSync(path.join(root, "content/articles/gamma"), { recursive: true });
  const photo = path.join(root, "content/articles/alpha/photo.jpg");
  rmSync(photo);
  copyFileSync(path.join(SEED_MEDIA, "video-thumbnail.jpg"), photo);
  appendFileSync(
    path.join(root, "assets/css/body-media.css"),
    "\n.story-body figure { margin: 0; }\n",
  );
}

export interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of every build here: one process, the shared media cache, a fixed now. */
export function buildEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_NOW: "2026-01-01T00:00:00+08:00",
    BROADSHEET_CACHE_DIR: SHARED_MEDIA_CACHE,
    BROADSHEET_WORKERS: "1",
    NO_COLOR: "1",
    ...env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return merged;
}

const BUILD_ARGS = () => commandArgs("build");

/** The image CDN setting that keeps the kill tests' publishes short: one master per photo. */
export const CLOUDFLARE = "images:\n  cdn: cloudflare\n";

/** Runs `npm run build`'s script in `root`. */
export function build(root: string, env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(process.execPath, BUILD_ARGS(), {
    cwd: root,
    env: buildEnv(env),
    encoding: "utf8",
    timeout: 240_000,
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** In-process builds of this test file run one at a time (Pagefind's service is shared). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a build in this process (the engine `npm run build` and `npm start` run, without a process
 * of its own to start): for the many "next builds" of the transaction tests, each of which would
 * otherwise pay for starting Node and loading the build. Reports as the command would: status 0
 * and the summary line, or status 1 and the messages it prints.
 */
export function buildHere(
  root: string,
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  const run = async (): Promise<Run> => {
    const merged = buildEnv(env);
    // Read by the worker pool from the process itself: keep everything in this process.
    process.env.BROADSHEET_WORKERS = "1";
    const started = performance.now();
    try {
      const summary = await buildSite({
        content: contentOptionsFromEnv(merged, root),
        target: siteTarget(root),
        media: { cacheDir: merged.BROADSHEET_CACHE_DIR ?? SHARED_MEDIA_CACHE },
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const warnings = summary.commit.warnings.map((warning) => `Warning: ${warning}\n`);
      return {
        status: 0,
        signal: null,
        stdout: `${summaryLine(summary, seconds, "_site/")}\n`,
        stderr: warnings.join(""),
      };
    } catch (error) {
      const stderr =
        error instanceof ContentError
          ? formatIssues(error.issues)
          : failureReport(error, "in this process", "_site/");
      return { status: 1, signal: null, stdout: "", stderr };
    }
  };
  const result = queue.then(run, run);
  queue = result;
  return result;
}

/** Starts a build without waiting for it. */
export function startBuild(root: string, env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, BUILD_ARGS(), { cwd: root, env: buildEnv(env) });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<Run>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
}

/** The publish steps a build makes, as `BROADSHEET_FAULT=count` lists them, in order. */
export function publishSteps(run: Run): string[] {
  return [...run.stderr.matchAll(/^fault-step (\d+) (.*)$/gm)].map((match) => match[2] ?? "");
}

const STATE_FOLDERS = ["content", "assets", "_site", ".cache/build"];

/** Keeps what a project holds (its content, its site and its build cache) to restore later. */
export function saveProject(root: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  for (const folder of STATE_FOLDERS) {
    const from = path.join(root, folder);
    if (existsSync(from))
      cpSync(from, path.join(to, folder), { recursive: true, preserveTimestamps: true });
  }
}

/** Puts a project back as it was saved, and removes whatever a killed build left beside it. */
export function restoreProject(from: string, root: string): void {
  for (const folder of STATE_FOLDERS)
    rmSync(path.join(root, folder), { recursive: true, force: true });
  rmSync(path.join(root, ".cache/build.lock"), { force: true });
  for (const folder of STATE_FOLDERS) {
    const saved = path.join(from, folder);
    if (existsSync(saved)) {
      mkdirSync(path.dirname(path.join(root, folder)), { recursive: true });
      cpSync(saved, path.join(root, folder), { recursive: true, preserveTimestamps: true });
    }
  }
}

/** A cold build of `root`'s content and assets, in `scratch`: the output to compare with. */
export function coldSnapshot(root: string, scratch: string): Map<string, SiteFile> {
  copyProject(root, scratch);
  const run = build(scratch);
  if (run.status !== 0) throw new Error(`the cold build failed:\n${run.stdout}\n${run.stderr}`);
  return snapshot(scratch);
}

/** What differs between `root`'s `_site/` and `expected`, byte for byte. */
export function siteDifferences(root: string, expected: ReadonlyMap<string, SiteFile>): string[] {
  return differences(snapshot(root), expected);
}

/**
 * Every page of `root`'s `_site/` checked as the build checks what it publishes, against the
 * files that are really there: a page that names a stylesheet, image or page that is missing is
 * reported. An empty list when every page is whole and every file it names is there.
 */
export function brokenPages(root: string, imageCdn?: ImageCdn): string[] {
  const dir = path.join(root, "_site");
  if (!existsSync(dir)) return [];
  const files = new Set(listFiles(dir));
  return [...files]
    .filter((file) => file.endsWith(".html") && !file.startsWith("admin/"))
    .flatMap((file) =>
      pageIssues(file, readFileSync(path.join(dir, file), "utf8"), files, "/", imageCdn).map(
        (issue) => `${file}: ${issue.message}`,
      ),
    );
}
