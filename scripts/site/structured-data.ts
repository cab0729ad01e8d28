/**
 * The article page's JSON-LD, typed by schema.org's own vocabulary (`schema-dts`, Google's
 * typings): a misspelt property or a value of the wrong kind fails `tsc`. Optional properties
 * are written as `undefined` when absent rather than spread in, because TypeScript checks the
 * properties of an object literal but not those arriving through a spread; JSON.stringify
 * leaves undefined properties out, so the published JSON is the same. Callbacks that build
 * nodes name their return type for the same reason: an inferred one is never checked.
 */
import type {
  AdvertiserContentArticle,
  AdvertiserContentArticleLeaf,
  BreadcrumbList,
  Graph,
  IdReference,
  ListItem,
  LiveBlogPosting,
  NewsArticle,
  NewsMediaOrganizationLeaf,
  VideoObject,
} from "schema-dts";
import type { Article, Site } from "../content/model.ts";
import type { ProcessedImage } from "../media/index.ts";
import { bodyImageObjects } from "./body-structured-data.ts";
import { articleTrail } from "./breadcrumbs.ts";
import { playerUrl } from "./brightcove.ts";
import type { BylineSpec } from "./bylines.ts";
import { isoWithOffset } from "./dates.ts";
import { ARTICLE_TYPES, authorNodes, correctionNodes } from "./editorial-data.ts";
import { imageUrl } from "./image-urls.ts";
import { modifiedAt } from "./last-modified.ts";
import { absoluteUrl } from "./urls.ts";

/** An article's processed media: the lead photo, the video's thumbnail, the body's photos. */
export interface ArticleMedia {
  readonly image?: ProcessedImage;
  readonly thumbnail?: ProcessedImage;
  /** By body photo index. */
  readonly body?: readonly ProcessedImage[];
}

/** The publisher's node id: one per site, referenced by every article. */
export function publisherId(site: Site): string {
  return `${absoluteUrl(site, "/")}#publisher`;
}

/** The site's news organisation, as Google's Article guidelines ask for `publisher`. */
export function publisher(site: Site, logoPath: string): NewsMediaOrganizationLeaf {
  return {
    "@type": "NewsMediaOrganization",
    "@id": publisherId(site),
    name: site.name,
    url: absoluteUrl(site, "/"),
    logo: { "@type": "ImageObject", url: absoluteUrl(site, logoPath) },
  };
}

/** The article's images for Google: 16:9, 4:3 and 1:1 crops, each 1200 px wide at most. */
function articleImages(site: Site, image: ProcessedImage | undefined): string[] {
  if (!image) return [];
  return [image.crops["16x9"], image.crops["4x3"], image.crops["1x1"]].map((file) =>
    imageUrl(site, file),
  );
}

/** A VideoObject with the id the article refers to it by. */
type IdentifiedVideo = VideoObject & IdReference;

/** The VideoObject Google's video guidelines ask for: name, thumbnails, upload date, player URL. */
function videoObject(
  article: Article,
  site: Site,
  thumbnail: ProcessedImage | undefined,
): IdentifiedVideo | undefined {
  const video = article.video;
  if (!video || !thumbnail) return undefined;
  const url = absoluteUrl(site, article.url);
  return {
    "@type": "VideoObject",
    "@id": `${url}#video`,
    name: video.title ?? article.title,
    description: video.description ?? article.description,
    thumbnailUrl: [
      ...new Set([
        ...[thumbnail.crops["16x9"], thumbnail.crops["4x3"], thumbnail.crops["1x1"]].map((file) =>
          imageUrl(site, file),
        ),
        ...thumbnail.variants.jpeg.map((file) => imageUrl(site, file)),
      ]),
    ],
    uploadDate: isoWithOffset(article.date),
    // toISO is null only for an invalid Duration, which validation never lets through.
    duration: video.duration?.toISO() ?? undefined,
    embedUrl: playerUrl(site, video),
  };
}

/**
 * The article page's one JSON-LD graph: the article (NewsArticle or the type its kind calls
 * for), its publisher, its video, and the breadcrumb trail. A pure function of the article, the
 * site, the processed media and the byline resolved against the author profiles.
 */
export function articleGraph(
  article: Article,
  site: Site,
  media: ArticleMedia,
  logoPath: string,
  byline?: readonly BylineSpec[],
): Graph {
  const url = absoluteUrl(site, article.url);
  const images = articleImages(site, shownImage(media));
  const video = videoObject(article, site, media.thumbnail);
  // Checked against Article's own properties here; each type below adds what it alone has.
  const properties = {
    "@id": `${url}#article`,
    headline: article.title,
    description: article.description,
    image: images.length > 0 ? images : undefined,
    datePublished: isoWithOffset(article.date),
    // The latest correction, when later than the update, is the article's last change.
    dateModified: isoWithOffset(modifiedAt(article).setZone(site.timeZone)),
    // A sponsored piece the newsroom did not sign is not the publisher's work.
    author:
      article.kind === "sponsored" && article.credit.kind === "staff"
        ? undefined
        : authorNodes(article, site, { "@id": publisherId(site) }, byline),
    publisher: { "@id": publisherId(site) },
    articleSection: article.section.name,
    keywords: article.tags.length > 0 ? article.tags.join(", ") : undefined,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: site.language,
    isAccessibleForFree: true,
    thumbnailUrl: media.image && imageUrl(site, media.image.crops["16x9"]),
    video: video && { "@id": video["@id"] },
    associatedMedia: bodyImageObjects(article, site, media.body),
    correction: correctionNodes(article, site),
  } satisfies Omit<AdvertiserContentArticleLeaf, "@type">;
  const articleNode: NewsArticle | AdvertiserContentArticle | LiveBlogPosting =
    article.kind === "sponsored"
      ? { "@type": ARTICLE_TYPES.sponsored, ...properties }
      : {
          "@type": ARTICLE_TYPES[article.kind],
          ...properties,
          dateline: article.dateline || undefined,
        };
  const breadcrumbs: BreadcrumbList = {
    "@type": "BreadcrumbList",
    itemListElement: articleTrail(article).map(
      (crumb, index): ListItem => ({
        "@type": "ListItem",
        position: index + 1,
        name: crumb.name,
        item: absoluteUrl(site, crumb.path),
      }),
    ),
  };
  return {
    "@context": "https://schema.org",
    "@graph": [articleNode, publisher(site, logoPath), ...(video ? [video] : []), breadcrumbs],
  };
}

/**
 * The image that stands for a story where one is wanted (structured data, the social card): the
 * lead photo, else the video's thumbnail, else the first photo in the body.
 */
export function shownImage(media: ArticleMedia): ProcessedImage | undefined {
  return media.image ?? media.thumbnail ?? media.body?.[0];
}
