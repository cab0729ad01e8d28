/**
 * Body photos name files beside index.md: each must be there, as a regular file inside the
 * article's folder (a link could point anywhere on the build machine). Whether the file is an
 * image the build accepts is the media stage's check, made as for the lead photo.
 */
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { missingFileFix } from "../file-names.ts";
import type { ContentIssue } from "../issues.ts";
import type { BodyPhoto } from "./blocks.ts";

/** The problems with the files `photos` name, each at the photo's line. */
export function photoFileIssues(
  folder: string,
  file: string,
  photos: readonly BodyPhoto[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const where = path.dirname(file);
  for (const photo of photos) {
    const absolute = path.join(folder, photo.src);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch {
      issues.push({
        file,
        line: photo.line,
        message: `The photo on line ${photo.line} names ${photo.src}, but there is no such file beside index.md.`,
        fix: missingFileFix(
          folder,
          photo.src,
          (intended) => `![...](${intended})`,
          `${where}/`,
          `Put ${photo.src} in ${where}/, or correct the file name (names are case-sensitive).`,
        ),
      });
      continue;
    }
    if (!stats.isFile() || path.dirname(realpathSync(absolute)) !== realpathSync(folder)) {
      issues.push({
        file,
        line: photo.line,
        message: `The photo on line ${photo.line} names ${photo.src}, which is not a regular file inside the article's folder.`,
        fix: `Copy the image itself into ${where}/ (not a folder or a link).`,
      });
    }
  }
  return issues;
}
