/**
 * The web editor's preview: the entry drawn by the site's own article page component
 * (layouts/ArticlePage.tsx) and styled by the site's own stylesheet, as readers will see it.
 * What the build makes at publication is stood in for: each photo is the file the editor chose,
 * at its own size (the build makes the responsive sizes and formats), and there are no related
 * stories yet. No Node APIs: this runs in the editor's browser.
 */
import type { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import { ArticlePage } from "../../../layouts/ArticlePage.tsx";
import type { Site } from "../../content/model.ts";
import type { ImageFile, ProcessedImage } from "../../media/types.ts";
import type { AssetPaths } from "../../site/assets.ts";
import { entryArticle, type PreviewProfile } from "./entry-article.ts";

/** What the preview knows of the site, written by the build beside the editor (preview.json). */
export interface PreviewSettings {
  readonly site: Site;
  /** The logo's path in /admin/ (the site's assets are not served beside the editor). */
  readonly logo: string;
  readonly profiles: readonly PreviewProfile[];
}

/** A photo's file as the editor has it: its URL in the browser, and its size once known. */
export interface PreviewFile {
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
}

/** What the preview shows, and the photo URLs it would like the size of. */
export interface PreviewPage {
  /** The page's `<body>` content. */
  readonly html: string;
  readonly problems: readonly string[];
}

/** Marks a stand-in photo in the rendered page, to be replaced by its file's URL. */
const TOKEN = "__preview__";

/** Shown where a photo's file cannot be found: a quiet grey box of the photo's shape. */
const MISSING = `data:image/svg+xml;base64,${btoa(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#d8d4cc"/></svg>',
)}`;

/** A blank placeholder: the file itself is shown at once, there is nothing to blur in front of. */
const BLANK = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==";

/** One file standing for every size and crop the build would make of it. */
function standIn(id: string, file: PreviewFile | undefined): ProcessedImage {
  const width = file?.width ?? 1600;
  const height = file?.height ?? 900;
  const one: ImageFile = { path: `${TOKEN}/${id}`, width, height, format: "jpeg", sha256: "" };
  return {
    width,
    height,
    variants: { avif: [], webp: [], jpeg: [one] },
    crops: { "16x9": one, "4x3": one, "1x1": one, social: one },
    placeholder: BLANK,
  };
}

/** `<picture>` sources with no candidates would make the browser skip to nothing: drop them. */
function dropEmptySources(html: string): string {
  return html.replace(/<source type="image\/(?:avif|webp)" srcset="" sizes="[^"]*"\s*\/?>/g, "");
}

/**
 * The preview of an entry. `file(src)` finds a photo the entry names (beside the article, saved
 * or just added); `now` stands in for a publication time not given yet.
 */
export function renderArticlePreview(
  data: Readonly<Record<string, unknown>>,
  settings: PreviewSettings,
  file: (src: string) => PreviewFile | undefined,
  now: DateTime,
): PreviewPage {
  const { site } = settings;
  const entry = entryArticle(data, site, settings.profiles, now);
  const { article } = entry;
  const urls = new Map<string, string>();
  const image = (id: string, src: string | undefined): ProcessedImage | undefined => {
    if (!src) return undefined;
    const found = file(src);
    urls.set(id, found?.url ?? MISSING);
    return standIn(id, found);
  };
  const lead = image("lead", article.image?.src);
  const thumbnail = image("thumbnail", article.video?.thumbnail.src);
  const bodyImages = entry.photos.map(
    (photo) => image(`photo-${photo.index}`, photo.src) as ProcessedImage,
  );
  const assets: AssetPaths = {
    css: "",
    bodyMedia: "",
    videoFacade: "",
    embeds: "",
    gallery: "",
    search: "",
    // The preview draws the article only: no live blog, front or banner scripts run in it.
    liveBlog: "",
    livePoll: "",
    livePermalink: "",
    shareIcon: "",
    fronts: "",
    breaking: "",
    logo: settings.logo,
    // The preview has no fonts or icons of its own: the editor's frame draws the page's body.
    logoSize: "1x1",
    fontPreload: "",
    favicon: "",
    appleTouchIcon: "",
    manifest: "",
  };
  const page = renderToString(
    <ArticlePage
      context={{ site, assets, year: now.setZone(site.timeZone).year }}
      article={article}
      {...(lead ? { image: lead } : {})}
      {...(thumbnail ? { thumbnail } : {})}
      bodyImages={bodyImages}
      related={[]}
      {...(entry.byline ? { byline: entry.byline } : {})}
    />,
  );
  const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? "";
  const html = dropEmptySources(body).replace(
    new RegExp(`[^"\\s,]*${TOKEN}/([a-z0-9-]+)`, "g"),
    (_, id: string) => (urls.get(id) ?? MISSING).replaceAll("&", "&amp;").replaceAll('"', "&quot;"),
  );
  return { html, problems: entry.problems };
}
