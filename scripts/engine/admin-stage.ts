/**
 * The editors' web UI (/admin/, scripts/cms/) as one unit of the build: made again only when
 * its key changes, that is when what it is made from changes (the site settings it reads, the
 * content schemas and its code, the installed CMS, its entry script, the site's stylesheet
 * for the preview and the live blogs still running), and otherwise taken from the build cache.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CmsLiveBlog } from "../cms/live-collections.ts";
import { CMS_VERSION, ENTRY } from "../cms/version.ts";
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
  liveBlogs: readonly CmsLiveBlog[] = [],
): string | undefined {
  if (!site.cms) return undefined;
  const { name, language, origin, pathPrefix, timeZone, sections, logo, cms } = site;
  return keyOf(
    code.of("scripts/cms/outputs.ts"),
    CMS_VERSION,
    sha256(readFileSync(ENTRY)),
    sha256(readFileSync(path.join(root, "assets/css/site.css"))),
    jsonKey({ name, language, origin, pathPrefix, timeZone, sections, logo, cms }),
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
  liveBlogs: readonly CmsLiveBlog[] = [],
): Promise<AdminUnit | undefined> {
  if (key === undefined) return undefined;
  const known = store.read(key, verify);
  if (known) return { key, stored: known };
  // The bundler and the CMS load only when /admin/ must be made again.
  const { adminOutputs } = await import("../cms/outputs.ts");
  const files = await adminOutputs(site, root, liveBlogs);
  const stored = store.write(
    key,
    files.map((file) => ({ path: file.path.replace(/^\/admin\//, ""), content: file.bytes })),
  );
  return { key, stored };
}
