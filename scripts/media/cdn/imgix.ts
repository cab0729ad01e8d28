/**
 * imgix's Rendering API (https://docs.imgix.com/apis/rendering): `https://<domain>/<path>?w=&fm=&q=`,
 * where `<domain>` is the imgix source's domain and `<path>` the image's path on the origin the
 * source points at (a Web Folder source whose base URL is the site's origin). `fm` is `avif`,
 * `webp` or `jpg`. Crops: `fit=crop` with `w` and `h`, and `crop=focalpoint&fp-x=&fp-y=`
 * (fractions) centre the crop on the focal point as far as the edges allow.
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

const FM: Record<OutputFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };
const FORMATS = new Map(Object.entries(FM).map(([format, fm]) => [fm, format as OutputFormat]));

/** The URL of `rendition` from the imgix source at `domain`, the master at `masterPath`. */
export function imgixUrl(rendition: CdnRendition, masterPath: string, domain: string): string {
  const focus = rendition.crop?.focus;
  if (rendition.crop && !focus) throw new Error("imgix crops are cut around a focal point");
  const params = [
    `w=${rendition.width}`,
    ...(rendition.crop
      ? [
          `h=${rendition.height}`,
          "fit=crop",
          "crop=focalpoint",
          `fp-x=${fraction(focus?.[0] ?? 0.5)}`,
          `fp-y=${fraction(focus?.[1] ?? 0.5)}`,
        ]
      : []),
    `fm=${FM[rendition.format]}`,
    `q=${rendition.quality}`,
  ];
  return `https://${domain}${checkedMasterPath(masterPath)}?${params.join("&")}`;
}

/** Reads a URL this module writes for `domain`; undefined for anything else. */
export function parseImgixUrl(url: string, domain: string): RenditionQuery | undefined {
  const origin = `https://${domain}`;
  if (!url.startsWith(`${origin}/`) || url.includes("#")) return undefined;
  const [master = "", query, ...rest] = url.slice(origin.length).split("?");
  if (query === undefined || rest.length > 0) return undefined;
  const params = new Map<string, string>();
  for (const pair of query.split("&")) {
    const [name, value, ...more] = pair.split("=");
    if (!name || value === undefined || more.length > 0 || params.has(name)) return undefined;
    params.set(name, value);
  }
  const known = new Set(["w", "h", "fit", "crop", "fp-x", "fp-y", "fm", "q"]);
  if ([...params.keys()].some((name) => !known.has(name))) return undefined;
  const width = readCount(params.get("w"));
  const format = FORMATS.get(params.get("fm") ?? "");
  const quality = readQuality(params.get("q"));
  if (!isMasterPath(master) || !width || !format || !quality) return undefined;
  if (!params.has("h")) {
    const cropping = ["fit", "crop", "fp-x", "fp-y"].some((name) => params.has(name));
    return cropping ? undefined : { master, width, format, quality };
  }
  const height = readCount(params.get("h"));
  const fx = readFraction(params.get("fp-x"));
  const fy = readFraction(params.get("fp-y"));
  if (!height || params.get("fit") !== "crop" || params.get("crop") !== "focalpoint") {
    return undefined;
  }
  if (fx === undefined || fy === undefined) return undefined;
  return { master, width, height, format, quality, focus: [fx, fy] };
}
