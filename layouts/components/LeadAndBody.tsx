import type { BodyBlock } from "../../scripts/content/body/blocks.ts";
import type { Article, Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { splitAfterFirstParagraph } from "../../scripts/site/first-paragraph.ts";
import { LeadFigure } from "./LeadFigure.tsx";
import { StoryBody } from "./StoryBody.tsx";
import { VideoBlock } from "./VideoBlock.tsx";

interface LeadAndBodyProps {
  readonly article: Pick<Article, "video" | "image" | "title">;
  readonly body: readonly BodyBlock[];
  readonly image?: ProcessedImage | undefined;
  readonly thumbnail?: ProcessedImage | undefined;
  readonly bodyImages: readonly ProcessedImage[];
  readonly site: Site;
}

/**
 * The story's lead media and its text, in the order a reader on a phone needs them: the video
 * first (as the wire copy has it; a compact player, its description folded), then the story's
 * first paragraph, then the lead photo, then the rest. Without a video the photo leads. Whichever
 * comes first is the page's LCP candidate and is fetched first.
 */
export function LeadAndBody({
  article,
  body,
  image,
  thumbnail,
  bodyImages,
  site,
}: LeadAndBodyProps) {
  const video =
    article.video && thumbnail ? (
      <VideoBlock
        video={article.video}
        thumbnail={thumbnail}
        loading="priority"
        site={site}
        fallbackTitle={article.title}
      />
    ) : null;
  const photo = (loading: "priority" | "lazy") =>
    article.image && image ? (
      <LeadFigure image={article.image} processed={image} loading={loading} site={site} />
    ) : null;
  if (!video) {
    return (
      <>
        {photo("priority")}
        <StoryBody blocks={body} images={bodyImages} site={site} />
      </>
    );
  }
  const { before, after } = splitAfterFirstParagraph(body);
  return (
    <>
      {video}
      {before.length > 0 ? <StoryBody blocks={before} images={bodyImages} site={site} /> : null}
      {photo("lazy")}
      <StoryBody blocks={after} images={bodyImages} site={site} />
    </>
  );
}
