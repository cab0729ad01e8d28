/**
 * An article body as feeds carry it: one piece of HTML, the running text as the page has it,
 * each photo an `<img>` with an absolute URL (feed readers show the body away from the site and
 * read no `srcset`), a gallery as its photos, a pull quote as a quotation with its attribution,
 * and an embed as a link to the original: no reader runs the page's script or frames, and no
 * provider is contacted by a feed. Escaped by the JSX runtime, like the pages.
 */
import { renderToString } from "preact-render-to-string";
import { PullQuote } from "../../../layouts/components/PullQuote.tsx";
import { TrustedHtml } from "../../../layouts/components/TrustedHtml.tsx";
import type { BodyBlock, BodyPhoto } from "../../content/body/blocks.ts";
import type { ImageCandidate, ProcessedImage } from "../../media/index.ts";
import { embedWords, originalUrl } from "../embeds.ts";
import { imageUrl } from "../image-urls.ts";
import type { ChannelSite } from "./channels.ts";

/** The JPEG a feed shows for a body photo: 1200 px wide where there is one, else the largest. */
export function bodyFeedFile(image: ProcessedImage): ImageCandidate | undefined {
  const jpegs = image.variants.jpeg;
  return jpegs.find((file) => file.width >= 1200) ?? jpegs.at(-1);
}

function FeedPhoto(props: {
  readonly photo: BodyPhoto;
  readonly image: ProcessedImage | undefined;
  readonly site: ChannelSite;
}) {
  const { photo, image, site } = props;
  const file = image && bodyFeedFile(image);
  if (!file) return null;
  return (
    <figure>
      <img src={imageUrl(site, file)} width={file.width} height={file.height} alt={photo.alt} />
      {photo.caption || photo.credit ? (
        <figcaption>
          {[photo.caption, photo.credit && `${photo.credit.label}: ${photo.credit.name}`]
            .filter(Boolean)
            .join(" ")}
        </figcaption>
      ) : null}
    </figure>
  );
}

function FeedBlock(props: {
  readonly block: BodyBlock;
  readonly images: readonly ProcessedImage[];
  readonly site: ChannelSite;
}) {
  const { block, images, site } = props;
  switch (block.kind) {
    case "html":
      return <TrustedHtml html={block.html} />;
    case "photo":
      return <FeedPhoto photo={block.photo} image={images[block.photo.index]} site={site} />;
    case "gallery":
      return (
        <>
          {block.photos.map((photo) => (
            <FeedPhoto photo={photo} image={images[photo.index]} site={site} />
          ))}
        </>
      );
    case "pullquote":
      return <PullQuote text={block.text} attribution={block.attribution} />;
    case "embed": {
      const words = embedWords(block.embed);
      const url = originalUrl(block.embed);
      return (
        <p>
          {block.caption ? `${block.caption} ` : ""}
          {words.what} from {words.provider}: <a href={url}>{url}</a>
        </p>
      );
    }
  }
}

/** The body's HTML for a feed item; `images` are the body's photos by index. */
export function feedBodyHtml(
  blocks: readonly BodyBlock[],
  images: readonly ProcessedImage[],
  site: ChannelSite,
): string {
  return blocks
    .map((block) => renderToString(<FeedBlock block={block} images={images} site={site} />))
    .join("");
}
