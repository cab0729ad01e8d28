/**
 * Cloudflare Images, transformations by URL
 * (https://developers.cloudflare.com/images/transform-images/transform-via-url/):
 * `/cdn-cgi/image/<options>/<source>` on the site's own zone, the options comma-separated
 * (`width=800,format=avif,quality=58`), the source the image's path on the origin without its
 * leading slash. Crops: `fit=cover` fills exactly `width` x `height` (`fit=crop` never enlarges,
 * so a master a pixel short of a crop after rounding would give a crop a pixel short of the size
 * the markup states), and `gravity=XxY` (fractions, `0x0` top left) keeps the focal point in view.
 */
import type { CdnRendition, OutputFormat } from "../types.ts";
import {
  checkedMasterPath,
  fraction,
  isMasterPath,
  type RenditionQuery,
  readCount,
  readFraction,
  readQuality,
} from "./shared.ts";

/** The prefix, at the root of the zone whatever the site's path prefix. */
export const CLOUDFLARE_PREFIX = "/cdn-cgi/image/";

const FORMAT: Record<OutputFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpeg" };
const FORMATS = new Map(
  Object.entries(FORMAT).map(([format, name]) => [name, format as OutputFormat]),
);

/** The URL of `rendition`, whose master is served at `masterPath` (prefix included). */
export function cloudflareUrl(rendition: CdnRendition, masterPath: string): string {
  const focus = rendition.crop?.focus;
  if (rendition.crop && !focus) throw new Error("Cloudflare crops are cut around a focal point");
  const options = [
    `width=${rendition.width}`,
    ...(rendition.crop
      ? [
          `height=${rendition.height}`,
          "fit=cover",
          `gravity=${fraction(focus?.[0] ?? 0.5)}x${fraction(focus?.[1] ?? 0.5)}`,
        ]
      : []),
    `format=${FORMAT[rendition.format]}`,
    `quality=${rendition.quality}`,
  ];
  return `${CLOUDFLARE_PREFIX}${options.join(",")}${checkedMasterPath(masterPath)}`;
}

/** Reads a URL this module writes; undefined for anything else. */
export function parseCloudflareUrl(url: string): RenditionQuery | undefined {
  if (!url.startsWith(CLOUDFLARE_PREFIX) || /[?#\s]/.test(url)) return undefined;
  const rest = url.slice(CLOUDFLARE_PREFIX.length);
  const slash = rest.indexOf("/");
  if (slash <= 0) return undefined;
  const master = rest.slice(slash);
  const options = new Map<string, string>();
  for (const option of rest.slice(0, slash).split(",")) {
    const [name, value, ...more] = option.split("=");
    if (!name || value === undefined || more.length > 0 || options.has(name)) return undefined;
    options.set(name, value);
  }
  const known = new Set(["width", "height", "fit", "gravity", "format", "quality"]);
  if ([...options.keys()].some((name) => !known.has(name))) return undefined;
  const width = readCount(options.get("width"));
  const format = FORMATS.get(options.get("format") ?? "");
  const quality = readQuality(options.get("quality"));
  if (!isMasterPath(master) || !width || !format || !quality) return undefined;
  if (!options.has("height")) {
    return options.has("fit") || options.has("gravity")
      ? undefined
      : { master, width, format, quality };
  }
  const height = readCount(options.get("height"));
  const [x, y, ...extra] = (options.get("gravity") ?? "").split("x");
  const fx = readFraction(x);
  const fy = readFraction(y);
  if (!height || options.get("fit") !== "cover" || extra.length > 0) return undefined;
  if (fx === undefined || fy === undefined) return undefined;
  return { master, width, height, format, quality, focus: [fx, fy] };
}
