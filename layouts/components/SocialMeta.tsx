import type { Article, Site } from "../../scripts/content/model.ts";
import type { ImageCandidate } from "../../scripts/media/index.ts";
import { displayTime } from "../../scripts/site/dates.ts";
import { imageUrl } from "../../scripts/site/image-urls.ts";
import { modifiedAt } from "../../scripts/site/last-modified.ts";
import { curl } from "../../scripts/site/typography.ts";
import { absoluteUrl } from "../../scripts/site/urls.ts";

interface SocialMetaProps {
  readonly site: Site;
  readonly title: string;
  readonly description: string;
  readonly path: string;
  readonly image?: { readonly file: ImageCandidate; readonly alt: string };
  /**
   * The site's square icon (AssetPaths.shareIcon), shown as a small card when the page has no
   * image of its own: a shared link always carries the publication's mark.
   */
  readonly icon: string;
  /** Present on article pages: adds the article: properties. */
  readonly article?: Article;
}

/** The share icon's size: the manifest's 512 px icon (scripts/site/icons.ts). */
const ICON_SIZE = "512";

/** The Open Graph locale form of a BCP 47 tag: `en-SG` → `en_SG`. */
function ogLocale(language: string): string {
  return language.replace("-", "_");
}

/** Open Graph and X (Twitter) card tags, so shared links show the headline and the 1200 x 630 image. */
export function SocialMeta({
  site,
  title,
  description,
  path,
  image,
  icon,
  article,
}: SocialMetaProps) {
  const cardUrl = image ? imageUrl(site, image.file) : undefined;
  const iconUrl = icon ? absoluteUrl(site, icon) : undefined;
  return (
    <>
      <meta property="og:type" content={article ? "article" : "website"} />
      <meta property="og:site_name" content={site.name} />
      <meta property="og:locale" content={ogLocale(site.language)} />
      <meta property="og:title" content={curl(title)} />
      <meta property="og:description" content={curl(description)} />
      <meta property="og:url" content={absoluteUrl(site, path)} />
      {image && cardUrl ? (
        <>
          <meta property="og:image" content={cardUrl} />
          <meta property="og:image:type" content="image/jpeg" />
          <meta property="og:image:width" content={String(image.file.width)} />
          <meta property="og:image:height" content={String(image.file.height)} />
          <meta property="og:image:alt" content={image.alt} />
        </>
      ) : iconUrl ? (
        <>
          <meta property="og:image" content={iconUrl} />
          <meta property="og:image:type" content="image/png" />
          <meta property="og:image:width" content={ICON_SIZE} />
          <meta property="og:image:height" content={ICON_SIZE} />
          <meta property="og:image:alt" content={`${site.name} logo`} />
        </>
      ) : null}
      {article ? (
        <>
          <meta property="article:published_time" content={displayTime(article.date, site).iso} />
          <meta
            property="article:modified_time"
            content={displayTime(modifiedAt(article), site).iso}
          />
          <meta property="article:section" content={article.section.name} />
          {article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
        </>
      ) : null}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={curl(title)} />
      <meta name="twitter:description" content={curl(description)} />
      {image && cardUrl ? (
        <>
          <meta name="twitter:image" content={cardUrl} />
          <meta name="twitter:image:alt" content={image.alt} />
        </>
      ) : iconUrl ? (
        <>
          <meta name="twitter:image" content={iconUrl} />
          <meta name="twitter:image:alt" content={`${site.name} logo`} />
        </>
      ) : null}
    </>
  );
}
