import type { Site } from "../../scripts/content/model.ts";
import type { ImageCandidate, ProcessedImage } from "../../scripts/media/index.ts";
import { imageSrc } from "../../scripts/site/image-urls.ts";

/** Where an image sits decides how the browser should fetch it. */
export type Loading =
  /** The first media on the page: the LCP candidate, fetched at once with high priority. */
  | "priority"
  /** Everything else: fetched when it nears the viewport. */
  | "lazy";

interface PictureProps {
  readonly image: ProcessedImage;
  readonly alt: string;
  /** The CSS slot's width, for `sizes`: must match the stylesheet. */
  readonly sizes: string;
  readonly loading: Loading;
  readonly site: Site;
  readonly class?: string;
}

/**
 * Each candidate's URL and its width. A Cloudflare URL holds commas (`width=800,format=avif`):
 * the HTML srcset grammar allows them, as a URL runs to the next whitespace.
 */
function srcset(site: Site, candidates: readonly ImageCandidate[]): string {
  return candidates
    .map((candidate) => `${imageSrc(site, candidate)} ${candidate.width}w`)
    .join(", ");
}

/**
 * A responsive `<picture>`: AVIF, then WebP, then a JPEG `<img>` every browser reads, with a
 * tiny blurred placeholder behind it until it loads (an `<img>`, as the CSP forbids inline
 * styles). The candidates are files sharp made, or sizes an image CDN makes on request: the
 * markup is the same either way.
 */
export function Picture({ image, alt, sizes, loading, site, class: className }: PictureProps) {
  const jpegs = image.variants.jpeg;
  // The fallback src is a middling width: old browsers that ignore srcset are rarely large.
  const fallback = jpegs.find((file) => file.width >= 800) ?? jpegs.at(-1);
  if (!fallback) return null;
  return (
    <div class={["media-frame", className].filter(Boolean).join(" ")}>
      <img class="media-placeholder" src={image.placeholder} alt="" aria-hidden="true" />
      <picture>
        <source type="image/avif" srcset={srcset(site, image.variants.avif)} sizes={sizes} />
        <source type="image/webp" srcset={srcset(site, image.variants.webp)} sizes={sizes} />
        <img
          src={imageSrc(site, fallback)}
          srcset={srcset(site, jpegs)}
          sizes={sizes}
          width={fallback.width}
          height={fallback.height}
          alt={alt}
          decoding="async"
          {...(loading === "priority" ? { fetchpriority: "high" } : { loading: "lazy" })}
        />
      </picture>
    </div>
  );
}
