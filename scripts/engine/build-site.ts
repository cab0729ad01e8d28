/**
 * One build of a target, from content/ to its output folder, doing only what changed since the
 * last successful build:
 *
 * 1. the site configuration is validated;
 * 2. every article folder is fingerprinted; changed ones are read, and parsed only if their
 *    content changed (article-scan.ts);
 * 3. the images of the published articles are made or reused (media-stage.ts);
 * 4. every page is planned with the key of what it shows (page-plan.ts); pages whose key changed
 *    are rendered (passes.ts), and search-index parts whose key changed are re-indexed
 *    (search-stage.ts), side by side;
 * 5. rendered pages and every article body's links are checked; any problem stops the build
 *    with all of them listed, before anything is published;
 * 6. the output is published and the state recorded as one transaction (transaction.ts).
 *
 * One build of a target runs at a time (build-lock.ts); a build that finds the last one's publish
 * interrupted finishes it (recovery.ts).
 *
 * The output of a build is byte-identical to a build from an empty cache of the same content:
 * keys decide only whether work is redone, never what it produces.
 */
import path from "node:path";
import { ContentError } from "../content/issues.ts";
import { loadSite } from "../content/load-site.ts";
import { loadAssets } from "../site/assets.ts";
import { plannedIndex } from "../site/bylines.ts";
import { recentSince } from "../site/card-view.ts";
import { bodyLinkIssues } from "../site/check-output.ts";
import { keptLogoIcons } from "../site/icons.ts";
import { createStaging } from "../site/staging.ts";
import { adminKey, adminUnit } from "./admin-stage.ts";
import { runArticleStage } from "./article-stage.ts";
import { buildCodeKeys, iconCodeVersion, REPO_ROOT } from "./build-code-keys.ts";
import { filesWithProblems, sortIssues } from "./build-issues.ts";
import { acquireBuildLock } from "./build-lock.ts";
import type { BuildOptions, BuildSummary } from "./build-types.ts";
import { openStores } from "./cache-collect.ts";
import { removeCacheEntry } from "./cache-write.ts";
import { scanArticleFolders } from "./folder-scan.ts";
import { runFrontStage } from "./front-stage.ts";
import { jsonKey } from "./hashing.ts";
import { heldCounts, heldUpdates } from "./held-report.ts";
import { runImageStages } from "./image-stages.ts";
import { checkInputs, nothingDone } from "./input-manifest.ts";
import {
  liveBlogs,
  liveLinkSources,
  loadUpdateRecord,
  publishedLive,
  runningLiveBlogs,
} from "./live-stage.ts";
import { linkableFiles, outputSet } from "./output-set.ts";
import { planPages } from "./page-plan.ts";
import { changedOutputs, previousOutputs, renderedEntries, splitPlan } from "./page-reuse.ts";
import { pagesPart } from "./page-search.ts";
import { RENDER_THRESHOLD, renderAll } from "./passes.ts";
import { footerKey, standingClashes } from "./plan-standing-pages.ts";
import { plannedArticles, selectPublished, urlCollisions } from "./published.ts";
import { globalReasons } from "./reasons.ts";
import { RecordStore } from "./record-store.ts";
import { startingPoint } from "./recovery.ts";
import { startSearchStage } from "./search-stage.ts";
import { DamagedCacheError } from "./stage-outputs.ts";
import type { BuildGlobals, BuildState, NoState } from "./state.ts";
import { pagesDir, recordsDir, searchDir } from "./target.ts";
import { publish } from "./transaction.ts";
import { WorkerPool, wantsWorkers, workerCount } from "./worker-pool.ts";

/**
 * Builds the target. Throws ContentError with every problem when the content is not valid. A
 * cached image file found damaged on its way into the site is deleted and the build run once
 * more, so it is made again rather than published.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const lock = await acquireBuildLock(options.target, options.onLockWait);
  try {
    return await buildOnce(options, new Set());
  } catch (error) {
    if (!(error instanceof DamagedCacheError)) throw error;
    for (const file of error.files) removeCacheEntry(file);
    return buildOnce(options, new Set(error.files.map((file) => path.basename(file))));
  } finally {
    lock.release();
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
    options.onStepStart?.(name);
    const result = await run();
    options.onStep?.(name, performance.now() - started);
    return result;
  };
  const staging = createStaging(root, path.relative(root, target.outputDir));
  const records = new RecordStore(recordsDir(target));
  const stores = openStores(target, records);
  let pool: WorkerPool | undefined;
  try {
    const loaded = loadSite(content);
    if (!loaded.ok) throw new ContentError(loaded.issues);
    const site = loaded.value;
    const keys = await step("hashing the code", () => buildCodeKeys(site));
    const { code, pages: versions, parse: parseKey, search: searchVersion } = keys;
    // 0. Whether anything changed at all, from the folders' fingerprints the scan below uses
    // and the other inputs' (input-manifest.ts): if not, nothing is loaded, planned or written.
    const scan = await step("finding articles", () => scanArticleFolders(root));
    const inputs = await step("checking for changes", () =>
      checkInputs({ options, keys, codeRoot: REPO_ROOT, site, scan }),
    );
    if (inputs.unchanged) return nothingDone(inputs.unchanged);
    const start = await step("loading the last build's state", () => startingPoint(target));
    const state: BuildState | undefined = start.loaded?.state;
    const missing: NoState | undefined = start.why;
    // Whether `_site/` holds the last state's files as they are: then what is there needs no
    // check. After an interrupted publish, or without a record of `_site/`, everything reused
    // is read back from the cache and checked.
    const inPlace = start.site.kind === "known" && start.site.uncertain.size === 0;

    // 1-2. Articles: fingerprints, and the content of those whose fingerprints changed; then
    // parsing what changed (on workers when there is much), and live blogs' updates.
    const articleStage = await runArticleStage({
      root,
      site,
      parseKey,
      liveParseKey: code.of("scripts/content/live/update.ts"),
      state,
      scan,
      records,
      recordsDir: recordsDir(target),
      step,
    });
    pool = articleStage.pool;
    const { entries } = articleStage;
    const issues = [...articleStage.issues, ...urlCollisions(entries)];
    const published = selectPublished(entries, content);
    const updates = publishedLive(published.entries, content);
    // Fronts and hand-picked stories, checked against every article folder (front-stage.ts).
    const fronts = await step("reading fronts", () =>
      runFrontStage({
        root,
        site,
        folders: articleStage.folders,
        entries,
        published,
        content,
      }),
    );
    issues.push(...fronts.issues);

    // 3. Images, author profiles and standing pages, each with their photos (image-stages.ts).
    const { media, authors, standing, images, ...made } = await runImageStages({
      options,
      site,
      keys,
      state,
      damaged,
      entries,
      published,
      updates,
      unloaded: filesWithProblems(issues),
      step,
    });
    issues.push(...made.issues);
    if (issues.length > 0) throw new ContentError(sortIssues(issues));

    // 4. The plan, and the work it asks for.
    const profileIndex = plannedIndex(authors.profiles);
    const articles = plannedArticles(
      published,
      media.byArticle,
      profileIndex,
      liveBlogs(published.entries, updates, media.byArticle, content, profileIndex),
      // Cards show the time of stories from the build's day and the day before.
      recentSince(content.now.toMillis(), site.timeZone),
    );
    const { files: assets, paths } = await loadAssets(root, site, (logo) =>
      keptLogoIcons(logo, iconCodeVersion(code)),
    );
    const nowMs = content.now.toMillis();
    const year = content.now.setZone(site.timeZone).year;
    const search = startSearchStage({
      root,
      site,
      articles,
      nowMs,
      codeVersion: searchVersion,
      state,
      inPlace,
      skip: options.skipSearch === true,
      records,
      store: stores.search,
      ...(pool ? { pool } : {}),
      dirs: { records: recordsDir(target), search: searchDir(target) },
      extra: pagesPart(standing.plan.pages, site.language, searchVersion),
    });
    const plan = await step("planning pages", () =>
      planPages({
        site,
        assets: paths,
        nowMs,
        nowIso: content.now.toISO() ?? "",
        year,
        articles,
        searchParts: search.ids,
        versions,
        profiles: authors.profiles,
        standing: standing.plan,
        readUpdate: (update) =>
          loadUpdateRecord(records.packs, update.record, root, update.card.sourcePath),
        fronts: fronts.fronts,
      }),
    );
    // Specs are built batch by batch as rendering reaches them: a cold build of 100,000
    // articles would otherwise hold every page's data at once.
    const { reused, dirty } = splitPlan(
      plan,
      state?.pages,
      (ref) => inPlace || stores.pages.holds(ref),
    );
    const linkable = linkableFiles(plan, images, assets);
    const renderSetup = {
      root,
      context: {
        site,
        assets: paths,
        year,
        footer: standing.plan.footer,
        policies: standing.plan.policies,
      },
      recordsDir: recordsDir(target),
      pagesDir: pagesDir(target),
      scratchDir: path.join(staging.dir, ".eleventy"),
      stagingDir: staging.dir,
      files: linkable,
    };
    const useWorkers = wantsWorkers(dirty.length, RENDER_THRESHOLD);
    if (useWorkers) {
      pool ??= new WorkerPool(workerCount());
      pool.broadcast({ type: "render-setup", setup: renderSetup });
    }
    const rendered = await step("rendering pages", () =>
      renderAll(dirty, renderSetup, useWorkers ? pool : undefined),
    );
    const parts = await step("indexing search", () => search.entries);
    const admin = await step("making the editors' web UI", () => {
      const running = runningLiveBlogs(entries, content);
      // The preview's bylines name the profiles (scripts/cms/preview/).
      const profiles = authors.profiles.map((planned) => planned.profile);
      const key = adminKey(site, root, code, profiles, running);
      const verify = !(inPlace && state?.admin === key);
      return adminUnit(site, root, key, stores.admin, verify, profiles, running);
    });
    const pages = { ...reused, ...renderedEntries(rendered, plan, state?.pages, Date.now()) };

    // 5. Checks: every problem at once, before anything is published.
    const problems = [
      ...rendered.flatMap((page) => page.issues),
      ...bodyLinkIssues(
        [
          ...articles.map((article) => article.card),
          ...standing.plan.pages.map((p) => p.record.card),
          ...liveLinkSources(updates),
        ],
        new Set(linkable),
        site.pathPrefix,
      ),
      ...standingClashes(plan, standing.plan),
    ];
    if (problems.length > 0) throw new ContentError(sortIssues(problems));

    // 6. Publishing, then the state.
    const outputs = outputSet({
      plan,
      images,
      assets,
      parts,
      pages,
      pageStore: stores.pages,
      searchStore: stores.search,
      admin: admin ? { ...admin, store: stores.admin } : undefined,
      mediaCacheDir: options.media.cacheDir ?? path.join(root, ".cache", "media"),
    });
    // What the last build published: the starting point worked it out when it trusts `_site/`.
    const previousFiles = start.site.kind === "known" ? start.site.files : previousOutputs(state);
    const globals: BuildGlobals = {
      code: { ...versions, parse: parseKey, search: searchVersion },
      site: jsonKey(site),
      assets: { ...paths },
      year,
      footer: footerKey(standing.plan),
    };
    const commit = await step("publishing", () =>
      publish({
        target,
        staging,
        outputs: outputs.planned,
        site: start.site,
        interrupted: start.interrupted,
        staged: new Set(rendered.map((page) => page.file)),
        before: state,
        started: start.loaded,
        after: {
          globals,
          articles: Object.fromEntries(entries),
          authors: authors.entries,
          standing: standing.entries,
          images,
          pages,
          files: outputs.identities,
          search: Object.fromEntries(parts),
          ...(admin ? { admin: admin.key } : {}),
        },
        stores,
      }),
    );

    // Held back: articles, and the updates of the live blogs that are published.
    const waiting = [...published.waiting, ...heldUpdates(published.entries, content)];
    const summary = {
      articles: articles.length,
      held: heldCounts(waiting),
      waitingPicks: fronts.waiting,
      waiting,
      timeZone: site.timeZone,
      parsed: articleStage.parsed,
      live: articleStage.live,
      pages: { total: plan.length, rendered: rendered.length },
      images: made.stats,
      search: { parts: search.ids.length, indexed: search.indexing },
      files: outputs.planned.size,
    };
    // What the next build compares its inputs with, now that the state is recorded.
    inputs.record({
      articles: entries,
      images,
      fronts: fronts.fronts.files,
      nextDayMs: content.now.setZone(site.timeZone).startOf("day").plus({ days: 1 }).toMillis(),
      summary,
    });
    return {
      ...summary,
      commit,
      reasons: rendered.length > 0 ? globalReasons(state?.globals, globals, missing) : [],
      changed: changedOutputs(outputs.planned, previousFiles),
    };
  } catch (error) {
    staging.discard();
    throw error;
  } finally {
    pool?.close();
    for (const store of [stores.records, stores.pages, stores.search]) store.close();
  }
}
