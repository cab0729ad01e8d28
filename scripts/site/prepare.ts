import path from "node:path";
import type { DateTime } from "luxon";
import { ContentError, type ContentIssue } from "../content/issues.ts";
import { scanContent } from "../content/load.ts";
import type { Article, MediaFile, Site } from "../content/model.ts";
import type { ContentOptions } from "../content/options.ts";
import {
  type MediaOptions,
  type MediaProgress,
  type MediaRequest,
  type MediaResult,
  mediaKey,
  type ProcessedImage,
  processImages,
} from "../media/index.ts";
import { type Assets, loadAssets } from "./assets.ts";
import {
  homeListing,
  type Listing,
  type ListingPage,
  paginate,
  relatedArticles,
  sectionListings,
  topicListings,
} from "./listings.ts";

/** The processed images of one article. */
export interface ArticleMedia {
  readonly image?: ProcessedImage;
  readonly thumbnail?: ProcessedImage;
}

/** Everything the templates need, validated and enhanced: the one global data object. */
export interface SiteData {
  readonly site: Site;
  /** Published articles, newest first. */
  readonly articles: readonly Article[];
  readonly held: { readonly drafts: number; readonly embargoed: number };
  /** One listing per configured section. */
  readonly sections: readonly Listing[];
  /** One listing per topic (tag). */
  readonly topics: readonly Listing[];
  /** Stories to read next, by article URL. */
  readonly related: ReadonlyMap<string, readonly Article[]>;
  /** Every page of every listing (home, sections, topics), for the listing template. */
  readonly listingPages: readonly ListingPage[];
  /** The build's notion of now. */
  readonly now: DateTime;
  /** Images by article URL. */
  readonly media: ReadonlyMap<string, ArticleMedia>;
  /** What the media stage made, for publishing into the output folder. */
  readonly mediaResult: MediaResult;
  /** The media settings it was made with: publishing reads the same cache. */
  readonly mediaOptions: Partial<MediaOptions>;
  readonly assets: Assets;
}

/**
 * Loads and validates all content, then runs the media stage on the published articles.
 * Throws a {@link ContentError} carrying every problem found.
 */
export async function prepareSite(
  options: ContentOptions,
  onProgress?: (progress: MediaProgress) => void,
): Promise<SiteData> {
  const mediaOptions = mediaOptionsFor(options.root);
  const scan = scanContent(options);
  if (!scan.ok) throw new ContentError(scan.issues);
  const { site, articles, held } = scan.value.content;

  // The images of the valid articles are checked even when others are invalid: one run
  // reports every problem.
  const requests = articles.flatMap(mediaRequests);
  const processed = await processImages(requests, mediaOptions, onProgress);
  const issues = [
    ...scan.value.issues,
    ...(processed.ok ? [] : processed.issues.map(atFieldLine(articles))),
  ];
  if (issues.length > 0 || !processed.ok) {
    throw new ContentError(issues.sort((a, b) => a.file.localeCompare(b.file)));
  }
  const images = processed.value.images;

  const media = new Map<string, ArticleMedia>();
  for (const article of articles) {
    const [image, thumbnail] = [imageRequest(article), thumbnailRequest(article)].map((request) =>
      request ? images.get(mediaKey(request)) : undefined,
    );
    media.set(article.url, { ...(image ? { image } : {}), ...(thumbnail ? { thumbnail } : {}) });
  }
  const sections = sectionListings(site.sections, articles);
  const topics = topicListings(articles, site.language);
  return {
    site,
    articles,
    held,
    sections,
    topics,
    related: relatedArticles(articles),
    listingPages: [homeListing(site.name, articles), ...sections, ...topics].flatMap((listing) =>
      paginate(listing),
    ),
    now: options.now,
    media,
    mediaResult: processed.value,
    mediaOptions,
    assets: loadAssets(options.root, site.logo.src),
  };
}

/** Adds the line and column of the front-matter field to a media problem, which the media module cannot know. */
function atFieldLine(articles: readonly Article[]): (issue: ContentIssue) => ContentIssue {
  const byField = new Map<string, MediaFile>();
  for (const article of articles) {
    if (article.image) byField.set(`${article.sourcePath}#image.src`, article.image);
    if (article.video)
      byField.set(`${article.sourcePath}#video.thumbnail`, article.video.thumbnail);
  }
  return (issue) => {
    const source = byField.get(`${issue.file}#${issue.field ?? ""}`);
    if (issue.line !== undefined || source?.line === undefined) return issue;
    return {
      ...issue,
      line: source.line,
      ...(source.column === undefined ? {} : { column: source.column }),
    };
  };
}

/**
 * The media cache lives in the project (`.cache/media`), or where `BROADSHEET_CACHE_DIR` says:
 * tests share one cache so each stand-in photo is encoded once per run.
 */
function mediaOptionsFor(root: string): Partial<MediaOptions> {
  return { cacheDir: process.env.BROADSHEET_CACHE_DIR ?? path.join(root, ".cache", "media") };
}

function mediaRequests(article: Article): MediaRequest[] {
  return [imageRequest(article), thumbnailRequest(article)].filter(
    (request) => request !== undefined,
  );
}

function imageRequest(article: Article): MediaRequest | undefined {
  const image = article.image;
  if (!image) return undefined;
  return {
    article: article.sourcePath,
    field: "image.src",
    file: image.path,
    focus: image.focus,
    ...(image.credit ? { credit: image.credit } : {}),
  };
}

function thumbnailRequest(article: Article): MediaRequest | undefined {
  const video = article.video;
  if (!video) return undefined;
  return {
    article: article.sourcePath,
    field: "video.thumbnail",
    file: video.thumbnail.path,
    focus: [0.5, 0.5],
  };
}
