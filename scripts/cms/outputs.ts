/**
 * The build's one entry point for the editors' web UI: every file /admin/ needs.
 *
 * A pure function of its inputs, the same bytes for the same inputs:
 * - the site configuration (`site`: name, language, path prefix, origin, time zone, sections,
 *   the `cms:` block), which config.yml and index.html are made from;
 * - the live blogs still running (their slugs and titles): a collection of updates each;
 * - the content schemas (scripts/content/article-schema.ts, author-schema.ts, schema-helpers.ts)
 *   and this folder's code (scripts/cms/*.ts, assets/admin/cms.js);
 * - the installed @sveltia/cms (its version, CMS_VERSION) and esbuild;
 * - `<root>/assets/css/site.css`, the site's stylesheet, copied for the preview pane.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";
import type { Site } from "../content/model.ts";
import { type AdminFile, cmsBundle } from "./bundle.ts";
import { cmsConfigYaml } from "./config.ts";
import type { CmsLiveBlog } from "./live-collections.ts";
import { adminPage } from "./page.ts";

/** Where /admin/ is, site-relative, without the path prefix. */
export const ADMIN_FOLDER = "/admin/";

/** One output file: `path` is site-relative without the path prefix, e.g. `/admin/config.yml`. */
export interface AdminOutput {
  readonly path: string;
  readonly bytes: Buffer;
}

/**
 * Every file of /admin/, for a site with a `cms:` block (none without one). `root` is the folder
 * holding `assets/`.
 */
export async function adminOutputs(
  site: Site,
  root: string,
  liveBlogs: readonly CmsLiveBlog[] = [],
): Promise<readonly AdminOutput[]> {
  if (!site.cms) return [];
  return editorFiles(site, root, liveBlogs);
}

/**
 * The editor's files whether or not the site names a git host (`npm run cms` needs none);
 * `liveBlogs` get a collection each for their updates.
 */
export async function editorFiles(
  site: Site,
  root: string,
  liveBlogs: readonly CmsLiveBlog[] = [],
): Promise<readonly AdminOutput[]> {
  const files: AdminFile[] = [
    ...(await cmsBundle()),
    { path: "index.html", bytes: Buffer.from(adminPage(site)) },
    { path: "config.yml", bytes: Buffer.from(cmsConfigYaml(site, liveBlogs)) },
    { path: "preview.css", bytes: previewStyle(root) },
  ];
  return files
    .map((file) => ({ path: `${ADMIN_FOLDER}${file.path}`, bytes: file.bytes }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The site's own stylesheet, minified as the build minifies it for readers. */
function previewStyle(root: string): Buffer {
  const css = readFileSync(path.join(root, "assets/css/site.css"), "utf8");
  return Buffer.from(
    transformSync(css, { loader: "css", minify: true, legalComments: "none" }).code,
  );
}

/** Writes the files into a build's output folder (for today's scripts/build.ts). */
export function writeOutputs(outputs: readonly AdminOutput[], outputDir: string): void {
  for (const output of outputs) {
    const target = path.join(outputDir, output.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, output.bytes);
  }
}
