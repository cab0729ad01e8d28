/**
 * The media module's public types. Only `index.ts` re-exports them; the rest of the project
 * sees images as paths and numbers, never as sharp objects.
 */

/** One image an article uses, as the content model hands it to the media module. */
export interface MediaRequest {
  /** The article's (or author profile's) file, relative to the project root, e.g. `content/articles/<slug>/index.md`; named in every issue. */
  readonly article: string;
  /** The field that names the image (`photo` in an author profile), or the body photo it is; named in every issue. */
  readonly field: "image.src" | "video.thumbnail" | "photo" | BodyPhotoField;
  /** Absolute path of the source image. */
  readonly file: string;
  /** Focal point as fractions of the width and height, `[x, y]`, each 0..1: crops keep it in view. */
  readonly focus: readonly [number, number];
  /** The photo credit, written as EXIF `Copyright` into every JPEG, WebP and AVIF made from it. */
  readonly credit?: string;
}

/** A photo in an article's body, as issues name it: `the photo on line 14` (of index.md). */
export type BodyPhotoField = `the photo on line ${number}`;

/** The encoded formats, best compression first: the order of `<source>` elements in `<picture>`. */
export type OutputFormat = "avif" | "webp" | "jpeg";

/**
 * One file the build publishes: an encoding of the responsive set or a crop, or (with an image
 * CDN) a master the CDN makes every size from.
 */
export interface ImageFile {
  /** Output path relative to the site root: forward slashes, no leading slash, e.g. `media/photo-3f9a1c2b7d-800.avif`. */
  readonly path: string;
  /** Exact pixel width of the file. */
  readonly width: number;
  /** Exact pixel height of the file. */
  readonly height: number;
  readonly format: OutputFormat;
  /** SHA-256 of the file's bytes, checked whenever the file is copied out of the cache. */
  readonly sha256: string;
}

/**
 * An image CDN that makes every size and format on request from a master the build publishes
 * (`images.cdn` in the site configuration). Each provider's URL grammar is in `cdn/`.
 */
export type ImageCdn =
  | { readonly provider: "netlify" }
  | { readonly provider: "cloudflare" }
  | {
      readonly provider: "imgix";
      /** The imgix source's domain, e.g. `example.imgix.net`: its origin is the site's. */
      readonly domain: string;
    };

/**
 * One size and format an image CDN makes on request. Nothing is encoded for it at build time:
 * its URL asks the CDN for exactly `width` x `height` in `format` from the published `master`.
 */
export interface CdnRendition {
  readonly cdn: ImageCdn;
  /** The published master it is made from, as {@link ImageFile.path}: `media/photo-3f9a1c2b7d-master.jpg`. */
  readonly master: string;
  readonly width: number;
  readonly height: number;
  readonly format: OutputFormat;
  /** The quality asked of the CDN's encoder, 1..100. */
  readonly quality: number;
  /**
   * Present for a crop: the CDN fills exactly `width` x `height`. With a `focus` (fractions of
   * the master's width and height) it cuts the crop around that point itself (Cloudflare
   * `gravity`, imgix `fp-x`/`fp-y`); without one the master is already cut to the crop's ratio
   * around the focus (Netlify, which has no focal point).
   */
  readonly crop?: { readonly focus?: readonly [number, number] };
}

/**
 * What markup points at: a published file, or a size an image CDN makes from a master. Build
 * its URL with `imageSrc` / `imageUrl` (scripts/site/image-urls.ts), never from a path.
 */
export type ImageCandidate = ImageFile | CdnRendition;

/** The names of the fixed-ratio crops. */
export type CropName = "16x9" | "4x3" | "1x1" | "social";

/**
 * Everything a layout needs to show one image: the single source of its URLs and sizes. `C` is
 * what its candidates can be: published files or CDN renditions in general, only files for an
 * image sharp made ({@link LocalImage}).
 */
export interface ProcessedImage<C extends ImageCandidate = ImageCandidate> {
  /** Width of the source after EXIF orientation is applied. */
  readonly width: number;
  /** Height of the source after EXIF orientation is applied. */
  readonly height: number;
  /** The responsive set for `srcset`: ascending width, the same widths in every format. */
  readonly variants: {
    readonly avif: readonly C[];
    readonly webp: readonly C[];
    readonly jpeg: readonly C[];
  };
  /** JPEG crops around the focal point, for structured data, cards and social previews. */
  readonly crops: { readonly [name in CropName]: C };
  /** A tiny blurred WebP as a `data:` URI (a few hundred bytes) to show until the image loads. */
  readonly placeholder: string;
  /**
   * With an image CDN: the masters the build publishes, from which the CDN makes every
   * candidate (the whole photo, and for Netlify, which has no focal point, each crop). Absent
   * when sharp made every candidate: then the candidates are themselves the published files.
   */
  readonly masters?: readonly ImageFile[];
}

/** An image sharp made at build time: every candidate is a published file. */
export type LocalImage = ProcessedImage<ImageFile>;

/** What a run did, in images (one image = one source with its focus and credit). */
export interface MediaStats {
  /** Distinct images asked for. */
  readonly total: number;
  /** Images for which at least one file had to be encoded. */
  readonly encoded: number;
  /** Images served entirely from the cache: nothing encoded. */
  readonly reused: number;
  /** Wall-clock time of the run, in milliseconds. */
  readonly ms: number;
}

/** The result of a successful run: {@link LocalImage}s when no image CDN was named. */
export interface MediaResult<I extends ProcessedImage = ProcessedImage> {
  /** Keyed by {@link mediaKey} of each request. */
  readonly images: ReadonlyMap<string, I>;
  /** Every output path the images use, sorted, without duplicates: what {@link publishImages} writes. */
  readonly files: readonly string[];
  readonly stats: MediaStats;
}

/** Progress, reported after each image is finished (or has failed). */
export interface MediaProgress {
  readonly done: number;
  readonly total: number;
  readonly reused: number;
  readonly encoded: number;
  readonly elapsedMs: number;
}

/** Source formats, as recognised from the file's first bytes (never from its name). */
export type SourceFormat = "jpeg" | "png" | "webp" | "avif" | "tiff";

/** libvips' sensitivity to damaged pixel data, least to most strict. */
export type FailOn = "none" | "truncated" | "error" | "warning";

/** AVIF encoder settings (libaom through libheif). */
export interface AvifSettings {
  /** 1..100. */
  readonly quality: number;
  /** 0 (fastest) .. 9 (smallest files). */
  readonly effort: number;
  readonly chromaSubsampling: "4:2:0" | "4:4:4";
}

/** WebP encoder settings (libwebp). */
export interface WebpSettings {
  /** 1..100. */
  readonly quality: number;
  /** 0 (fastest) .. 6 (smallest files). */
  readonly effort: number;
}

/** JPEG encoder settings (mozjpeg, progressive). */
export interface JpegSettings {
  /** 1..100. */
  readonly quality: number;
}

/**
 * The master an image CDN makes every candidate from: a JPEG of the whole photo, oriented,
 * sRGB, metadata stripped but the credit kept, its longest side capped.
 */
export interface MasterSettings {
  /** The longest side in pixels, unless a crop or the widest candidate needs more of the source. */
  readonly maxSide: number;
  /** JPEG quality, 1..100 (libjpeg, not mozjpeg: see defaults.ts). */
  readonly quality: number;
}

/** The pixel size of one crop; its ratio is width:height. */
export interface CropSize {
  readonly width: number;
  readonly height: number;
}

/** Every setting of the media module. Make one with {@link createMediaOptions}. */
export interface MediaOptions {
  /**
   * Widths of the responsive set, ascending.
   * @default [400, 800, 1200, 1600]
   */
  readonly widths: readonly number[];
  /**
   * AVIF settings.
   * @default { quality: 58, effort: 2, chromaSubsampling: "4:2:0" }
   */
  readonly avif: AvifSettings;
  /**
   * WebP settings.
   * @default { quality: 80, effort: 4 }
   */
  readonly webp: WebpSettings;
  /**
   * JPEG settings (variants and crops), always mozjpeg and progressive.
   * @default { quality: 80 }
   */
  readonly jpeg: JpegSettings;
  /**
   * Crop sizes.
   * @default { "16x9": 1200x675, "4x3": 1200x900, "1x1": 1200x1200, social: 1200x630 }
   */
  readonly crops: { readonly [name in CropName]: CropSize };
  /**
   * The image CDN that makes every size and format from one published master per photo; when
   * absent, sharp makes every size and format at build time.
   * @default undefined
   */
  readonly cdn?: ImageCdn;
  /**
   * The masters made for an image CDN.
   * @default { maxSide: 2560, quality: 90 }
   */
  readonly masters: MasterSettings;
  /**
   * Width of the blurred placeholder, in pixels.
   * @default 20
   */
  readonly placeholderWidth: number;
  /**
   * Colour that transparent pixels are flattened onto.
   * @default "#ffffff"
   */
  readonly background: string;
  /**
   * Where encoded files and manifests are kept between builds.
   * @default `${process.cwd()}/.cache/media`
   */
  readonly cacheDir: string;
  /**
   * Folder under the site root that images are published to; starts every `ImageFile.path`.
   * @default "media"
   */
  readonly outputSubdir: string;
  /**
   * Encodes run side by side; clamped to 1..os.availableParallelism().
   * @default os.availableParallelism()
   */
  readonly concurrency: number;
  /**
   * Sources with more pixels than this are refused before decoding.
   * @default 100_000_000
   */
  readonly limitInputPixels: number;
  /**
   * How strictly damaged pixel data is refused.
   * @default "warning"
   */
  readonly failOn: FailOn;
  /**
   * Source formats accepted, as sniffed from the file's bytes.
   * @default ["jpeg", "png", "webp", "avif", "tiff"]
   */
  readonly allowedFormats: readonly SourceFormat[];
  /**
   * The version of the pipeline's own code (its source files and libvips' build), part of every
   * manifest key and output name: a change to the code that makes images makes them again,
   * under new names. The build passes it (scripts/engine/build-code-keys.ts).
   * @default ""
   */
  readonly codeVersion: string;
}
