/**
 * The two heavy passes of a build, in the build's own process or spread over workers: reading
 * articles, and rendering pages. Both give the same result either way; workers are worth their
 * start-up only for thousands of items (a cold build, or a change every page shows).
 */

import type { PageSpec } from "../site/page-specs.ts";
import { type PendingArticle, type ReadResult, readArticles } from "./article-scan.ts";
import type { RecordStore } from "./record-store.ts";
import { PageRenderer, type RenderedPage, type RenderSetup } from "./render-pages.ts";
import { batchesOf, type WorkerPool } from "./worker-pool.ts";
import type { ReadSetup } from "./worker-protocol.ts";

/**
 * Folders per read job, and the fewest worth workers: parsing one takes about a millisecond.
 *
 * @default 250, 600
 */
export const READ_BATCH = 250;
export const READ_THRESHOLD = 600;

/**
 * Pages per Eleventy run: Eleventy's start-up (about 0.1 s) stays small beside the rendering,
 * and a batch's pages and bodies stay a few megabytes. Below the threshold, rendering in the
 * build's own process is faster than starting workers.
 *
 * @default 500, 1500
 */
export const RENDER_BATCH = 500;
export const RENDER_THRESHOLD = 1500;

/** Reads pending folders, on `pool` when given. Entries keep the order of `pending`. */
export async function readAll(
  pending: readonly PendingArticle[],
  setup: ReadSetup,
  records: RecordStore,
  pool?: WorkerPool,
): Promise<ReadResult> {
  if (!pool) return readArticles(setup.root, setup.site, setup.parseKey, records, pending);
  const results = await Promise.all(
    batchesOf(pending, READ_BATCH).map(async (batch) => {
      const result = await pool.run({ kind: "read", pending: batch });
      if (result.kind !== "read") throw new Error("a worker answered a read job with pages");
      return result.read;
    }),
  );
  return {
    entries: results.flatMap((result) => result.entries),
    issues: results.flatMap((result) => result.issues),
    parsed: results.reduce((sum, result) => sum + result.parsed, 0),
  };
}

/**
 * Renders pages, on `pool` when given. Each spec is built only when its batch is handed out, so
 * at most a few batches' data exist at once.
 */
export async function renderAll(
  specs: readonly (() => PageSpec)[],
  setup: RenderSetup,
  pool?: WorkerPool,
): Promise<RenderedPage[]> {
  const batches = batchesOf(specs, RENDER_BATCH);
  if (!pool) {
    const renderer = new PageRenderer(setup);
    const pages: RenderedPage[] = [];
    for (const batch of batches)
      pages.push(...(await renderer.render(batch.map((spec) => spec()))));
    return pages;
  }
  const results = await Promise.all(
    batches.map(async (batch) => {
      const result = await pool.run(() => ({ kind: "render", specs: batch.map((spec) => spec()) }));
      if (result.kind !== "render") throw new Error("a worker answered a render job with articles");
      return result.pages;
    }),
  );
  return results.flat();
}
