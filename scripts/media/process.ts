/**
 * The run over all images: cache hits first answer from their manifest; misses are inspected,
 * decoded once and encoded through a pool bounded by the CPU count.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Checked, ContentIssue } from "../content/issues.ts";
import {
  type CacheLayout,
  cacheLayout,
  ensureCache,
  MANIFEST_VERSION,
  type Manifest,
  type ManifestEntry,
  manifestToImage,
  readManifest,
  writeManifest,
} from "./cache.ts";
import { normaliseFocus } from "./crops.ts";
import { configureSharp, decodeWorking, type WorkingImage } from "./decode.ts";
import { createMediaOptions } from "./defaults.ts";
import { encodeOutput } from "./encode.ts";
import { imageFiles, mediaKey } from "./files.ts";
import { sha256 } from "./hash.ts";
import { fileStem, manifestKey } from "./naming.ts";
import { makePlaceholder } from "./placeholder.ts";
import { type ImageIdentity, type ImagePlan, type OutputPlan, planImage } from "./plan.ts";
import { createLimiter, forEachLimited, type Limiter } from "./pool.ts";
import { inspectSource, readSource } from "./probe.ts";
import { ProgressCounter } from "./progress.ts";
import { tooSmall, undecodable } from "./source-issues.ts";
import type {
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

type Outcome =
  | { readonly ok: true; readonly image: ProcessedImage; readonly encoded: boolean }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] };

interface RunContext {
  readonly options: MediaOptions;
  readonly layout: CacheLayout;
  readonly encoders: Limiter;
  /** Images being made in this run, by manifest key, so identical sources are made once. */
  readonly inFlight: Map<string, Promise<Outcome>>;
  /** Output files encoded (or being encoded) in this run, by name. */
  readonly made: Map<string, Promise<void>>;
}

function failed(issues: readonly ContentIssue[]): Outcome {
  return { ok: false, issues };
}

function entry(output: OutputPlan, bytes: Buffer): ManifestEntry {
  return {
    name: output.name,
    width: output.width,
    height: output.height,
    bytes: bytes.length,
    sha256: sha256(bytes),
  };
}

/** Encodes the outputs that are not in the cache yet; returns how many it encoded. */
async function encodeMissing(
  work: WorkingImage,
  plan: ImagePlan,
  credit: string | undefined,
  context: RunContext,
): Promise<number> {
  const results = await Promise.allSettled(
    plan.outputs.map(async (output) => {
      const destination = join(context.layout.files, output.name);
      // Another image of this run (the same photo with another focal point) may have made this
      // file already. A file left by an earlier run is not trusted: without a manifest there is
      // nothing to check it against, and it may have been cut short or damaged since.
      const made = context.made.get(output.name);
      if (made) return made.then(() => 0);
      const encoding = context.encoders.run(() =>
        encodeOutput(work, output, credit, context.options, destination),
      );
      context.made.set(output.name, encoding);
      await encoding;
      return 1;
    }),
  );
  // Wait for every encode before passing an error on: none may still be writing afterwards.
  let encoded = 0;
  for (const result of results) {
    if (result.status === "rejected") throw result.reason;
    encoded += result.value;
  }
  return encoded;
}

/** The manifest for a finished image, with the size and hash of every file as written. */
async function buildManifest(
  plan: ImagePlan,
  placeholder: string,
  layout: CacheLayout,
): Promise<Manifest> {
  const sized = async (output: OutputPlan) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(layout.files, output.name));
    } catch (error) {
      throw new Error(`media cache lost ${output.name} while building`, { cause: error });
    }
    return entry(output, bytes);
  };
  const all = (outputs: readonly OutputPlan[]) => Promise.all(outputs.map(sized));
  return {
    version: MANIFEST_VERSION,
    width: plan.source.width,
    height: plan.source.height,
    placeholder,
    variants: {
      avif: await all(plan.variants.avif),
      webp: await all(plan.variants.webp),
      jpeg: await all(plan.variants.jpeg),
    },
    crops: {
      "16x9": await sized(plan.crops["16x9"]),
      "4x3": await sized(plan.crops["4x3"]),
      "1x1": await sized(plan.crops["1x1"]),
      social: await sized(plan.crops.social),
    },
  };
}

/** One image, from its request to a ProcessedImage or its issues. */
async function processOne(request: MediaRequest, context: RunContext): Promise<Outcome> {
  const { options, layout } = context;
  const read = await readSource(request);
  if (!read.ok) return failed(read.issues);
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
    return { ok: true, image: manifestToImage(cached, options.outputSubdir), encoded: false };
  }
  // The same photo in two articles is made once: the second waits for the first.
  const pending = context.inFlight.get(key);
  if (pending) {
    const outcome = await pending;
    return outcome.ok ? { ...outcome, encoded: false } : outcome;
  }
  const making = makeImage(bytes, request, identity, key, context);
  context.inFlight.set(key, making);
  return making;
}

/** Checks, decodes and encodes one source the cache does not hold yet. */
async function makeImage(
  bytes: Buffer,
  request: MediaRequest,
  identity: ImageIdentity,
  key: string,
  context: RunContext,
): Promise<Outcome> {
  const { options, layout } = context;
  const inspected = await inspectSource(bytes, request, options);
  if (!inspected.ok) return failed(inspected.issues);
  const planned = planImage(inspected.value, identity, options);
  if ("tooSmallFor" in planned) {
    const { width, height } = inspected.value;
    return failed([tooSmall(request, width, height, planned.tooSmallFor)]);
  }
  const { plan } = planned;
  let work: WorkingImage;
  try {
    work = await context.encoders.run(() => decodeWorking(bytes, plan.source, plan.work, options));
  } catch (error) {
    return failed([undecodable(request, String((error as Error).message))]);
  }
  const [encoded, placeholder] = await Promise.all([
    encodeMissing(work, plan, request.credit, context),
    context.encoders.run(() => makePlaceholder(work, options.placeholderWidth)),
  ]);
  const manifest = await buildManifest(plan, placeholder, layout);
  await writeManifest(layout, key, manifest);
  return { ok: true, image: manifestToImage(manifest, options.outputSubdir), encoded: encoded > 0 };
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
