import type { BodyBlock } from "../../scripts/content/body/blocks.ts";
import type { Article, Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { splitAfterFirstParagraph } from "../../scripts/site/first-paragraph.ts";
import {
  type LeadMedia,
  mediaLeadsOnPhone,
  type Opening,
} from "../../scripts/site/first-screen.ts";
import { phoneShape } from "../../scripts/site/photo-slot.ts";
import { curl } from "../../scripts/site/typography.ts";
import { LeadFigure } from "./LeadFigure.tsx";
import { StoryBody } from "./StoryBody.tsx";
import { VideoBlock } from "./VideoBlock.tsx";

interface LeadAndBodyProps {
  readonly article: Pick<Article, "video" | "image" | "title">;
  /** What the page shows above the body, to know whether the lead media leaves room. */
  readonly opening: Opening;
  readonly body: readonly BodyBlock[];
  readonly image?: ProcessedImage | undefined;
  readonly thumbnail?: ProcessedImage | undefined;
  readonly bodyImages: readonly ProcessedImage[];
  readonly site: Site;
}

/**
 * The story's lead media and its text, in the order a reader on a phone needs them: the video
 * first (as the wire copy has it; a compact player, its description folded), then the story's
 * first paragraph, then the lead photo, then the rest. Without a video the photo leads. Under a
 * headline and standfirst so long that the media would push the story's first words off a
 * phone's first screen (first-screen.ts), the first paragraph comes first, then the media. The
 * media that leads is the page's LCP candidate and is fetched first.
 */
export function LeadAndBody({
  article,
  opening,
  body,
  image,
  thumbnail,
  bodyImages,
  site,
}: LeadAndBodyProps) {
  const lead = leadMedia(article, image, thumbnail);
  const leads = lead === undefined || mediaLeadsOnPhone(opening, lead);
  const video =
    article.video && thumbnail ? (
      <VideoBlock
        video={article.video}
        thumbnail={thumbnail}
        loading={leads ? "priority" : "lazy"}
        site={site}
        fallbackTitle={article.title}
      />
    ) : null;
  const photo = (loading: "priority" | "lazy") =>
    article.image && image ? (
      <LeadFigure image={article.image} processed={image} loading={loading} site={site} />
    ) : null;
  if (!video && leads) {
    return (
      <>
        {photo("priority")}
        <StoryBody blocks={body} images={bodyImages} site={site} />
      </>
    );
  }
  const { before, after } = splitAfterFirstParagraph(body);
  const first =
    before.length > 0 ? <StoryBody blocks={before} images={bodyImages} site={site} /> : null;
  return (
    <>
      {leads ? video : null}
      {first}
      {leads ? null : video}
      {photo("lazy")}
      <StoryBody blocks={after} images={bodyImages} site={site} />
    </>
  );
}

/** The media that would lead, as a phone shows it: the video, else the photo with its caption. */
function leadMedia(
  article: Pick<Article, "video" | "image">,
  image: ProcessedImage | undefined,
  thumbnail: ProcessedImage | undefined,
): LeadMedia | undefined {
  if (article.video && thumbnail) return { kind: "video" };
  if (!article.image || !image) return undefined;
  const { caption, credit } = article.image;
  return {
    kind: "photo",
    shape: phoneShape(image),
    caption: [caption ? curl(caption) : "", credit ? `PHOTO: ${credit}` : ""]
      .filter(Boolean)
      .join(" "),
  };
}
