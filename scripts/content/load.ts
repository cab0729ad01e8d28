/**
 * The whole site's content loaded in one process, without the build's caches: what the content
 * tests and the benchmark's checks read. The build itself scans and reads through
 * scripts/engine/article-scan.ts, by the same per-article loader and the same folder rules.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { ARTICLES_PATH, noIndexIssue, notInFolderIssue } from "./article-folders.ts";
import type { Checked, ContentIssue } from "./issues.ts";
import { loadArticle } from "./load-article.ts";
import { loadSite } from "./load-site.ts";
import type { Article, Site } from "./model.ts";
import { type ContentOptions, heldReason } from "./options.ts";

/** Everything the site is built from, validated. */
export interface SiteContent {
  readonly site: Site;
  /** What this build publishes, newest first. */
  readonly articles: readonly Article[];
  /** Valid articles this build holds back, and why. */
  readonly held: { readonly drafts: number; readonly embargoed: number };
  readonly options: ContentOptions;
}

/** Every valid article and every problem found, so later stages can check the valid ones too. */
export interface ContentScan {
  /** What the build would publish from the valid articles. */
  readonly content: SiteContent;
  /** Problems in the articles that are not valid. */
  readonly issues: readonly ContentIssue[];
}

/**
 * Loads and validates the site configuration and every article. Every problem in every file is
 * collected, so one run reports them all.
 */
export function loadContent(options: ContentOptions): Checked<SiteContent> {
  const scan = scanContent(options);
  if (!scan.ok) return scan;
  if (scan.value.issues.length > 0) return { ok: false, issues: scan.value.issues };
  return { ok: true, value: scan.value.content };
}

/**
 * Like {@link loadContent}, but keeps the valid articles beside the problems of the others, so
 * the media stage can check their images in the same run. Fails only when the site
 * configuration itself is invalid.
 */
export function scanContent(options: ContentOptions): Checked<ContentScan> {
  const site = loadSite(options);
  if (!site.ok) return site;
  const articlesDir = path.join(options.root, ARTICLES_PATH);
  const issues: ContentIssue[] = [];
  const articles: Article[] = [];
  const entries = existsSync(articlesDir) ? readdirSync(articlesDir, { withFileTypes: true }) : [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const folder = path.join(articlesDir, entry.name);
    const relative = `${ARTICLES_PATH}/${entry.name}`;
    if (!entry.isDirectory()) {
      issues.push(notInFolderIssue(relative));
      continue;
    }
    if (!existsSync(path.join(folder, "index.md"))) {
      issues.push(noIndexIssue(relative, folder));
      continue;
    }
    const result = loadArticle(folder, `${relative}/index.md`, site.value);
    if (result.ok) articles.push(result.value);
    else issues.push(...result.issues);
  }
  issues.push(...caseCollisions(articles));
  return {
    ok: true,
    value: {
      content: { site: site.value, ...selectPublished(articles, options), options },
      issues,
    },
  };
}

/**
 * What a build publishes: drafts only when asked, future-dated (embargoed) articles only when
 * asked; newest first, ties broken by slug so the order never depends on the disk.
 */
export function selectPublished(
  articles: readonly Article[],
  options: Pick<ContentOptions, "now" | "includeDrafts" | "includeFuture">,
): Pick<SiteContent, "articles" | "held"> {
  let drafts = 0;
  let embargoed = 0;
  const nowMs = options.now.toMillis();
  const published = articles.filter((article) => {
    const reason = heldReason(
      { draft: article.draft, atMs: article.date.toMillis() },
      nowMs,
      options,
    );
    if (reason === "draft") drafts++;
    if (reason === "embargoed") embargoed++;
    return reason === undefined;
  });
  published.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.slug.localeCompare(b.slug));
  return { articles: published, held: { drafts, embargoed } };
}

/** Two articles must never claim the same URL. */
function caseCollisions(articles: readonly Article[]): ContentIssue[] {
  const byUrl = new Map<string, Article>();
  const issues: ContentIssue[] = [];
  for (const article of articles) {
    const key = article.url.toLowerCase();
    const other = byUrl.get(key);
    if (other) {
      issues.push({
        file: article.sourcePath,
        message: `This article has the same URL (${article.url}) as ${other.sourcePath}.`,
        fix: "Rename one of the two folders so each article has its own slug.",
      });
    }
    byUrl.set(key, article);
  }
  return issues;
}
