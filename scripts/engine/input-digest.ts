/**
 * Every input a build reads, as fingerprints (fingerprint.ts), and the instant until which the
 * build's "now" changes nothing it makes: what input-manifest.ts compares to skip a build where
 * nothing changed. Whatever cannot be fingerprinted with trust (modified within the racy window,
 * unreadable, of a form not known here) makes the lines undefined, and the build runs in full.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ARTICLES_PATH } from "../content/article-folders.ts";
import type { FrontFile } from "../content/front-model.ts";
import { AUTHORS_PATH } from "../content/load-author.ts";
import { NEWS_WINDOW } from "../site/sitemaps/news.ts";
import { fingerprintOf, UNTRUSTED } from "./fingerprint.ts";
import type { FolderScan } from "./folder-scan.ts";
import { sha256 } from "./hashing.ts";
import type { ArticleEntry } from "./state.ts";

/**
 * Folders of the content's project walked whole, every file an input: the site settings,
 * profiles, fronts, standing pages and their photos (all under `content/` beside the articles,
 * which are scanned apart), and the assets' sources.
 */
const CONTENT_TREES = ["content", "assets"] as const;
/** Broadsheet's own code: the templates, layouts and every file a stage reads at run time. */
const CODE_TREES = ["scripts", "layouts"] as const;
/** Files of either project that decide what is made: packages, compiler and Eleventy settings. */
const PROJECT_FILES = ["package.json", "package-lock.json", "tsconfig.json", ".eleventy.ts"];

/** A line per input, `<path> <fingerprint>`; see {@link trusted}. */
export type Lines = readonly string[];

/** A file's fingerprint following links ("missing" when it cannot be statted). */
function printOf(file: string, seenAt: number): string {
  try {
    return fingerprintOf(statSync(file), seenAt) || UNTRUSTED_MARK;
  } catch {
    return "missing";
  }
}

/** Stands for {@link UNTRUSTED} in a line, where an empty word could not be told apart. */
const UNTRUSTED_MARK = "untrusted";

function trusted(lines: Lines): boolean {
  return lines.every((line) => !line.endsWith(` ${UNTRUSTED_MARK}`));
}

/** Every entry under `dir` (relative to `base`), depth first, sorted, with its fingerprint. */
function walk(base: string, dir: string, seenAt: number, out: string[]): void {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(path.join(base, dir), { withFileTypes: true });
  } catch {
    out.push(`${dir} missing`);
    return;
  }
  out.push(`${dir}/ ${printOf(path.join(base, dir), seenAt)}`);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = `${dir}/${entry.name}`;
    if (relative === ARTICLES_PATH) continue;
    if (entry.isDirectory()) walk(base, relative, seenAt, out);
    else
      out.push(
        `${relative} ${entry.isSymbolicLink() ? "link " : ""}${printOf(path.join(base, relative), seenAt)}`,
      );
  }
}

/**
 * The small trees of the content's project and of Broadsheet's code, walked before the build
 * reads them (an edit made while it runs shows as a change next time); undefined when one
 * entry was modified too recently to trust.
 */
export function treeLines(root: string, codeRoot: string): Lines | undefined {
  const seenAt = Date.now();
  const lines: string[] = [];
  const projects = root === codeRoot ? [root] : [root, codeRoot];
  for (const tree of CONTENT_TREES) walk(root, tree, seenAt, lines);
  lines.push("code");
  for (const tree of CODE_TREES) walk(codeRoot, tree, seenAt, lines);
  for (const [index, base] of projects.entries()) {
    for (const file of PROJECT_FILES) {
      lines.push(`${index}:${file} ${printOf(path.join(base, file), seenAt)}`);
    }
  }
  return trusted(lines) ? lines : undefined;
}

/** The article folders' fingerprints as the scan took them; undefined when one is too recent. */
export function articleLines(scan: FolderScan): Lines | undefined {
  const lines = [`${ARTICLES_PATH} ${scan.dirPrint || UNTRUSTED_MARK}`];
  for (const folder of scan.folders) {
    const mark = (print: string | undefined) =>
      print === undefined ? "-" : print === UNTRUSTED ? UNTRUSTED_MARK : print;
    if (folder.folderPrint === UNTRUSTED || folder.indexPrint === UNTRUSTED) return undefined;
    lines.push(
      `${folder.name} ${folder.isDirectory ? "d" : "f"} ${mark(folder.folderPrint)} ${mark(folder.indexPrint)}`,
    );
  }
  return trusted(lines) ? lines : undefined;
}

/** The named files' fingerprints now, to compare with the ones a build recorded. */
export function currentFileLines(root: string, files: readonly string[]): Lines {
  const seenAt = Date.now();
  return files.map((file) => `${file} ${printOf(path.join(root, file), seenAt)}`);
}

/** The digest of what decides the output besides files, and of every fingerprint. */
export function inputDigest(fixed: readonly string[], ...parts: readonly Lines[]): string {
  return sha256([...fixed, "", ...parts.flat()].join("\n"));
}

/**
 * The project-relative source of an image from its identity in the state (media-stage.ts,
 * page-media.ts, author-media.ts), or undefined for an identity of a form not known here.
 */
function imageSource(id: string): string | undefined {
  if (id.startsWith("profile:")) {
    const photo = id.slice(id.indexOf("#") + 1);
    return id.includes("#") && photo ? path.posix.join(AUTHORS_PATH, photo) : undefined;
  }
  try {
    const parsed = JSON.parse(id.startsWith("page:") ? id.slice("page:".length) : id) as unknown;
    return Array.isArray(parsed) && typeof parsed[0] === "string" ? parsed[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a walked tree already holds `file` (a project-relative path with `/`). */
function inWalkedTree(file: string): boolean {
  if (file === ARTICLES_PATH || file.startsWith(`${ARTICLES_PATH}/`)) return false;
  return CONTENT_TREES.some((tree) => file.startsWith(`${tree}/`));
}

/**
 * The files outside the walked trees that the build read, with the fingerprints it took
 * before reading them: every image source among the articles (a photo replaced in place changes
 * no folder's fingerprint) and every live/ folder and update. Undefined when one cannot be told
 * or was too recent to trust: then no manifest is kept.
 */
export function recordedFiles(
  articles: ReadonlyMap<string, ArticleEntry>,
  images: Readonly<Record<string, { readonly fingerprint: string }>>,
): { files: string[]; lines: Lines } | undefined {
  const prints = new Map<string, string>();
  for (const [id, entry] of Object.entries(images)) {
    const source = imageSource(id)?.split(path.sep).join("/");
    if (source === undefined || entry.fingerprint === UNTRUSTED) return undefined;
    if (!inWalkedTree(source)) prints.set(source, entry.fingerprint);
  }
  for (const [name, entry] of articles) {
    if (!entry.live) continue;
    const live = `${ARTICLES_PATH}/${name}/live`;
    if (entry.live.dir === UNTRUSTED) return undefined;
    prints.set(live, entry.live.dir);
    for (const [update, { print }] of Object.entries(entry.live.updates)) {
      if (print === UNTRUSTED) return undefined;
      prints.set(`${live}/${update}.md`, print);
    }
  }
  const files = [...prints.keys()].sort();
  return { files, lines: files.map((file) => `${file} ${prints.get(file)}`) };
}

/** What decides the instant until which a build's "now" changes nothing it makes. */
export interface TimeInputs {
  readonly nowMs: number;
  /** The next midnight in the site's zone: cards say "today", search splits by day, the year. */
  readonly nextDayMs: number;
  /** Published stories: an empty site's feeds are dated by the build's now itself. */
  readonly published: number;
  /** Every article, drafts and embargoed ones included. */
  readonly articles: Iterable<ArticleEntry>;
  readonly fronts: readonly FrontFile[];
}

/**
 * The first instant after `nowMs` at which the same inputs could build something else: an
 * embargo lifting, a story leaving the News sitemap's window, a live update's time, a blog's or
 * a banner's end, any other time a card carries, or the next day in the site's zone. Every time
 * the planner compares with "now" is among them (published.ts, front-stage.ts, live-stage.ts,
 * plan-fronts.ts, news.ts, search-parts.ts, card-view.ts); a time already past is harmless.
 */
export function validUntil(input: TimeInputs): number {
  const { nowMs } = input;
  if (input.published === 0) return nowMs;
  let until = input.nextDayMs;
  const consider = (ms: number | undefined) => {
    if (ms !== undefined && ms > nowMs && ms < until) until = ms;
  };
  const window = NEWS_WINDOW.toMillis();
  for (const { card, live } of input.articles) {
    consider(card.dateMs);
    consider(card.dateMs + window + 1);
    consider(card.updatedMs);
    consider(card.endedMs);
    for (const correction of card.corrections ?? []) consider(correction.dateMs);
    for (const update of Object.values(live?.updates ?? {})) consider(update.card.timeMs);
  }
  for (const front of input.fronts) consider(front.breaking?.until?.ms);
  return until;
}
