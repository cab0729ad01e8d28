/**
 * `npm run prune-cache`: removes encoded images that no article uses any more from the media
 * cache (`.cache/media`, or BROADSHEET_CACHE_DIR). Drafts and embargoed articles count as used,
 * so previewing them later does not re-encode their images. Run it when no build is running.
 */
import { pathToFileURL } from "node:url";
import { ContentError } from "../content/issues.ts";
import { contentOptionsFromEnv } from "../content/options.ts";
import { formatIssues } from "../content/report.ts";
import { pruneCache } from "../media/index.ts";
import { prepareSite } from "../site/prepare.ts";

/** Prunes the cache of the project at `root`; returns how many files were removed. */
export async function pruneMediaCache(root: string): Promise<number> {
  const options = {
    ...contentOptionsFromEnv(process.env, root),
    includeDrafts: true,
    includeFuture: true,
  };
  const data = await prepareSite(options);
  const { removed } = await pruneCache(data.mediaResult, data.mediaOptions);
  return removed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  pruneMediaCache(process.cwd()).then(
    (removed) =>
      console.log(
        `Removed ${removed} unused file${removed === 1 ? "" : "s"} from the media cache.`,
      ),
    (error: unknown) => {
      if (error instanceof ContentError)
        console.error(formatIssues(error.issues, process.stderr.isTTY === true));
      else
        console.error(
          `Pruning the media cache failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      process.exitCode = 1;
    },
  );
}
