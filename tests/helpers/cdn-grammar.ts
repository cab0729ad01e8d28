/**
 * The image CDNs' URL grammars as their documentation states them, written for the tests
 * independently of Broadsheet's own URL builders and parsers (scripts/media/cdn/): a URL the
 * build writes must read here as a valid request, for the size its srcset descriptor claims.
 *
 * - Netlify Image CDN, https://docs.netlify.com/image-cdn/overview/: `/.netlify/images` with
 *   query parameters `url` (required; a path on the site, or a remote URL), `w`, `h`,
 *   `fit` (contain, cover, fill; cover needs both w and h), `position` (center, top, bottom,
 *   left, right), `fm` (avif, webp, jpg, png, gif, blurhash), `q` (1-100).
 * - Cloudflare Images, https://developers.cloudflare.com/images/transform-images/transform-via-url/:
 *   `/cdn-cgi/image/<OPTIONS>/<SOURCE-IMAGE>`, options comma-separated `name=value` (full or
 *   abbreviated names), at least one, no spaces; `fit` scale-down, contain, cover, crop, pad,
 *   squeeze; `gravity` auto, face, left, right, top, bottom or `XxY` fractions 0.0-1.0;
 *   `format` auto, avif, webp, jpeg, baseline-jpeg, json; `quality` 1-100.
 * - imgix Rendering API, https://docs.imgix.com/apis/rendering: `https://<domain>/<path>?...`,
 *   `w`, `h`, `fit` (clamp, clip, crop, facearea, fill, fillmax, max, min, scale), `crop`
 *   (top, bottom, left, right, faces, focalpoint, edges, entropy; comma-separated),
 *   `fp-x`/`fp-y` (0.0-1.0, need fit=crop and crop=focalpoint), `fm` (avif, gif, jp2, jpg,
 *   json, jxr, pjpg, mp4, png, png8, png32, webm, webp, blurhash), `q` (0-100), `auto=format`.
 */
import assert from "node:assert/strict";

/** What a CDN URL asks for, in the tests' own reading. */
export interface CdnRequest {
  /** The source's path on the site's origin. */
  readonly source: string;
  readonly width?: number;
  readonly height?: number;
  /** As the provider names it: `avif`, `webp`, `jpg` / `jpeg`. */
  readonly format?: string;
  readonly quality?: number;
  readonly fit?: string;
  /** `[x, y]` fractions, when a focal point is given. */
  readonly focus?: readonly [number, number];
}

const positiveInteger = (value: string, what: string): number => {
  assert.match(value, /^[1-9]\d*$/, `${what} must be a positive integer, got ${value}`);
  return Number(value);
};

const fractionOf = (value: string, what: string): number => {
  assert.match(value, /^(?:0|1)(?:\.\d+)?$|^0?\.\d+$/, `${what} must be a decimal, got ${value}`);
  const number = Number(value);
  assert.ok(number >= 0 && number <= 1, `${what} must be from 0 to 1, got ${value}`);
  return number;
};

function queryOf(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    assert.ok(!params.has(name), `parameter ${name} given twice`);
    params.set(name, value);
  }
  return params;
}

function onlyKnown(params: ReadonlyMap<string, string>, known: readonly string[], where: string) {
  for (const name of params.keys()) {
    assert.ok(known.includes(name), `${where}: ${name} is not a documented parameter`);
  }
}

/** Reads a Netlify Image CDN URL (site-relative or absolute on the site's origin). */
export function readNetlify(url: string, origin: string): CdnRequest {
  const parsed = new URL(url, origin);
  assert.equal(parsed.origin, origin, "Netlify's endpoint is on the site's own origin");
  assert.equal(parsed.pathname, "/.netlify/images", "the endpoint is /.netlify/images");
  const params = queryOf(parsed.search.slice(1));
  onlyKnown(params, ["url", "w", "h", "fit", "position", "fm", "q"], "Netlify");
  const source = params.get("url");
  assert.ok(source, "url is required");
  assert.ok(source.startsWith("/"), `a site image's url is its path: ${source}`);
  const fit = params.get("fit");
  if (fit !== undefined) assert.ok(["contain", "cover", "fill"].includes(fit), `fit=${fit}`);
  if (fit === "cover") assert.ok(params.has("w") && params.has("h"), "fit=cover needs w and h");
  const position = params.get("position");
  if (position !== undefined) {
    assert.ok(["center", "top", "bottom", "left", "right"].includes(position), position);
  }
  const format = params.get("fm");
  if (format !== undefined) {
    assert.ok(["avif", "webp", "jpg", "png", "gif", "blurhash"].includes(format), `fm=${format}`);
  }
  const quality = params.get("q");
  const w = params.get("w");
  const h = params.get("h");
  return {
    source,
    ...(w === undefined ? {} : { width: positiveInteger(w, "w") }),
    ...(h === undefined ? {} : { height: positiveInteger(h, "h") }),
    ...(format === undefined ? {} : { format }),
    ...(quality === undefined ? {} : { quality: qualityOf(quality, 1) }),
    ...(fit === undefined ? {} : { fit }),
  };
}

function qualityOf(value: string, lowest: number): number {
  assert.match(value, /^\d+$/, `quality must be an integer, got ${value}`);
  const quality = Number(value);
  assert.ok(quality >= lowest && quality <= 100, `quality ${value} out of range`);
  return quality;
}

const CLOUDFLARE_NAMES: Readonly<Record<string, string>> = {
  w: "width",
  h: "height",
  g: "gravity",
  f: "format",
  q: "quality",
};

/** Reads a Cloudflare transformation URL (site-relative or absolute on the site's zone). */
export function readCloudflare(url: string, origin: string): CdnRequest {
  const parsed = new URL(url, origin);
  assert.equal(parsed.origin, origin, "Cloudflare transforms on the site's own zone");
  const match = /^\/cdn-cgi\/image\/([^/]+)\/(.+)$/.exec(parsed.pathname);
  assert.ok(match, `not /cdn-cgi/image/<OPTIONS>/<SOURCE-IMAGE>: ${url}`);
  assert.equal(parsed.search, "", "options are in the path, not a query");
  const [, optionText = "", source = ""] = match;
  assert.ok(!/\s/.test(optionText), "no spaces in options");
  const options = new Map<string, string>();
  for (const option of optionText.split(",")) {
    const [rawName = "", value, extra] = option.split("=");
    assert.ok(value !== undefined && extra === undefined, `option ${option} is not name=value`);
    const name = CLOUDFLARE_NAMES[rawName] ?? rawName;
    assert.ok(!options.has(name), `option ${name} given twice`);
    options.set(name, value);
  }
  onlyKnown(options, ["width", "height", "fit", "gravity", "format", "quality"], "Cloudflare");
  const fit = options.get("fit");
  if (fit !== undefined) {
    assert.ok(["scale-down", "contain", "cover", "crop", "pad", "squeeze"].includes(fit), fit);
  }
  const format = options.get("format");
  if (format !== undefined) {
    assert.ok(["auto", "avif", "webp", "jpeg", "baseline-jpeg", "json"].includes(format), format);
  }
  let focus: readonly [number, number] | undefined;
  const gravity = options.get("gravity");
  if (
    gravity !== undefined &&
    !["auto", "face", "left", "right", "top", "bottom"].includes(gravity)
  ) {
    const [x = "", y = "", more] = gravity.split("x");
    assert.equal(more, undefined, `gravity ${gravity} is not XxY`);
    focus = [fractionOf(x, "gravity X"), fractionOf(y, "gravity Y")];
  }
  const width = options.get("width");
  const height = options.get("height");
  const quality = options.get("quality");
  return {
    source: `/${source}`,
    ...(width === undefined ? {} : { width: positiveInteger(width, "width") }),
    ...(height === undefined ? {} : { height: positiveInteger(height, "height") }),
    ...(format === undefined ? {} : { format }),
    ...(quality === undefined ? {} : { quality: qualityOf(quality, 1) }),
    ...(fit === undefined ? {} : { fit }),
    ...(focus ? { focus } : {}),
  };
}

/** Reads an imgix URL on the source's `domain`. */
export function readImgix(url: string, domain: string): CdnRequest {
  const parsed = new URL(url);
  assert.equal(parsed.protocol, "https:", "imgix is served over https");
  assert.equal(parsed.host, domain, `not on the imgix source's domain ${domain}`);
  const params = queryOf(parsed.search.slice(1));
  onlyKnown(params, ["w", "h", "fit", "crop", "fp-x", "fp-y", "fm", "q", "auto"], "imgix");
  const fit = params.get("fit");
  if (fit !== undefined) {
    const fits = ["clamp", "clip", "crop", "facearea", "fill", "fillmax", "max", "min", "scale"];
    assert.ok(fits.includes(fit), `fit=${fit}`);
  }
  const crop = params.get("crop");
  if (crop !== undefined) {
    const modes = ["top", "bottom", "left", "right", "faces", "focalpoint", "edges", "entropy"];
    for (const mode of crop.split(",")) assert.ok(modes.includes(mode), `crop=${crop}`);
  }
  let focus: readonly [number, number] | undefined;
  if (params.has("fp-x") || params.has("fp-y")) {
    assert.equal(fit, "crop", "focal point parameters need fit=crop");
    assert.ok(
      crop?.split(",").includes("focalpoint"),
      "focal point parameters need crop=focalpoint",
    );
    focus = [
      fractionOf(params.get("fp-x") ?? "", "fp-x"),
      fractionOf(params.get("fp-y") ?? "", "fp-y"),
    ];
  }
  const format = params.get("fm");
  if (format !== undefined) {
    const formats = ["avif", "gif", "jp2", "jpg", "json", "jxr", "pjpg", "mp4", "png", "png8"];
    assert.ok([...formats, "png32", "webm", "webp", "blurhash"].includes(format), `fm=${format}`);
  }
  const width = params.get("w");
  const height = params.get("h");
  const quality = params.get("q");
  return {
    source: parsed.pathname,
    ...(width === undefined ? {} : { width: positiveInteger(width, "w") }),
    ...(height === undefined ? {} : { height: positiveInteger(height, "h") }),
    ...(format === undefined ? {} : { format }),
    ...(quality === undefined ? {} : { quality: qualityOf(quality, 0) }),
    ...(fit === undefined ? {} : { fit }),
    ...(focus ? { focus } : {}),
  };
}

/** Reads a URL by the grammar of `provider`. */
export function readCdnUrl(
  provider: "netlify" | "cloudflare" | "imgix",
  url: string,
  where: { readonly origin: string; readonly imgixDomain?: string },
): CdnRequest {
  switch (provider) {
    case "netlify":
      return readNetlify(url, where.origin);
    case "cloudflare":
      return readCloudflare(url, where.origin);
    case "imgix":
      return readImgix(url, where.imgixDomain ?? "");
  }
}

/** The file format each provider's name stands for. */
export function formatName(name: string | undefined): "avif" | "webp" | "jpeg" | undefined {
  if (name === "avif" || name === "webp") return name;
  if (name === "jpg" || name === "jpeg" || name === "pjpg") return "jpeg";
  return undefined;
}
