/**
 * Making one image the cache does not hold yet: the source is checked (content sniffing, the
 * pixel limit, one full decode), then every planned file is encoded from the decoded pixels,
 * and the manifest is written last. Without an image CDN the plan is the responsive set and
 * the crops (plan.ts); with one, a master and, for Netlify, the pre-cut crops (master-plan.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { type CacheLayout, writeManifest } from "./cache.ts";
import { decodeWorking, type WorkingImage } from "./decode.ts";
import { encodeOutput } from "./encode.ts";
import { sha256 } from "./hash.ts";
import { type AnyManifest, MANIFEST_VERSION, type ManifestEntry } from "./manifest.ts";
import { type MasterPlan, planMasters } from "./master-plan.ts";
import { makePlaceholder } from "./placeholder.ts";
import { type ImageIdentity, type ImagePlan, type OutputPlan, planImage } from "./plan.ts";
import type { Limiter } from "./pool.ts";
import { inspectSource } from "./probe.ts";
import { tooSmall, undecodable } from "./source-issues.ts";
import { manifestToImage } from "./to-image.ts";
import type { MediaOptions, MediaRequest, ProcessedImage } from "./types.ts";

export type Outcome =
  | { readonly ok: true; readonly image: ProcessedImage; readonly encoded: boolean }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] };

export interface MakeContext {
  readonly options: MediaOptions;
  readonly layout: CacheLayout;
  readonly encoders: Limiter;
  /** Output files encoded (or being encoded) in this run, by name. */
  readonly made: Map<string, Promise<void>>;
}

type AnyPlan =
  | { readonly kind: "sharp"; readonly plan: ImagePlan }
  | { readonly kind: "masters"; readonly plan: MasterPlan };

function failed(issues: readonly ContentIssue[]): Outcome {
  return { ok: false, issues };
}

/** Encodes the outputs that are not in the cache yet; returns how many it encoded. */
async function encodeMissing(
  work: WorkingImage,
  outputs: readonly OutputPlan[],
  credit: string | undefined,
  context: MakeContext,
): Promise<number> {
  const results = await Promise.allSettled(
    outputs.map(async (output) => {
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
  planned: AnyPlan,
  identity: ImageIdentity,
  placeholder: string,
  layout: CacheLayout,
): Promise<AnyManifest> {
  const sized = async (output: OutputPlan): Promise<ManifestEntry> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(layout.files, output.name));
    } catch (error) {
      throw new Error(`media cache lost ${output.name} while building`, { cause: error });
    }
    const { name, width, height } = output;
    return { name, width, height, bytes: bytes.length, sha256: sha256(bytes) };
  };
  const cropsOf = async (crops: ImagePlan["crops"]) => ({
    "16x9": await sized(crops["16x9"]),
    "4x3": await sized(crops["4x3"]),
    "1x1": await sized(crops["1x1"]),
    social: await sized(crops.social),
  });
  const { plan } = planned;
  const common = {
    version: MANIFEST_VERSION,
    width: plan.source.width,
    height: plan.source.height,
  } as const;
  if (planned.kind === "masters") {
    const { crops } = planned.plan;
    return {
      ...common,
      kind: "masters",
      focus: identity.focus,
      placeholder,
      master: await sized(planned.plan.master),
      ...(crops ? { crops: await cropsOf(crops) } : {}),
    };
  }
  const all = (outputs: readonly OutputPlan[]) => Promise.all(outputs.map(sized));
  return {
    ...common,
    placeholder,
    variants: {
      avif: await all(planned.plan.variants.avif),
      webp: await all(planned.plan.variants.webp),
      jpeg: await all(planned.plan.variants.jpeg),
    },
    crops: await cropsOf(planned.plan.crops),
  };
}

/** Checks, decodes and encodes one source the cache does not hold yet. */
export async function makeImage(
  bytes: Buffer,
  request: MediaRequest,
  identity: ImageIdentity,
  key: string,
  context: MakeContext,
): Promise<Outcome> {
  const { options, layout } = context;
  const inspected = await inspectSource(bytes, request, options);
  if (!inspected.ok) return failed(inspected.issues);
  const source = inspected.value;
  const result = options.cdn
    ? planMasters(source, identity, options)
    : planImage(source, identity, options);
  if ("tooSmallFor" in result) {
    return failed([tooSmall(request, source.width, source.height, result.tooSmallFor)]);
  }
  const planned: AnyPlan =
    "master" in result.plan
      ? { kind: "masters", plan: result.plan }
      : { kind: "sharp", plan: result.plan };
  const { plan } = planned;
  let work: WorkingImage;
  try {
    work = await context.encoders.run(() => decodeWorking(bytes, plan.source, plan.work, options));
  } catch (error) {
    return failed([undecodable(request, String((error as Error).message))]);
  }
  const [encoded, placeholder] = await Promise.all([
    encodeMissing(work, plan.outputs, request.credit, context),
    context.encoders.run(() => makePlaceholder(work, options.placeholderWidth)),
  ]);
  const manifest = await buildManifest(planned, identity, placeholder, layout);
  await writeManifest(layout, key, manifest);
  return { ok: true, image: manifestToImage(manifest, options), encoded: encoded > 0 };
}
