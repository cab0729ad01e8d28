/**
 * One build of a target, from content/ to its output folder, doing only what changed since the
 * last successful build:
 *
 * 1. the site configuration is validated;
 * 2. every article folder is fingerprinted; changed ones are hashed, and parsed only if their
 *    content changed (article-scan.ts);
 * 3. the images of the published articles are made or reused (media-stage.ts);
 * 4. every page is planned with the key of what it shows (page-plan.ts); pages whose key changed
 *    are rendered (render-pool.ts), and search-index parts whose key changed are re-indexed
 *    (search-index.ts), side by side;
 * 5. rendered pages and every article body's links are checked; any problem stops the build
 *    with all of them listed, before anything is published;
 * 6. the output is published (commit.ts), then the state is saved and unused cache entries go.
 *
 * The output of a build is byte-identical to a build from an empty cache of the same content:
 * keys decide only whether work is redone, never what it produces.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ContentError, type ContentIssue } from "../content/issues.ts";
import { loadSite } from "../content/load-site.ts";
import type { ContentOptions } from "../content/options.ts";
import { imageFiles } from "../media/files.ts";
import type { MediaOptions, MediaProgress } from "../media/index.ts";
import { assetPaths, loadAssets } from "../site/assets.ts";
import { bodyLinkIssues } from "../site/check-output.ts";
import { PAGE_TEMPLATES, type PageKind, type PageSpec } from "../site/page-specs.ts";
import { type SearchPart, searchParts } from "../site/search-parts.ts";
import { createStaging } from "../site/staging.ts";
import { adminKey, adminUnit } from "./admin-stage.ts";
import { parseKeyOf, statArticles } from "./article-scan.ts";
import { CodeVersions } from "./code-version.ts";
import { type CommitStats, canUpdateInPlace, commitOutputs, DamagedCacheError } from "./commit.ts";
import { FileSetStore, type StoredFileSet } from "./file-set-store.ts";
import { jsonKey } from "./hashing.ts";
import { runMediaStage } from "./media-stage.ts";
import { linkableFiles, outputSet } from "./output-set.ts";
import { planPages } from "./page-plan.ts";
import { PageStore } from "./page-store.ts";
import { READ_THRESHOLD, RENDER_THRESHOLD, readAll, renderAll } from "./passes.ts";
import { plannedArticles, selectPublished, urlCollisions } from "./published.ts";
import { globalReasons } from "./reasons.ts";
import { RecordStore } from "./record-store.ts";
import { indexParts, partKey } from "./search-index.ts";
import { type BuildGlobals, type BuildState, loadState, type NoState, saveState } from "./state.ts";
import { adminDir, type BuildTarget, pagesDir, recordsDir, searchDir } from "./target.ts";
import { WorkerPool, wantsWorkers, workerCount } from "./worker-pool.ts";

/** Broadsheet's own folder: code versions are computed from its sources and packages. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildOptions {
  readonly content: ContentOptions;
  readonly target: BuildTarget;
  readonly media: Partial<MediaOptions>;
  readonly onMediaProgress?: (progress: MediaProgress) => void;
  /**
   * Keep the last build's search index as it was (the dev server publishes pages at once, then
   * runs a second build for the index). Ignored when there is no last build.
   */
  readonly skipSearch?: boolean;
  /** Called as each step ends, with its name and duration. */
  readonly onStep?: (name: string, ms: number) => void;
}

export interface BuildSummary {
  readonly articles: number;
  readonly held: { readonly drafts: number; readonly embargoed: number };
  readonly parsed: number;
  readonly pages: { readonly total: number; readonly rendered: number };
  readonly images: { readonly total: number; readonly encoded: number; readonly reused: number };
  readonly search: { readonly parts: number; readonly indexed: number };
  readonly files: number;
  readonly commit: CommitStats;
  /** Why pages were rendered, when something changed every page of a kind. */
  readonly reasons: readonly string[];
  /** Output files written or removed by this build. */
  readonly changed: readonly string[];
}

/** Each page kind's code version: its template and everything rendering pulls in. */
function versionsOf(code: CodeVersions): { [kind in PageKind]: string } {
  const shared = ["scripts/engine/render-pages.ts", "scripts/site/render.ts"];
  const versions = {} as { [kind in PageKind]: string };
  for (const [kind, template] of Object.entries(PAGE_TEMPLATES) as [PageKind, string][]) {
    versions[kind] = code.ofAll([`layouts/pages/${template}`, ...shared]);
  }
  return versions;
}

/**
 * Builds the target. Throws ContentError with every problem when the content is not valid. A
 * cached file found damaged on its way into the site is deleted and the build run once more, so
 * it is made again rather than published.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  try {
    return await buildOnce(options, new Set());
  } catch (error) {
    if (!(error instanceof DamagedCacheError)) throw error;
    for (const file of error.files) rmSync(file, { force: true });
    return buildOnce(options, new Set(error.files.map((file) => path.basename(file))));
  }
}

async function buildOnce(
  options: BuildOptions,
  damaged: ReadonlySet<string>,
): Promise<BuildSummary> {
  const { content, target } = options;
  const root = content.root;
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    options.onStep?.(name, performance.now() - started);
    return result;
  };

  const staging = createStaging(root, path.relative(root, target.outputDir));
  let pool: WorkerPool | undefined;
  try {
    const loaded = loadSite(content);
    if (!loaded.ok) throw new ContentError(loaded.issues);
    const site = loaded.value;
    const code = new CodeVersions(REPO_ROOT);
    const versions = versionsOf(code);
    const parseKey = parseKeyOf(
      code.ofAll(["scripts/content/load-article.ts", "scripts/content/card.ts"]),
      site,
    );
    const searchVersion = code.of("scripts/engine/search-index.ts");
    const previous = loadState(target);
    const state: BuildState | undefined = "state" in previous ? previous.state : undefined;
    const missing: NoState | undefined = "why" in previous ? previous.why : undefined;
    const inPlace = state !== undefined && canUpdateInPlace(target);
    const records = new RecordStore(recordsDir(target));
    const pageStore = new PageStore(pagesDir(target));
    const partStore = new FileSetStore(searchDir(target), "search-part");
    const adminStore = new FileSetStore(adminDir(target), "admin");

    const stat = await step("finding articles", () =>
      statArticles(root, site, state?.articles ?? {}, state?.globals.code.parse === parseKey),
    );
    if (wantsWorkers(stat.pending.length, READ_THRESHOLD)) {
      pool = new WorkerPool(workerCount());
      pool.broadcast({
        type: "read-setup",
        setup: { root, site, parseKey, recordsDir: recordsDir(target) },
      });
    }
    const read = await step("reading articles", () =>
      readAll(
        stat.pending,
        { root, site, parseKey, recordsDir: recordsDir(target) },
        records,
        pool,
      ),
    );
    const entries = new Map(
      [...stat.kept, ...read.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const scan = { entries, stats: { parsed: read.parsed } };
    const issues: ContentIssue[] = [...stat.issues, ...read.issues, ...urlCollisions(entries)];
    const published = selectPublished(scan.entries, content);
    const publishedMap = new Map(published.entries);
    // Images whose encodings were found damaged are made again, not taken from the last build.
    const previousImages = Object.fromEntries(
      Object.entries(state?.images ?? {}).filter(
        ([, entry]) => !imageFiles(entry.image).some((file) => damaged.has(path.basename(file))),
      ),
    );
    const media = await step("making images", () =>
      runMediaStage(root, publishedMap, previousImages, options.media, options.onMediaProgress),
    );
    issues.push(...media.issues);
    if (issues.length > 0) throw new ContentError(sortIssues(issues));

    const articles = plannedArticles(published, media.byArticle);
    const assets = loadAssets(root, site.logo.src);
    const paths = assetPaths(assets);
    const nowMs = content.now.toMillis();
    const year = content.now.setZone(site.timeZone).year;
    const parts = keptParts(options.skipSearch ? state : undefined, partStore) ??
      searchParts(articles, nowMs, site.timeZone).map((part) => ({
        part,
        key: partKey(part, site.language, searchVersion),
      }));
    const plan = await step("planning pages", () =>
      planPages({
        site,
        assets: paths,
        nowMs,
        nowIso: content.now.toISO() ?? "",
        year,
        articles,
        searchParts: parts.map(({ part }) => part.id),
        versions,
      }),
    );

    const dirty: PageSpec[] = [];
    const pages: Record<string, { key: string; hash: string }> = {};
    for (const page of plan) {
      const before = state?.pages[page.file];
      if (before && before.key === page.key && (inPlace || pageStore.holds(before.hash))) {
        pages[page.file] = before;
      } else {
        dirty.push(page.spec());
      }
    }
    const linkable = linkableFiles(plan, media.images, assets);

    // Pagefind indexes in its own process while the pages render.
    const reusedParts = new Map<string, StoredFileSet>();
    const toIndex = parts.filter(({ part, key }) => {
      const known = state?.search[part.id] === key;
      const stored = partStore.read(key, !(known && inPlace));
      if (stored) reusedParts.set(key, stored);
      return !stored;
    });
    const indexing = indexParts(toIndex, site.language, records, partStore);
    indexing.catch(() => undefined);
    const renderSetup = {
      root,
      context: { site, assets: paths, year },
      recordsDir: recordsDir(target),
      pagesDir: pagesDir(target),
      scratchDir: path.join(staging.dir, ".eleventy"),
      stagingDir: staging.dir,
      files: linkable,
    };
    const renderPool = wantsWorkers(dirty.length, RENDER_THRESHOLD)
      ? (pool ??= new WorkerPool(workerCount()))
      : undefined;
    renderPool?.broadcast({ type: "render-setup", setup: renderSetup });
    const rendered = await step("rendering pages", () => renderAll(dirty, renderSetup, renderPool));
    const indexed = await step("indexing search", () => indexing);
    const admin = await step("making the editors' web UI", () => {
      const key = adminKey(site, root, code);
      return adminUnit(site, root, key, adminStore, !(inPlace && state?.admin === key));
    });
    const keys = new Map(plan.map((page) => [page.file, page.key]));
    for (const page of rendered)
      pages[page.file] = { key: keys.get(page.file) ?? "", hash: page.hash };
    const problems = [
      ...rendered.flatMap((page) => page.issues),
      ...bodyLinkIssues(
        articles.map((article) => article.card),
        new Set(linkable),
        site.pathPrefix,
      ),
    ];
    if (problems.length > 0) throw new ContentError(sortIssues(problems));

    const storedParts = new Map([...reusedParts, ...indexed]);
    const outputs = outputSet({
      plan,
      images: media.images,
      assets,
      parts: parts.map(({ part, key }) => {
        const stored = storedParts.get(key);
        if (!stored) throw new Error(`search: part ${part.id} was neither reused nor indexed`);
        return { id: part.id, key, stored };
      }),
      pages,
      pageStore,
      partStore,
      admin: admin ? { ...admin, store: adminStore } : undefined,
      mediaCacheDir: options.media.cacheDir ?? path.join(root, ".cache", "media"),
    });
    const previousFiles = state
      ? new Map<string, string>([
          ...Object.entries(state.pages).map(([file, page]): [string, string] => [file, page.hash]),
          ...Object.entries(state.files),
        ])
      : undefined;
    const commit = await step("publishing", () =>
      commitOutputs(
        target,
        staging,
        outputs.planned,
        inPlace ? previousFiles : undefined,
        new Set(rendered.map((page) => page.file)),
      ),
    );

    const globals: BuildGlobals = {
      code: { ...versions, parse: parseKey, search: searchVersion },
      site: jsonKey(site),
      assets: { ...paths },
      year,
    };
    const next: BuildState = {
      globals,
      articles: Object.fromEntries(scan.entries),
      images: media.images,
      pages,
      files: outputs.identities,
      search: Object.fromEntries(parts.map(({ part, key }) => [part.id, key])),
      ...(admin ? { admin: admin.key } : {}),
    };
    await step("saving the build state", () => saveState(target, next));
    collectGarbage(state, next, records, pageStore, partStore, adminStore);

    const changed = previousFiles
      ? [...outputs.planned.keys()].filter(
          (file) => previousFiles.get(file) !== outputs.planned.get(file)?.identity,
        )
      : [...outputs.planned.keys()];
    return {
      articles: articles.length,
      held: published.held,
      parsed: scan.stats.parsed,
      pages: { total: plan.length, rendered: rendered.length },
      images: media.stats,
      search: { parts: parts.length, indexed: toIndex.length },
      files: outputs.planned.size,
      commit,
      reasons: rendered.length > 0 ? globalReasons(state?.globals, globals, missing) : [],
      changed,
    };
  } catch (error) {
    staging.discard();
    throw error;
  } finally {
    pool?.close();
  }
}

/** The last build's search parts, when all are still stored: what a build skipping search keeps. */
function keptParts(
  state: BuildState | undefined,
  store: FileSetStore,
): { part: SearchPart; key: string }[] | undefined {
  if (!state) return undefined;
  const parts = Object.entries(state.search)
    .map(([id, key]) => ({ part: { id, articles: [] }, key }))
    .sort((a, b) => (a.part.id < b.part.id ? 1 : -1));
  return parts.every(({ key }) => store.read(key, false)) ? parts : undefined;
}

function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Removes cache entries the last build used and this one does not. */
function collectGarbage(
  before: BuildState | undefined,
  after: BuildState,
  records: RecordStore,
  pages: PageStore,
  parts: FileSetStore,
  admin: FileSetStore,
): void {
  if (!before) return;
  const usedRecords = new Set(Object.values(after.articles).map((entry) => entry.recordKey));
  for (const entry of Object.values(before.articles)) {
    if (!usedRecords.has(entry.recordKey)) records.remove(entry.recordKey);
  }
  const usedPages = new Set(Object.values(after.pages).map((page) => page.hash));
  for (const page of Object.values(before.pages)) {
    if (!usedPages.has(page.hash)) pages.remove(page.hash);
  }
  const usedParts = new Set(Object.values(after.search));
  for (const key of Object.values(before.search)) {
    if (!usedParts.has(key)) parts.remove(key);
  }
  if (before.admin && before.admin !== after.admin) admin.remove(before.admin);
}
