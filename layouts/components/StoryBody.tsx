import type { BodyBlock } from "../../scripts/content/body/blocks.ts";
import type { Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { BodyFigure } from "./BodyFigure.tsx";
import { EmbedFacade } from "./EmbedFacade.tsx";
import { Gallery } from "./Gallery.tsx";
import { PullQuote } from "./PullQuote.tsx";
import { TrustedHtml } from "./TrustedHtml.tsx";

interface StoryBodyProps {
  readonly blocks: readonly BodyBlock[];
  /** The body's processed photos, by photo index. */
  readonly images: readonly ProcessedImage[];
  readonly site: Site;
}

function imageOf(images: readonly ProcessedImage[], index: number): ProcessedImage {
  const image = images[index];
  // The media stage makes every body photo before any page is planned.
  if (!image) throw new Error(`render: body photo ${index} has no processed image`);
  return image;
}

/** One block of the body, by its kind. */
function Block({ block, images, site }: { block: BodyBlock } & Omit<StoryBodyProps, "blocks">) {
  switch (block.kind) {
    case "html":
      return <TrustedHtml html={block.html} />;
    case "photo":
      return (
        <BodyFigure photo={block.photo} image={imageOf(images, block.photo.index)} site={site} />
      );
    case "gallery":
      return (
        <Gallery
          photos={block.photos.map((photo) => ({ photo, image: imageOf(images, photo.index) }))}
          site={site}
        />
      );
    case "pullquote":
      return <PullQuote text={block.text} attribution={block.attribution} />;
    case "embed":
      return <EmbedFacade embed={block.embed} caption={block.caption} />;
  }
}

/**
 * The article's body: its running text and, between it, the photos, galleries, pull quotes and
 * embeds, each by its component. Links to the site's own pages inside it are checked by the
 * build against the whole site (`data-article-body`).
 */
export function StoryBody({ blocks, images, site }: StoryBodyProps) {
  return (
    <div class="story-body" data-article-body>
      {blocks.map((block) => (
        <Block block={block} images={images} site={site} />
      ))}
    </div>
  );
}
