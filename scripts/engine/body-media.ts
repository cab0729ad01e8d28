/**
 * The media stage's view of body photos: each photo an article's card lists becomes a request
 * beside the lead photo's, made by the same module with the same checks and cache; a problem
 * the media module finds with one is reported at its line of index.md.
 */
import path from "node:path";
import type { ArticleCard } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import type { BodyPhotoField, MediaRequest } from "../media/types.ts";

/** The requests for an article's body photos, in the order of their indexes. */
export function bodyPhotoRequests(
  root: string,
  card: Pick<ArticleCard, "sourcePath" | "bodyMedia">,
): MediaRequest[] {
  const folder = path.join(root, path.dirname(card.sourcePath));
  return (card.bodyMedia?.photos ?? []).map((photo) => ({
    article: card.sourcePath,
    field: `the photo on line ${photo.line}` satisfies BodyPhotoField,
    file: path.join(folder, photo.src),
    // Body photos are shown whole; the crops the module also makes are cut from the centre.
    focus: [0.5, 0.5],
    ...(photo.credit ? { credit: photo.credit } : {}),
  }));
}

const BODY_FIELD = /^the photo on line (\d+)$/;

/** A media issue about a body photo, placed at the photo's line rather than at a field. */
export function atBodyLine(issue: ContentIssue): ContentIssue {
  const line = BODY_FIELD.exec(issue.field ?? "")?.[1];
  if (line === undefined) return issue;
  const { field: _field, ...rest } = issue;
  return { ...rest, line: Number(line) };
}
