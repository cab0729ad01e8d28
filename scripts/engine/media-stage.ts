/**
 * The images of the published articles. An image whose source file has the fingerprint it had
 * when the last build checked and made it is taken as it was, without reading the file; any
 * other goes through the media module, which reads, checks and encodes it (or finds its
 * encodings in the media cache by content). A photo used by no published article is simply not
 * asked for, and so disappears from the output.
 */
import path from "node:path";
import type { ArticleCard } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import { mediaKey } from "../media/files.ts";
import type { MediaOptions, MediaProgress, MediaRequest, ProcessedImage } from "../media/types.ts";
import type { MediaRef, PlannedMedia } from "../site/planned-article.ts";
import { atBodyLine, bodyPhotoRequests } from "./body-media.ts";
import { jsonKey } from "./hashing.ts";
import { reusableImage, sourceFingerprint } from "./image-reuse.ts";
import type { ImageEntry } from "./state.ts";

/** What asks for images: an article's entry, or a live update (scripts/engine/live-stage.ts). */
export interface MediaOwner {
  readonly card: Pick<ArticleCard, "sourcePath" | "bodyMedia" | "image" | "video">;
}

/** An image one article asks for, with the identity that decides its encodings. */
interface Wanted {
  readonly folder: string;
  /** The lead photo, the video's thumbnail, or the body photo of that index. */
  readonly slot: "image" | "thumbnail" | number;
  readonly id: string;
  readonly request: MediaRequest;
}

export interface MediaStageResult {
  /** Every image in use, by identity: the next state's images. */
  readonly images: Record<string, ImageEntry>;
  /** Each article's processed media, by folder name. */
  readonly byArticle: Map<string, PlannedMedia>;
  readonly issues: readonly ContentIssue[];
  readonly stats: { readonly total: number; readonly encoded: number; readonly reused: number };
}

/** The images an article asks for: the lead photo, the video's thumbnail, the body's photos. */
function wantedBy(root: string, folder: string, entry: MediaOwner): Wanted[] {
  const { card } = entry;
  const dir = path.join(root, path.dirname(card.sourcePath));
  const wanted: Wanted[] = [];
  if (card.image) {
    const request: MediaRequest = {
      article: card.sourcePath,
      field: "image.src",
      file: path.join(dir, card.image.src),
      focus: card.image.focus,
      ...(card.image.credit ? { credit: card.image.credit } : {}),
    };
    wanted.push({ folder, slot: "image", id: identity(root, request), request });
  }
  if (card.video) {
    const request: MediaRequest = {
      article: card.sourcePath,
      field: "video.thumbnail",
      file: path.join(dir, card.video.thumbnail.src),
      focus: [0.5, 0.5],
    };
    wanted.push({ folder, slot: "thumbnail", id: identity(root, request), request });
  }
  for (const [index, request] of bodyPhotoRequests(root, card).entries()) {
    wanted.push({ folder, slot: index, id: identity(root, request), request });
  }
  return wanted;
}

/**
 * Adds the line and column of the front-matter field to a media problem: the media module knows
 * the article and the field, the card knows where the field was written.
 */
function atFieldLine(
  articles: ReadonlyMap<string, MediaOwner>,
): (issue: ContentIssue) => ContentIssue {
  const places = new Map<string, { line?: number; column?: number }>();
  for (const { card } of articles.values()) {
    if (card.image) places.set(`${card.sourcePath}#image.src`, card.image);
    if (card.video) places.set(`${card.sourcePath}#video.thumbnail`, card.video.thumbnail);
  }
  return (reported) => {
    const issue = atBodyLine(reported);
    const place = places.get(`${issue.file}#${issue.field ?? ""}`);
    if (issue.line !== undefined || place?.line === undefined) return issue;
    return {
      ...issue,
      line: place.line,
      ...(place.column === undefined ? {} : { column: place.column }),
    };
  };
}

/** What makes two requests the same image: the file, the focus and the credit. */
function identity(root: string, request: MediaRequest): string {
  return JSON.stringify([path.relative(root, request.file), request.focus, request.credit ?? null]);
}

/**
 * Processes the images of `articles` (folder name → entry), reusing `previous` images whose
 * source files are untouched.
 */
export async function runMediaStage(
  root: string,
  articles: ReadonlyMap<string, MediaOwner>,
  previous: Readonly<Record<string, ImageEntry>>,
  options: Partial<MediaOptions>,
  onProgress?: (progress: MediaProgress) => void,
): Promise<MediaStageResult> {
  const wanted = [...articles].flatMap(([folder, entry]) => wantedBy(root, folder, entry));
  const images: Record<string, ImageEntry> = {};
  const prints = new Map<string, string>();
  const toMake: MediaRequest[] = [];
  for (const item of wanted) {
    if (images[item.id] || prints.has(item.id)) {
      if (prints.has(item.id)) toMake.push(item.request);
      continue;
    }
    const print = sourceFingerprint(item.request.file);
    const before = previous[item.id];
    if (reusableImage(before, print, options)) {
      images[item.id] = before;
    } else {
      prints.set(item.id, print);
      toMake.push(item.request);
    }
  }
  let stats = { total: Object.keys(images).length, encoded: 0, reused: Object.keys(images).length };
  const issues: ContentIssue[] = [];
  if (toMake.length > 0) {
    // sharp loads only when an image must be checked or made: most builds need none.
    const { processImages } = await import("../media/process.ts");
    const made = await processImages(toMake, options, onProgress);
    if (!made.ok) {
      issues.push(...made.issues.map(atFieldLine(articles)));
    } else {
      for (const request of toMake) {
        const image = made.value.images.get(mediaKey(request)) as ProcessedImage;
        const id = identity(root, request);
        images[id] = {
          fingerprint: prints.get(id) ?? "",
          code: options.codeVersion ?? "",
          image,
          key: jsonKey(image),
        };
      }
      stats = {
        total: stats.total + made.value.stats.total,
        encoded: made.value.stats.encoded,
        reused: stats.reused + made.value.stats.reused,
      };
    }
  }
  const ref = (id: string): MediaRef | undefined => {
    const entry = images[id];
    return entry ? { image: entry.image, key: entry.key } : undefined;
  };
  const byArticle = new Map<string, PlannedMedia>();
  for (const item of wanted) {
    const media = byArticle.get(item.folder) ?? {};
    const found = ref(item.id);
    if (!found) continue;
    if (typeof item.slot === "number") {
      const body = [...(media.body ?? [])];
      body[item.slot] = found;
      byArticle.set(item.folder, { ...media, body });
    } else byArticle.set(item.folder, { ...media, [item.slot]: found });
  }
  return { images, byArticle, issues, stats };
}
