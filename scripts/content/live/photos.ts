/**
 * Where an update's photos are: in the live/ folder beside the update, or beside the blog's
 * index.md (CONTENT.md), looked for in that order. Each must be a regular file inside one of the
 * two folders (a link could point anywhere on the build machine). The answer depends on the
 * folders' listings, not on the update's bytes, so it is worked out apart from parsing, and the
 * media stage is handed each photo's path from the live/ folder (`photo.jpg` or `../photo.jpg`).
 */
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { BodyMedia, BodyPhotoSource } from "../body/blocks.ts";
import type { ContentIssue } from "../issues.ts";
import { LIVE_FOLDER } from "./update.ts";

type Found = { readonly where: string } | { readonly problem: "missing" | "not-regular" };

function look(dir: string, name: string): Found {
  const file = path.join(dir, name);
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file);
  } catch {
    return { problem: "missing" };
  }
  if (!stats.isFile() || path.dirname(realpathSync(file)) !== realpathSync(dir)) {
    return { problem: "not-regular" };
  }
  return { where: dir };
}

/**
 * The update's photos with their names made relative to the live/ folder, or the problems with
 * them, each at the photo's line. `articleDir` is the blog's folder on disk, `file` the update's
 * path from the project root.
 */
export function resolveUpdatePhotos(
  articleDir: string,
  file: string,
  media: BodyMedia | undefined,
): { readonly media?: BodyMedia; readonly issues: readonly ContentIssue[] } {
  if (!media || media.photos.length === 0) return { ...(media ? { media } : {}), issues: [] };
  const liveDir = path.join(articleDir, LIVE_FOLDER);
  const blogFolder = path.dirname(path.dirname(file));
  const issues: ContentIssue[] = [];
  const photos: BodyPhotoSource[] = [];
  for (const photo of media.photos) {
    const inLive = look(liveDir, photo.src);
    const found = "where" in inLive ? inLive : look(articleDir, photo.src);
    if ("where" in found) {
      photos.push({ ...photo, src: found.where === liveDir ? photo.src : `../${photo.src}` });
      continue;
    }
    const notRegular = "problem" in inLive && inLive.problem === "not-regular";
    issues.push({
      file,
      line: photo.line,
      message:
        notRegular || found.problem === "not-regular"
          ? `The photo on line ${photo.line} names ${photo.src}, which is not a regular file inside the live blog's folder.`
          : `The photo on line ${photo.line} names ${photo.src}, but there is no such file in ${blogFolder}/${LIVE_FOLDER}/ or beside ${blogFolder}/index.md.`,
      fix: `Put ${photo.src} in ${blogFolder}/${LIVE_FOLDER}/ (or beside index.md), or correct the file name (names are case-sensitive).`,
    });
  }
  return issues.length > 0 ? { issues } : { media: { ...media, photos }, issues };
}
