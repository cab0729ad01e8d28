/**
 * `npm run prune-cache`: removes what no article uses any more from the caches: encoded images
 * from the media cache (`.cache/media`, or BROADSHEET_CACHE_DIR), and parsed articles, rendered
 * pages and search-index parts the last builds no longer use from `.cache/build/`. Drafts and
 * embargoed articles count as used, so previewing them later does not re-encode their images.
 * Run it when no build is running.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ContentError } from "../content/issues.ts";
import { loadSite } from "../content/load-site.ts";
import { contentOptionsFromEnv } from "../content/options.ts";
import { formatIssues } from "../content/report.ts";
import { parseKeyOf, readArticles, statArticles } from "../engine/article-scan.ts";
import { previousProfileImages, runProfileMedia } from "../engine/author-media.ts";
import { scanAuthors } from "../engine/author-scan.ts";
import { mediaCodeVersion } from "../engine/build-code-keys.ts";
import { CodeVersions } from "../engine/code-version.ts";
import { FileSetStore } from "../engine/file-set-store.ts";
import { runMediaStage } from "../engine/media-stage.ts";
import { PackStore } from "../engine/pack-store.ts";
import { RecordStore } from "../engine/record-store.ts";
import { loadState } from "../engine/state.ts";
import {
  adminDir,
  pagesDir,
  recordsDir,
  searchDir,
  serveTarget,
  siteTarget,
} from "../engine/target.ts";
import { imageFiles } from "../media/files.ts";
import { pruneCache } from "../media/index.ts";

const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** Prunes the caches of the project at `root`; returns how many files were removed. */
export async function pruneMediaCache(root: string): Promise<number> {
  const content = {
    ...contentOptionsFromEnv(process.env, root),
    includeDrafts: true,
    includeFuture: true,
  };
  const site = loadSite(content);
  if (!site.ok) throw new ContentError(site.issues);
  const target = siteTarget(root);
  const previous = loadState(target);
  const state = "state" in previous ? previous.state : undefined;
  const code = new CodeVersions(REPO_ROOT);
  const parseKey = parseKeyOf(
    code.ofAll(["scripts/content/load-article.ts", "scripts/content/card.ts"]),
    site.value,
  );
  const stat = statArticles(
    root,
    site.value,
    state?.articles ?? {},
    state?.globals.code.parse === parseKey,
  );
  const read = readArticles(
    root,
    site.value,
    parseKey,
    new RecordStore(recordsDir(target)),
    stat.pending,
  );
  const issues = [...stat.issues, ...read.issues];
  if (issues.length > 0) throw new ContentError(issues);
  const scan = { entries: new Map([...stat.kept, ...read.entries]) };
  const cacheDir = process.env.BROADSHEET_CACHE_DIR ?? path.join(root, ".cache", "media");
  // With an image CDN only the masters are in use: the encodings of earlier builds go.
  // The image pipeline's code version is part of every image's key, as in the build.
  const codeVersion = mediaCodeVersion(code);
  const media = await runMediaStage(root, scan.entries, state?.images ?? {}, {
    cacheDir,
    cdn: site.value.imageCdn,
    codeVersion,
  });
  // Author photos are images in use too.
  const authors = scanAuthors(
    root,
    state?.authors ?? {},
    code.of("scripts/content/load-author.ts"),
  );
  const portraits = await runProfileMedia(
    root,
    [...authors.entries.values()].map((entry) => entry.profile),
    previousProfileImages(state?.images ?? {}),
    { cacheDir, cdn: site.value.imageCdn, codeVersion },
  );
  const problems = [...media.issues, ...authors.issues, ...portraits.issues];
  if (problems.length > 0) throw new ContentError(problems);
  const files = [...Object.values(media.images), ...Object.values(portraits.images)].flatMap(
    (entry) => imageFiles(entry.image),
  );
  let { removed } = await pruneCache(files, { cacheDir });
  for (const each of [siteTarget(root), serveTarget(root)]) {
    const loaded = loadState(each);
    if (!("state" in loaded)) continue;
    const kept = loaded.state;
    removed += new PackStore(recordsDir(each)).sweep(
      Object.values(kept.articles).map((entry) => entry.record),
    );
    removed += new PackStore(pagesDir(each)).sweep(
      Object.values(kept.pages).map((page) => page.ref),
    );
    removed += new PackStore(searchDir(each)).sweep(
      Object.values(kept.search).flatMap((part) => part.files.map((file) => file.ref)),
    );
    removed += new FileSetStore(adminDir(each), "admin").sweep(
      new Set(kept.admin ? [kept.admin] : []),
    );
  }
  return removed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  pruneMediaCache(process.cwd()).then(
    (removed) =>
      console.log(`Removed ${removed} unused file${removed === 1 ? "" : "s"} from the caches.`),
    (error: unknown) => {
      if (error instanceof ContentError)
        console.error(formatIssues(error.issues, process.stderr.isTTY === true));
      else
        console.error(
          `Pruning the caches failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      process.exitCode = 1;
    },
  );
}
