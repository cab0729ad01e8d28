/**
 * Author photos, through the same media module as articles' photos and with the same checks
 * (format by content, pixel limit, full decode), at the sizes a portrait is shown at: a byline's
 * round photo (3 rem) and a profile page's (10 rem), and a square crop for structured data. A
 * photo whose file has the fingerprint it had when the last build made it is reused unread.
 */
import path from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { AUTHORS_PATH, type ProfileCard } from "../content/load-author.ts";
import { mediaKey } from "../media/files.ts";
import type { MediaOptions, MediaProgress, MediaRequest, ProcessedImage } from "../media/types.ts";
import type { MediaRef } from "../site/planned-article.ts";
import { jsonKey } from "./hashing.ts";
import { reusableImage, sourceFingerprint } from "./image-reuse.ts";
import type { ImageEntry } from "./state.ts";

/**
 * A portrait's sizes. Widths: a byline photo is 48 CSS px (96 and 144 device px at DPR 2 and 3:
 * 96 and 192), a profile page's 160 (320 at DPR 2: 384). Crops: the 1:1 is the Person's image
 * in structured data; the others are made because every image has them, kept small.
 */
export const PORTRAIT_SIZES: Pick<MediaOptions, "widths" | "crops"> = {
  widths: [96, 192, 384],
  crops: {
    "16x9": { width: 384, height: 216 },
    "4x3": { width: 384, height: 288 },
    "1x1": { width: 400, height: 400 },
    social: { width: 400, height: 210 },
  },
};

/**
 * Where a portrait is cropped around: a third of the way down, where a head-and-shoulders
 * photo has the face (profiles have no focus field; the centre would cut the top of the head).
 */
export const PORTRAIT_FOCUS: readonly [number, number] = [0.5, 0.3];

/** Identities of author photos start with this, apart from articles' images in the state. */
const PREFIX = "profile:";

export interface ProfileMedia {
  /** Every author photo in use, by identity: part of the next state's images. */
  readonly images: Record<string, ImageEntry>;
  /** Each profile's photo, by slug. */
  readonly bySlug: ReadonlyMap<string, MediaRef>;
  readonly issues: readonly ContentIssue[];
  readonly stats: { readonly total: number; readonly encoded: number; readonly reused: number };
}

/** A media problem as the editor meets it: at the photo's line, about the profile's file. */
function atProfile(profile: ProfileCard): (issue: ContentIssue) => ContentIssue {
  const yaml = path.basename(profile.sourcePath);
  return (issue) => ({
    ...issue,
    ...(issue.line === undefined && profile.photo?.line !== undefined
      ? { line: profile.photo.line, column: profile.photo.column }
      : {}),
    message: issue.message.replaceAll("index.md", yaml),
    fix: issue.fix.replaceAll("index.md", yaml),
  });
}

/** Makes (or reuses) the photos of `profiles`; `previous` is the last state's images. */
export async function runProfileMedia(
  root: string,
  profiles: readonly ProfileCard[],
  previous: Readonly<Record<string, ImageEntry>>,
  options: Partial<MediaOptions>,
  onProgress?: (progress: MediaProgress) => void,
): Promise<ProfileMedia> {
  const images: Record<string, ImageEntry> = {};
  const bySlug = new Map<string, MediaRef>();
  const toMake: { profile: ProfileCard; request: MediaRequest; id: string; print: string }[] = [];
  for (const profile of profiles) {
    if (!profile.photo) continue;
    const file = path.join(root, AUTHORS_PATH, profile.photo.src);
    const id = `${PREFIX}${profile.sourcePath}#${profile.photo.src}`;
    const print = sourceFingerprint(file);
    const before = previous[id];
    if (reusableImage(before, print, options)) {
      images[id] = before;
      continue;
    }
    const request: MediaRequest = {
      article: profile.sourcePath,
      field: "photo",
      file,
      focus: PORTRAIT_FOCUS,
    };
    toMake.push({ profile, request, id, print });
  }
  const issues: ContentIssue[] = [];
  let encoded = 0;
  if (toMake.length > 0) {
    const { processImages } = await import("../media/process.ts");
    const made = await processImages(
      toMake.map((item) => item.request),
      { ...options, ...PORTRAIT_SIZES },
      onProgress,
    );
    if (!made.ok) {
      for (const issue of made.issues) {
        const item = toMake.find((candidate) => candidate.profile.sourcePath === issue.file);
        issues.push(item ? atProfile(item.profile)(issue) : issue);
      }
    } else {
      encoded = made.value.stats.encoded;
      for (const item of toMake) {
        const image = made.value.images.get(mediaKey(item.request)) as ProcessedImage;
        images[item.id] = {
          fingerprint: item.print,
          code: options.codeVersion ?? "",
          image,
          key: jsonKey(image),
        };
      }
    }
  }
  for (const profile of profiles) {
    if (!profile.photo) continue;
    const entry = images[`${PREFIX}${profile.sourcePath}#${profile.photo.src}`];
    if (entry) bySlug.set(profile.slug, { image: entry.image, key: entry.key });
  }
  const total = Object.keys(images).length;
  return { images, bySlug, issues, stats: { total, encoded, reused: total - encoded } };
}

/** The last state's author photos (articles' images are the article media stage's). */
export function previousProfileImages(
  images: Readonly<Record<string, ImageEntry>>,
): Record<string, ImageEntry> {
  return Object.fromEntries(Object.entries(images).filter(([id]) => id.startsWith(PREFIX)));
}
