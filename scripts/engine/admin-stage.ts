/**
 * The editors' web UI (/admin/, scripts/cms/) as one unit of the build: made again only when
 * its key changes, that is when what it is made from changes (the site settings it reads, the
 * content schemas and its code, the installed CMS, its entry script and the preview it bundles
 * (the site's layouts), the site's stylesheets and logo, the profiles the preview's bylines
 * name, and the live blogs still running), and otherwise taken from the build cache.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CmsLiveBlog } from "../cms/live-collections.ts";
import { PREVIEW_NOTES_STYLE, PREVIEW_STYLES, previewProfiles } from "../cms/preview-inputs.ts";
import { CMS_VERSION, ENTRY } from "../cms/version.ts";
import type { ProfileCard } from "../content/load-author.ts";
import type { Site } from "../content/model.ts";
import type { CodeVersions } from "./code-version.ts";
import type { FileSetStore, StoredFileSet } from "./file-set-store.ts";
import { jsonKey, keyOf, sha256 } from "./hashing.ts";

/** /admin/ as the build publishes it. */
export interface AdminUnit {
  readonly key: string;
  readonly stored: StoredFileSet;
}

/** The key of /admin/, or undefined for a site without a `cms:` block (no /admin/). */
export function adminKey(
  site: Site,
  root: string,
  code: CodeVersions,
  profiles: readonly Pick<ProfileCard, "slug" | "name" | "role">[],
  liveBlogs: readonly CmsLiveBlog[] = [],
): string | undefined {
  if (!site.cms) return undefined;
  return keyOf(
    code.of("scripts/cms/outputs.ts"),
    // The browser entry and what it bundles: the preview draws with the site's own layouts.
    code.of(path.relative(path.resolve(ENTRY, "../../.."), ENTRY)),
    CMS_VERSION,
    ...PREVIEW_STYLES.map((file) => sha256(readFileSync(path.join(root, file)))),
    sha256(readFileSync(PREVIEW_NOTES_STYLE)),
    sha256(readFileSync(path.join(root, "assets/images", site.logo.src))),
    // The whole site: the preview draws its masthead, sections, dates and promotion.
    jsonKey(site),
    jsonKey(previewProfiles(profiles)),
    jsonKey(liveBlogs),
  );
}

/** /admin/'s files: from the cache when its key is known there, else made and kept. */
export async function adminUnit(
  site: Site,
  root: string,
  key: string | undefined,
  store: FileSetStore,
  verify: boolean,
  profiles: readonly Pick<ProfileCard, "slug" | "name" | "role">[],
  liveBlogs: readonly CmsLiveBlog[] = [],
): Promise<AdminUnit | undefined> {
  if (key === undefined) return undefined;
  const known = store.read(key, verify);
  if (known) return { key, stored: known };
  // The bundler and the CMS load only when /admin/ must be made again.
  const { adminOutputs } = await import("../cms/outputs.ts");
  const files = await adminOutputs(site, root, liveBlogs, previewProfiles(profiles));
  const stored = store.write(
    key,
    files.map((file) => ({ path: file.path.replace(/^\/admin\//, ""), content: file.bytes })),
  );
  return { key, stored };
}
