import { bodyPhotos } from "../../scripts/content/body/blocks.ts";
import type { Article, Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { shownImage } from "../../scripts/site/structured-data.ts";
import { href } from "../../scripts/site/urls.ts";
import { JsonLd } from "./JsonLd.tsx";
import { SocialMeta } from "./SocialMeta.tsx";

interface StoryHeadProps {
  readonly site: Site;
  readonly article: Article;
  readonly image?: ProcessedImage | undefined;
  readonly thumbnail?: ProcessedImage | undefined;
  /** The body's photos, by photo index: the first stands for a story with no lead media. */
  readonly bodyImages?: readonly ProcessedImage[];
  /** The site's square icon: the card of a story with no photo at all. */
  readonly icon: string;
  /** The stylesheets the story's body needs beyond the site's. */
  readonly styles: readonly string[];
  /** The page's structured data: an article's or a live blog's graph. */
  readonly graph: unknown;
}

/**
 * What a story's page adds to its `<head>`, articles and live blogs alike: the social card
 * (the lead photo's crop, else the video's thumbnail, else the body's first photo, each with its
 * alternative text; else the site's icon), the body's stylesheets and the structured data.
 */
export function StoryHead({
  site,
  article,
  image,
  thumbnail,
  bodyImages = [],
  icon,
  styles,
  graph,
}: StoryHeadProps) {
  // The image structured data also uses (shownImage), described as the page describes it.
  const shown = shownImage({
    ...(image ? { image } : {}),
    ...(thumbnail ? { thumbnail } : {}),
    body: bodyImages,
  });
  const card = shown?.crops.social;
  const cardAlt =
    (shown === image
      ? article.image?.alt
      : shown === thumbnail
        ? article.video?.title
        : bodyPhotos(article.body)[0]?.alt) ?? article.title;
  return (
    <>
      <SocialMeta
        site={site}
        title={article.title}
        description={article.description}
        path={article.url}
        article={article}
        icon={icon}
        {...(card ? { image: { file: card, alt: cardAlt } } : {})}
      />
      {styles.map((style) => (
        <link rel="stylesheet" href={href(site, style)} />
      ))}
      <JsonLd graph={graph} />
    </>
  );
}
