/**
 * Keeps Broadsheet's `.cache/` (encoded images and the search index) between Netlify builds,
 * with Netlify's own cache utility: restored before the build, saved after a successful one.
 * Netlify keeps node_modules by itself, but nothing else, so without this every deploy would
 * encode every photo again. Plain JavaScript because Netlify runs plugins without tsx.
 */

/** The folder the build keeps its caches in, relative to the repository. */
export const CACHE_DIR = ".cache";

/** Before the build: the cache of the last successful build, if Netlify has one. */
export async function onPreBuild({ utils }) {
  if (await utils.cache.restore(CACHE_DIR)) console.log(`Restored ${CACHE_DIR}/`);
  else console.log(`No ${CACHE_DIR}/ from an earlier build: this build starts cold`);
}

/** After a successful build: the cache, for the next one. */
export async function onPostBuild({ utils }) {
  if (await utils.cache.save(CACHE_DIR)) console.log(`Saved ${CACHE_DIR}/ for the next build`);
}
