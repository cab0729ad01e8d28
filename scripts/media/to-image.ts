/**
 * The public view of a manifest: the ProcessedImage layouts see, with paths under the site's
 * media folder. With an image CDN, every candidate is a rendition the CDN makes on request from
 * the published master: the same widths as sharp would make (never wider than the master,
 * which is never narrower than the widest width), the same formats and qualities, and crops at
 * the same sizes around the same focal point.
 */
import { cropPlan } from "./crops.ts";
import { CROP_NAMES } from "./defaults.ts";
import {
  type AnyManifest,
  isMasterManifest,
  type Manifest,
  type ManifestEntry,
  type MasterManifest,
} from "./manifest.ts";
import type {
  CdnRendition,
  CropName,
  ImageCdn,
  ImageFile,
  MediaOptions,
  OutputFormat,
  ProcessedImage,
} from "./types.ts";
import { variantSizes } from "./variants.ts";

function imageFile(entry: ManifestEntry, format: OutputFormat, outputSubdir: string): ImageFile {
  return {
    path: `${outputSubdir}/${entry.name}`,
    width: entry.width,
    height: entry.height,
    format,
    sha256: entry.sha256,
  };
}

/** The image made by sharp: every candidate is a published file. */
function localImage(manifest: Manifest, outputSubdir: string): ProcessedImage {
  const variants = (format: OutputFormat) =>
    manifest.variants[format].map((entry) => imageFile(entry, format, outputSubdir));
  const crop = (name: CropName) => imageFile(manifest.crops[name], "jpeg", outputSubdir);
  return {
    width: manifest.width,
    height: manifest.height,
    variants: { avif: variants("avif"), webp: variants("webp"), jpeg: variants("jpeg") },
    crops: { "16x9": crop("16x9"), "4x3": crop("4x3"), "1x1": crop("1x1"), social: crop("social") },
    placeholder: manifest.placeholder,
  };
}

/** The image an image CDN makes: renditions of the published masters. */
function cdnImage(manifest: MasterManifest, options: MediaOptions, cdn: ImageCdn): ProcessedImage {
  const master = imageFile(manifest.master, "jpeg", options.outputSubdir);
  const rendition = (format: OutputFormat, size: { width: number; height: number }) =>
    ({ cdn, master: master.path, ...size, format, quality: options[format].quality }) as const;
  const variants = (format: OutputFormat): CdnRendition[] =>
    variantSizes(master, options.widths).map((size) => rendition(format, size));
  const cropMasters = manifest.crops;
  const source = { width: manifest.width, height: manifest.height };
  const crop = (name: CropName): CdnRendition => {
    if (cropMasters) {
      const cut = imageFile(cropMasters[name], "jpeg", options.outputSubdir);
      const size = { width: cut.width, height: cut.height };
      return { ...rendition("jpeg", size), master: cut.path, crop: {} };
    }
    // The size sharp would cut, from the source; the master holds at least those pixels.
    const planned = cropPlan(source, options.crops[name], manifest.focus);
    if (!planned) throw new Error(`media: no ${name} crop for a planned image`);
    const size = { width: planned.width, height: planned.height };
    return { ...rendition("jpeg", size), crop: { focus: manifest.focus } };
  };
  return {
    width: manifest.width,
    height: manifest.height,
    variants: { avif: variants("avif"), webp: variants("webp"), jpeg: variants("jpeg") },
    crops: { "16x9": crop("16x9"), "4x3": crop("4x3"), "1x1": crop("1x1"), social: crop("social") },
    placeholder: manifest.placeholder,
    masters: [
      master,
      ...(cropMasters
        ? CROP_NAMES.map((name) => imageFile(cropMasters[name], "jpeg", options.outputSubdir))
        : []),
    ],
  };
}

/** What layouts see of a cached image, under `options` (its media folder, its CDN). */
export function manifestToImage(manifest: AnyManifest, options: MediaOptions): ProcessedImage {
  if (!isMasterManifest(manifest)) return localImage(manifest, options.outputSubdir);
  if (!options.cdn) throw new Error("media: a CDN master manifest read without a CDN");
  return cdnImage(manifest, options, options.cdn);
}
