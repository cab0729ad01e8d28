/**
 * Names of what the media module makes, without sharp: the build plans and publishes images from
 * their manifests on every run, and loads sharp only when something must be encoded.
 */
import type { MediaRequest, ProcessedImage } from "./types.ts";

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

/** Every output path an image uses. */
export function imageFiles(image: ProcessedImage): string[] {
  return [
    ...image.variants.avif,
    ...image.variants.webp,
    ...image.variants.jpeg,
    image.crops["16x9"],
    image.crops["4x3"],
    image.crops["1x1"],
    image.crops.social,
  ].map((file) => file.path);
}
