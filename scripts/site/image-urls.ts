/**
 * The URL of every image candidate, honouring `PATH_PREFIX` and `SITE_URL`: a published file
 * under the site's folder, or a size an image CDN makes from a published master
 * (scripts/media/cdn/). Layouts, structured data and feeds take image URLs from here alone.
 */
import type { Site } from "../content/model.ts";
import { renditionUrl } from "../media/cdn/index.ts";
import type { ImageCandidate, ImageFile } from "../media/types.ts";
import { absoluteUrl, href } from "./urls.ts";

/** Whether a candidate is a published file (rather than a CDN rendition). */
export function isPublishedFile(candidate: ImageCandidate): candidate is ImageFile {
  return "path" in candidate;
}

/**
 * The URL for `src` and `srcset`: site-relative (`/news/media/x-800.avif`,
 * `/.netlify/images?url=/news/media/x-master.jpg&w=800&fm=avif&q=58`,
 * `/cdn-cgi/image/width=800,format=avif,quality=58/news/media/x-master.jpg`) or, for imgix, on
 * its own domain (`https://example.imgix.net/news/media/x-master.jpg?w=800&fm=avif&q=58`).
 */
export function imageSrc(site: Pick<Site, "pathPrefix">, candidate: ImageCandidate): string {
  if (isPublishedFile(candidate)) return href(site, candidate.path);
  return renditionUrl(candidate, href(site, candidate.master));
}

/** The absolute URL, for Open Graph, JSON-LD and feeds, read away from the site. */
export function imageUrl(
  site: Pick<Site, "origin" | "pathPrefix">,
  candidate: ImageCandidate,
): string {
  if (isPublishedFile(candidate)) return absoluteUrl(site, candidate.path);
  const src = imageSrc(site, candidate);
  // Netlify's and Cloudflare's endpoints are on the site's own origin; imgix's is its own.
  return src.startsWith("/") ? `${site.origin}${src}` : src;
}
