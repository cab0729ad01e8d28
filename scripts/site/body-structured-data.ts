/**
 * The body's photos in the article's structured data: each an ImageObject in `associatedMedia`,
 * with its caption, its alt text as the description, and its credit as `creditText` and
 * `copyrightNotice` (the properties Google's image metadata reads), pointing at the largest JPEG
 * of its responsive set.
 */
import type { ImageObjectLeaf } from "schema-dts";
import { bodyPhotos } from "../content/body/blocks.ts";
import type { Article, Site } from "../content/model.ts";
import type { ProcessedImage } from "../media/index.ts";
import { imageUrl } from "./image-urls.ts";

/** One ImageObject per body photo, in reading order; undefined for a body without photos. */
export function bodyImageObjects(
  article: Pick<Article, "body">,
  site: Site,
  images: readonly ProcessedImage[] | undefined,
): ImageObjectLeaf[] | undefined {
  const objects = bodyPhotos(article.body).flatMap((photo): ImageObjectLeaf[] => {
    const file = images?.[photo.index]?.variants.jpeg.at(-1);
    if (!file) return [];
    const url = imageUrl(site, file);
    return [
      {
        "@type": "ImageObject",
        contentUrl: url,
        url,
        encodingFormat: "image/jpeg",
        caption: photo.caption,
        description: photo.alt,
        creditText: photo.credit?.name,
        copyrightNotice: photo.credit?.name,
      },
    ];
  });
  return objects.length > 0 ? objects : undefined;
}
