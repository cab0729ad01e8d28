/**
 * The run over all images: cache hits first answer from their manifest; misses are inspected,
 * decoded once and encoded through a pool bounded by the CPU count (make.ts).
 */
import type { Checked, ContentIssue } from "../content/issues.ts";
import { cacheLayout, ensureCache, readManifest } from "./cache.ts";
import { normaliseFocus } from "./crops.ts";
import { configureSharp } from "./decode.ts";
import { createMediaOptions } from "./defaults.ts";
import { imageFiles, mediaKey } from "./files.ts";
import { type MakeContext, makeImage, type Outcome } from "./make.ts";
import { fileStem, manifestKey } from "./naming.ts";
import type { ImageIdentity } from "./plan.ts";
import { createLimiter, forEachLimited } from "./pool.ts";
import { readSource } from "./probe.ts";
import { ProgressCounter } from "./progress.ts";
import { manifestToImage } from "./to-image.ts";
import type {
  LocalImage,
  MediaOptions,
  MediaProgress,
  MediaRequest,
  MediaResult,
  ProcessedImage,
} from "./types.ts";

/** What makes two requests the same image. */
function jobKey(request: MediaRequest): string {
  return JSON.stringify([request.file, request.focus, request.credit ?? null]);
}

interface RunContext extends MakeContext {
  /** Images being made in this run, by manifest key, so identical sources are made once. */
  readonly inFlight: Map<string, Promise<Outcome>>;
}

/** One image, from its request to a ProcessedImage or its issues. */
async function processOne(request: MediaRequest, context: RunContext): Promise<Outcome> {
  const { options, layout } = context;
  const read = await readSource(request);
  if (!read.ok) return { ok: false, issues: read.issues };
  const { bytes, hash } = read.value;
  const identity: ImageIdentity = {
    sourceHash: hash,
    stem: fileStem(request.file),
    focus: normaliseFocus(request.focus),
    credit: request.credit,
  };
  const key = manifestKey(identity, options);
  const cached = await readManifest(layout, key);
  if (cached) {
    return { ok: true, image: manifestToImage(cached, options), encoded: false };
  }
  // The same photo in two articles is made once: the second waits for the first.
  const pending = context.inFlight.get(key);
  if (pending) {
    const outcome = await pending;
    if (outcome.ok) return { ...outcome, encoded: false };
    // A damaged file copied into two stories: each is told of its own file, so it is made
    // (and fails) again for this one rather than answered with the other's path.
    return makeImage(bytes, request, identity, key, context);
  }
  const making = makeImage(bytes, request, identity, key, context);
  context.inFlight.set(key, making);
  return making;
}

/** Re-addresses an issue found for one request to another request for the same image. */
function issueFor(issue: ContentIssue, request: MediaRequest): ContentIssue {
  return { ...issue, file: request.article, field: request.field };
}

/**
 * Makes every image the articles use: a responsive set in AVIF, WebP and JPEG, four crops
 * around the focal point and a placeholder, all cached under `options.cacheDir` so a rebuild
 * with unchanged images decodes and encodes nothing. Every request is checked; a problem with
 * one image is reported with the others, never stopping at the first.
 *
 * @returns the images keyed by {@link mediaKey}, or every issue found.
 * @throws only for problems that are not the content's (a cache folder that cannot be written).
 * @example
 * const result = await processImages(
 *   [{ article: "content/articles/kim-letter/index.md", field: "image.src",
 *      file: "/site/content/articles/kim-letter/photo.jpg", focus: [0.5, 0.35], credit: "AFP" }],
 *   {},
 *   (p) => console.log(formatProgress(p)),
 * );
 * if (!result.ok) throw new ContentError(result.issues);
 * await publishImages(result.value, "_site");
 */
export async function processImages(
  requests: readonly MediaRequest[],
  overrides?: Partial<MediaOptions> & { readonly cdn?: undefined },
  onProgress?: (p: MediaProgress) => void,
): Promise<Checked<MediaResult<LocalImage>>>;
export async function processImages(
  requests: readonly MediaRequest[],
  overrides: Partial<MediaOptions>,
  onProgress?: (p: MediaProgress) => void,
): Promise<Checked<MediaResult>>;
export async function processImages(
  requests: readonly MediaRequest[],
  overrides: Partial<MediaOptions> = {},
  onProgress?: (p: MediaProgress) => void,
): Promise<Checked<MediaResult>> {
  const started = performance.now();
  const options = createMediaOptions(overrides);
  configureSharp();
  const layout = cacheLayout(options);
  await ensureCache(layout);
  // Requests naming the same file with the same focus and credit are made once.
  const jobIndex = new Map<string, number>();
  const jobs: MediaRequest[] = [];
  for (const request of requests) {
    if (jobIndex.has(jobKey(request))) continue;
    jobIndex.set(jobKey(request), jobs.length);
    jobs.push(request);
  }
  const progress = new ProgressCounter(jobs.length, onProgress);
  const context: RunContext = {
    options,
    layout,
    encoders: createLimiter(options.concurrency),
    inFlight: new Map(),
    made: new Map(),
  };
  const outcomes: Outcome[] = new Array(jobs.length);
  // As many images in flight as encoders: enough to keep every core busy between images,
  // few enough that only that many sources and working images are ever in memory.
  await forEachLimited(jobs, options.concurrency, async (request, index) => {
    const outcome = await processOne(request, context);
    outcomes[index] = outcome;
    progress.finish(!outcome.ok ? "failed" : outcome.encoded ? "encoded" : "reused");
  });
  const issues: ContentIssue[] = [];
  const images = new Map<string, ProcessedImage>();
  const files = new Set<string>();
  for (const request of requests) {
    const outcome = outcomes[jobIndex.get(jobKey(request)) ?? -1];
    if (!outcome) throw new Error(`media: no outcome for ${mediaKey(request)}`);
    if (!outcome.ok) {
      issues.push(...outcome.issues.map((issue) => issueFor(issue, request)));
      continue;
    }
    images.set(mediaKey(request), outcome.image);
    for (const file of imageFiles(outcome.image)) files.add(file);
  }
  if (issues.length > 0) return { ok: false, issues };
  const { done: total, encoded, reused } = progress.snapshot();
  return {
    ok: true,
    value: {
      images,
      files: [...files].sort(),
      stats: { total, encoded, reused, ms: Math.round(performance.now() - started) },
    },
  };
}
