import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../content/model.ts";
import { fontFaceCss, fontFiles } from "./fonts.ts";
import { ICON_DEFAULTS, icoFile, type LogoIcons, makeLogoIcons, webManifest } from "./icons.ts";
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
  /** On a blog's pages of older updates: sends a permanent link whose update moved to its page. */
  readonly livePermalink: Asset;
  /** Fronts' container layouts, on pages a front file drives only. */
  readonly fronts: Asset;
  /** Shows the breaking-news banner from /breaking.json on articles and listings. */
  readonly breaking: Asset;
  readonly logo: Asset;
  /** The web fonts (fonts.ts), each subset and style a file; the stylesheet names them all. */
  readonly [font: `font ${string}`]: Asset;
  /** The icons made from the logo (icons.ts), and the manifest naming them. */
  readonly appleTouchIcon: Asset;
  readonly manifestIcon192: Asset;
  readonly manifestIcon512: Asset;
  /** At fixed addresses browsers ask for: `/favicon.ico`, `/site.webmanifest`. */
  readonly favicon: Asset;
  readonly manifest: Asset;
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
  readonly livePermalink: string;
  readonly fronts: string;
  readonly breaking: string;
  readonly logo: string;
  /**
   * The logo's intrinsic size, `<width>x<height>`: a square mark is set beside the site's name,
   * a wordmark alone.
   */
  readonly logoSize: string;
  /** The one font file every page preloads: the serif's Latin roman, which headlines and text use. */
  readonly fontPreload: string;
  readonly favicon: string;
  readonly appleTouchIcon: string;
  readonly manifest: string;
  /**
   * The 512 px square icon made from the logo: the social card of a page with no photo of its
   * own (the front page, sections, topics), as newspapers' pages show their mark when shared.
   */
  readonly shareIcon: string;
}

/** The URLs of the assets, with what pages need to know of the logo and the fonts. */
export function assetPaths(
  assets: Assets,
  facts: Pick<AssetPaths, "logoSize" | "fontPreload">,
): AssetPaths {
  return {
    css: assets.css.path,
    bodyMedia: assets.bodyMedia.path,
    videoFacade: assets.videoFacade.path,
    embeds: assets.embeds.path,
    gallery: assets.gallery.path,
    search: assets.search.path,
    liveBlog: assets.liveBlog.path,
    livePoll: assets.livePoll.path,
    livePermalink: assets.livePermalink.path,
    fronts: assets.fronts.path,
    breaking: assets.breaking.path,
    logo: assets.logo.path,
    logoSize: facts.logoSize,
    fontPreload: facts.fontPreload,
    favicon: assets.favicon.path,
    appleTouchIcon: assets.appleTouchIcon.path,
    manifest: assets.manifest.path,
    shareIcon: assets.manifestIcon512.path,
  };
}

/** The assets' files, and their URLs as pages link them. */
export interface LoadedAssets {
  readonly files: Assets;
  readonly paths: AssetPaths;
}

/**
 * The assets of the site, named by content hash so hosts may cache them forever
 * (`Cache-Control: immutable`) and a changed file gets a new URL; the favicon and the manifest
 * at the fixed addresses browsers ask for. The stylesheet ends with the web fonts' `@font-face`
 * rules, which name the fonts' hashed files: a new font is a new stylesheet. `icons` makes the
 * icons from the logo's bytes (the build passes one that keeps them while the logo and the icon
 * code are unchanged).
 */
export async function loadAssets(
  root: string,
  site: Pick<Site, "name" | "pathPrefix" | "language" | "logo">,
  icons: (logo: Buffer) => Promise<LogoIcons> = makeLogoIcons,
): Promise<LoadedAssets> {
  const fonts = (await fontFiles()).map((file) => ({ file, asset: named(file.name, file.bytes) }));
  const faces = fontFaceCss(
    fonts.map((font) => font.file),
    (file) => path.basename(fonts.find((font) => font.file === file)?.asset.path ?? file.name),
  );
  const critical = fonts.find((font) => font.file.critical);
  if (!critical) throw new Error("fonts.ts names no critical face");
  const logoBytes = readFileSync(path.join(root, "assets/images", site.logo.src));
  const made = await icons(logoBytes);
  const [icon192, icon512] = made.manifest;
  if (!icon192 || !icon512) throw new Error("the icons were not made");
  const appleTouchIcon = named("apple-touch-icon.png", made.appleTouch);
  const manifestIcon192 = named("icon-192.png", icon192);
  const manifestIcon512 = named("icon-512.png", icon512);
  const manifest = webManifest(site, [
    { src: manifestIcon192.path.slice(1), size: 192 },
    { src: manifestIcon512.path.slice(1), size: 512 },
  ]);
  const files: Assets = {
    css: asset(root, "assets/css/site.css", faces),
    bodyMedia: asset(root, "assets/css/body-media.css"),
    videoFacade: asset(root, "assets/js/video-facade.js"),
    embeds: asset(root, "assets/js/embeds.js"),
    gallery: asset(root, "assets/js/gallery.js"),
    search: asset(root, "assets/js/search.js"),
    liveBlog: asset(root, "assets/css/live.css"),
    livePoll: asset(root, "assets/js/live.js"),
    livePermalink: asset(root, "assets/js/live-permalink.js"),
    fronts: asset(root, "assets/css/fronts.css"),
    breaking: asset(root, "assets/js/breaking.js"),
    logo: asset(root, `assets/images/${site.logo.src}`),
    ...Object.fromEntries(fonts.map((font) => [`font ${font.file.name}`, font.asset])),
    appleTouchIcon,
    manifestIcon192,
    manifestIcon512,
    favicon: {
      source: `assets/images/${site.logo.src}`,
      path: "/favicon.ico",
      bytes: icoFile(
        ICON_DEFAULTS.ico.map((size, index) => ({ size, png: made.ico[index] as Buffer })),
      ),
    },
    manifest: {
      source: "scripts/site/icons.ts",
      path: "/site.webmanifest",
      bytes: Buffer.from(manifest),
    },
  };
  const { size } = made;
  const facts = { logoSize: `${size.width}x${size.height}`, fontPreload: critical.asset.path };
  return { files, paths: assetPaths(files, facts) };
}

/** A made file under its content-hashed name in /assets/. */
function named(name: string, bytes: Buffer): Asset {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const extension = path.extname(name);
  return {
    source: name,
    path: `/assets/${path.basename(name, extension)}.${hash}${extension}`,
    bytes,
  };
}

function asset(root: string, source: string, append = ""): Asset {
  const text = readFileSync(path.join(root, source));
  const bytes = minify(source, append ? Buffer.concat([text, Buffer.from(`\n${append}`)]) : text);
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
