/**
 * The media module: the only code in Broadsheet that touches sharp. It turns an article's
 * source photos into responsive sets, focal-point crops and placeholders, cached on disk, and
 * knows nothing of HTML: layouts receive paths and sizes.
 *
 * @example
 * import { formatProgress, processImages, publishImages } from "../media/index.ts";
 * const result = await processImages(requests, {}, (p) => console.log(formatProgress(p)));
 */
export { createMediaOptions } from "./defaults.ts";
export { imageFiles, mediaKey, publishedFiles } from "./files.ts";
export { processImages } from "./process.ts";
export { formatProgress } from "./progress.ts";
export { pruneCache, publishImages } from "./publish.ts";
export type {
  AvifSettings,
  BodyPhotoField,
  CdnRendition,
  CropName,
  CropSize,
  FailOn,
  ImageCandidate,
  ImageCdn,
  ImageFile,
  JpegSettings,
  LocalImage,
  MasterSettings,
  MediaOptions,
  MediaProgress,
  MediaRequest,
  MediaResult,
  MediaStats,
  OutputFormat,
  ProcessedImage,
  SourceFormat,
  WebpSettings,
} from "./types.ts";
