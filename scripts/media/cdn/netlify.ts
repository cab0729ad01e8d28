/**
 * Netlify Image CDN (https://docs.netlify.com/image-cdn/overview/):
 * `/.netlify/images?url=<source>&w=&h=&fit=&fm=&q=` on the site's own origin. `url` is the
 * source's path on the site; `fm` is `avif`, `webp` or `jpg` (without it the format would
 * follow the browser's Accept header, and `<source type>` could not promise one); `fit=cover`
 * needs both `w` and `h`. Netlify has no focal point (`position` is only a side), so the
 * build publishes each crop pre-cut around the focus and asks for it whole.
 */
import type { CdnRendition, OutputFormat } from "../types.ts";
import {
  checkedMasterPath,
  isMasterPath,
  type RenditionQuery,
  readCount,
  readQuality,
} from "./shared.ts";

/** The endpoint, at the root of the site's origin whatever the path prefix. */
export const NETLIFY_ENDPOINT = "/.netlify/images";

const FM: Record<OutputFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };
const FORMATS = new Map(Object.entries(FM).map(([format, fm]) => [fm, format as OutputFormat]));

/** The URL of `rendition`, whose master is served at `masterPath` (prefix included). */
export function netlifyUrl(rendition: CdnRendition, masterPath: string): string {
  if (rendition.crop?.focus) {
    throw new Error("Netlify Image CDN has no focal point: crops are pre-cut masters");
  }
  // A crop is asked for at its exact size; a size of the responsive set by its width alone, so
  // Netlify keeps the master's aspect ratio.
  const size = rendition.crop
    ? `w=${rendition.width}&h=${rendition.height}&fit=cover`
    : `w=${rendition.width}`;
  return `${NETLIFY_ENDPOINT}?url=${checkedMasterPath(masterPath)}&${size}&fm=${FM[rendition.format]}&q=${rendition.quality}`;
}

/** Reads a URL this module writes; undefined for anything else. */
export function parseNetlifyUrl(url: string): RenditionQuery | undefined {
  const [path, query, ...rest] = url.split("?");
  if (path !== NETLIFY_ENDPOINT || query === undefined || rest.length > 0 || url.includes("#")) {
    return undefined;
  }
  const params = new Map<string, string>();
  for (const pair of query.split("&")) {
    const [name, value, ...more] = pair.split("=");
    if (!name || value === undefined || more.length > 0 || params.has(name)) return undefined;
    params.set(name, value);
  }
  const master = params.get("url");
  const width = readCount(params.get("w"));
  const format = FORMATS.get(params.get("fm") ?? "");
  const quality = readQuality(params.get("q"));
  const known = new Set(["url", "w", "h", "fit", "fm", "q"]);
  if ([...params.keys()].some((name) => !known.has(name))) return undefined;
  if (!master || !isMasterPath(master) || !width || !format || !quality) return undefined;
  if (!params.has("h")) {
    return params.has("fit") ? undefined : { master, width, format, quality };
  }
  const height = readCount(params.get("h"));
  if (!height || params.get("fit") !== "cover") return undefined;
  return { master, width, height, format, quality };
}
