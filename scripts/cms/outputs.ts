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
 * - `<root>/assets/css/site.css` and `body-media.css`, the site's stylesheets, and
 *   assets/admin/preview.css, for the preview pane; the site's logo, for the sign-in screen and
 *   the preview's masthead;
 * - the author profiles' slugs, names and roles, for the preview's bylines.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";
import { loadProfiles } from "../content/load-author.ts";
import type { Site } from "../content/model.ts";
import { type AdminFile, cmsBundle } from "./bundle.ts";
import { adminLogoName, cmsConfigYaml } from "./config.ts";
import type { CmsLiveBlog } from "./live-collections.ts";
import { adminPage } from "./page.ts";
import type { PreviewSettings } from "./preview/article-preview.tsx";
import type { PreviewProfile } from "./preview/entry-article.ts";
import { PREVIEW_NOTES_STYLE, PREVIEW_STYLES, previewProfiles } from "./preview-inputs.ts";

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
  profiles?: readonly PreviewProfile[],
): Promise<readonly AdminOutput[]> {
  if (!site.cms) return [];
  return profiles
    ? editorFiles(site, root, liveBlogs, profiles)
    : editorFiles(site, root, liveBlogs);
}

/**
 * The editor's files whether or not the site names a git host (`npm run cms` needs none):
 * `liveBlogs` get a collection each for their updates; `profiles` defaults to the project's
 * own, read now.
 */
export async function editorFiles(
  site: Site,
  root: string,
  liveBlogs: readonly CmsLiveBlog[] = [],
  profiles: readonly PreviewProfile[] = previewProfiles(loadProfiles(root).profiles),
): Promise<readonly AdminOutput[]> {
  const logo = adminLogoName(site);
  const settings: PreviewSettings = {
    // The preview draws the page's body, whose links are all site-relative: the site's absolute
    // address is left out, as every file /admin/ publishes keeps to the site's folder.
    site: { ...site, origin: "" },
    logo: `/admin/${logo}`,
    profiles: previewProfiles(profiles),
  };
  const files: AdminFile[] = [
    ...(await cmsBundle()),
    { path: "index.html", bytes: Buffer.from(adminPage(site)) },
    { path: "config.yml", bytes: Buffer.from(cmsConfigYaml(site, liveBlogs)) },
    { path: "preview.css", bytes: previewStyle(root) },
    { path: "preview.json", bytes: Buffer.from(`${JSON.stringify(settings)}\n`) },
    { path: logo, bytes: readFileSync(path.join(root, "assets/images", site.logo.src)) },
  ];
  return files
    .map((file) => ({ path: `${ADMIN_FOLDER}${file.path}`, bytes: file.bytes }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The site's own stylesheets, then the preview's notes, minified as the build minifies the
 * site's for readers.
 */
function previewStyle(root: string): Buffer {
  const css = [
    ...PREVIEW_STYLES.map((file) => readFileSync(path.join(root, file), "utf8")),
    readFileSync(PREVIEW_NOTES_STYLE, "utf8"),
  ].join("\n");
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
