import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { minified } from "./minify.ts";

/** A site asset: where it comes from, and the content-hashed path it is served at. */
export interface Asset {
  readonly source: string;
  /** Site-relative path without the prefix, e.g. `/assets/site.3f9a1c2b.css`. */
  readonly path: string;
  readonly bytes: Buffer;
}

/** The site's own CSS, script and images, each under a name that changes when it changes. */
export interface Assets {
  readonly css: Asset;
  /** Styles for photos, galleries, pull quotes and embeds, linked only by pages whose bodies have them. */
  readonly bodyMedia: Asset;
  readonly videoFacade: Asset;
  /** The embeds' click-to-load script, on pages with embeds only. */
  readonly embeds: Asset;
  /** The galleries' viewer, on pages with galleries only. */
  readonly gallery: Asset;
  readonly search: Asset;
  /** A live blog's styles, and the script that brings its new updates while it is live. */
  readonly liveBlog: Asset;
  readonly livePoll: Asset;
  /** Fronts' container layouts, on pages a front file drives only. */
  readonly fronts: Asset;
  /** Shows the breaking-news banner from /breaking.json on articles and listings. */
  readonly breaking: Asset;
  readonly logo: Asset;
}

/** The URLs of the site's own files, as pages link them. */
export interface AssetPaths {
  readonly css: string;
  readonly bodyMedia: string;
  readonly videoFacade: string;
  readonly embeds: string;
  readonly gallery: string;
  readonly search: string;
  readonly liveBlog: string;
  readonly livePoll: string;
  readonly fronts: string;
  readonly breaking: string;
  readonly logo: string;
}

/** The URLs of the assets. */
export function assetPaths(assets: Assets): AssetPaths {
  return {
    css: assets.css.path,
    bodyMedia: assets.bodyMedia.path,
    videoFacade: assets.videoFacade.path,
    embeds: assets.embeds.path,
    gallery: assets.gallery.path,
    search: assets.search.path,
    liveBlog: assets.liveBlog.path,
    livePoll: assets.livePoll.path,
    fronts: assets.fronts.path,
    breaking: assets.breaking.path,
    logo: assets.logo.path,
  };
}

/**
 * The assets of the site, named by content hash so hosts may cache them forever
 * (`Cache-Control: immutable`) and a changed file gets a new URL.
 */
export function loadAssets(root: string, logo: string): Assets {
  return {
    css: asset(root, "assets/css/site.css"),
    bodyMedia: asset(root, "assets/css/body-media.css"),
    videoFacade: asset(root, "assets/js/video-facade.js"),
    embeds: asset(root, "assets/js/embeds.js"),
    gallery: asset(root, "assets/js/gallery.js"),
    search: asset(root, "assets/js/search.js"),
    liveBlog: asset(root, "assets/css/live.css"),
    livePoll: asset(root, "assets/js/live.js"),
    fronts: asset(root, "assets/css/fronts.css"),
    breaking: asset(root, "assets/js/breaking.js"),
    logo: asset(root, `assets/images/${logo}`),
  };
}

function asset(root: string, source: string): Asset {
  const bytes = minify(source, readFileSync(path.join(root, source)));
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const extension = path.extname(source);
  const name = `${path.basename(source, extension)}.${hash}${extension}`;
  return { source, path: `/assets/${name}`, bytes };
}

/** CSS and scripts are minified (esbuild) so readers on slow networks get the fewest bytes. */
function minify(source: string, bytes: Buffer): Buffer {
  const loader = source.endsWith(".css") ? "css" : source.endsWith(".js") ? "js" : undefined;
  if (!loader) return bytes;
  const code = minified(source, bytes.toString("utf8"), {
    loader,
    minify: true,
    target: "es2020",
    legalComments: "none",
  });
  return Buffer.from(code);
}

/** Writes every asset into the output folder under its hashed name. */
export function writeAssets(assets: Assets, outputDir: string): void {
  for (const item of Object.values(assets)) {
    const target = path.join(outputDir, item.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, item.bytes);
  }
}
