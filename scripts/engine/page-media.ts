/**
 * The photos in standing pages' bodies, through the same media module as articles' body photos,
 * at the same sizes and with the same checks (format by content, pixel limit, full decode) and
 * cache. A photo whose file has the fingerprint it had when the last build made it is reused
 * unread; a problem with one is reported at its line of the page's index.md.
 */
import path from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { inPageWords } from "../content/load-page.ts";
import type { PageCard } from "../content/page-model.ts";
import { mediaKey } from "../media/files.ts";
import type { MediaOptions, MediaProgress, MediaRequest, ProcessedImage } from "../media/types.ts";
import type { MediaRef } from "../site/planned-article.ts";
import { atBodyLine, bodyPhotoRequests } from "./body-media.ts";
import { jsonKey } from "./hashing.ts";
import { reusableImage, sourceFingerprint } from "./image-reuse.ts";
import type { ImageEntry } from "./state.ts";

/** Identities of pages' photos start with this, apart from articles' and profiles' in the state. */
const PREFIX = "page:";

export interface PageMedia {
  /** Every page photo in use, by identity: part of the next state's images. */
  readonly images: Record<string, ImageEntry>;
  /** Each page's body photos, by slug, in the order of their indexes. */
  readonly bySlug: ReadonlyMap<string, readonly MediaRef[]>;
  readonly issues: readonly ContentIssue[];
  readonly stats: { readonly total: number; readonly encoded: number; readonly reused: number };
}

/** What makes two requests the same image: the file and the credit (body photos are not cropped). */
function identity(root: string, request: MediaRequest): string {
  return `${PREFIX}${JSON.stringify([path.relative(root, request.file), request.credit ?? null])}`;
}

/** Makes (or reuses) the body photos of `pages`; `previous` is the last state's images. */
export async function runPageMedia(
  root: string,
  pages: readonly PageCard[],
  previous: Readonly<Record<string, ImageEntry>>,
  options: Partial<MediaOptions>,
  onProgress?: (progress: MediaProgress) => void,
): Promise<PageMedia> {
  const wanted = pages.map((card) => ({
    card,
    requests: bodyPhotoRequests(root, card).map((request) => ({
      request,
      id: identity(root, request),
    })),
  }));
  const images: Record<string, ImageEntry> = {};
  const prints = new Map<string, string>();
  const toMake: MediaRequest[] = [];
  for (const { request, id } of wanted.flatMap((page) => page.requests)) {
    if (images[id] || prints.has(id)) continue;
    const print = sourceFingerprint(request.file);
    const before = previous[id];
    if (reusableImage(before, print, options)) {
      images[id] = before;
    } else {
      prints.set(id, print);
      toMake.push(request);
    }
  }
  const issues: ContentIssue[] = [];
  let encoded = 0;
  if (toMake.length > 0) {
    const { processImages } = await import("../media/process.ts");
    const made = await processImages(toMake, options, onProgress);
    if (!made.ok) {
      issues.push(...made.issues.map((issue) => inPageWords(atBodyLine(issue))));
    } else {
      encoded = made.value.stats.encoded;
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
    }
  }
  const bySlug = new Map<string, MediaRef[]>();
  for (const { card, requests } of wanted) {
    const refs = requests.flatMap(({ id }) => {
      const entry = images[id];
      return entry ? [{ image: entry.image, key: entry.key }] : [];
    });
    if (refs.length > 0) bySlug.set(card.slug, refs);
  }
  const total = Object.keys(images).length;
  return { images, bySlug, issues, stats: { total, encoded, reused: total - encoded } };
}

/** The last state's page photos (articles' and profiles' are their own stages'). */
export function previousPageImages(
  images: Readonly<Record<string, ImageEntry>>,
): Record<string, ImageEntry> {
  return Object.fromEntries(Object.entries(images).filter(([id]) => id.startsWith(PREFIX)));
}
