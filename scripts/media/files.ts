/**
 * Names of what the media module makes, without sharp: the build plans and publishes images from
 * their manifests on every run, and loads sharp only when something must be encoded.
 */
import type { ImageCdn, ImageFile, MediaRequest, ProcessedImage } from "./types.ts";

/**
 * The key of `MediaResult.images` for a request: the article and the field, which together
 * name one image slot.
 *
 * @example
 * result.images.get(mediaKey(request));
 */
export function mediaKey(request: MediaRequest): string {
  return `${request.article}#${request.field}`;
}

/**
 * The files an image publishes: without an image CDN every candidate (the responsive set in
 * each format, then the crops); with one, the masters the CDN makes them from.
 */
export function publishedFiles(image: ProcessedImage): ImageFile[] {
  if (image.masters) return [...image.masters];
  return [
    ...image.variants.avif,
    ...image.variants.webp,
    ...image.variants.jpeg,
    image.crops["16x9"],
    image.crops["4x3"],
    image.crops["1x1"],
    image.crops.social,
  ].filter((candidate): candidate is ImageFile => "path" in candidate);
}

/** Every output path an image uses. */
export function imageFiles(image: ProcessedImage): string[] {
  return publishedFiles(image).map((file) => file.path);
}

/** The CDN an image's candidates are made by, or undefined when sharp made them. */
export function imageCdnOf(image: ProcessedImage): ImageCdn | undefined {
  const candidate = image.variants.jpeg[0];
  return candidate && "cdn" in candidate ? candidate.cdn : undefined;
}

/**
 * Whether an image was made for `cdn` (undefined: by sharp): an image made for another
 * setting cannot be reused as it is, though its files may be (the cache decides).
 */
export function madeFor(image: ProcessedImage, cdn: ImageCdn | undefined): boolean {
  return JSON.stringify(imageCdnOf(image) ?? null) === JSON.stringify(cdn ?? null);
}
