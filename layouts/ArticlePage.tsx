import type { Article } from "../scripts/content/model.ts";
import type { ProcessedImage } from "../scripts/media/index.ts";
import { bodyAssets } from "../scripts/site/body-assets.ts";
import type { BylineSpec } from "../scripts/site/bylines.ts";
import { articleOpening } from "../scripts/site/first-screen.ts";
import type { CardModel, PageContext } from "../scripts/site/page-context.ts";
import { articleGraph } from "../scripts/site/structured-data.ts";
import { CorrectionList } from "./components/Corrections.tsx";
import { KindLabel } from "./components/KindLabel.tsx";
import { LeadAndBody } from "./components/LeadAndBody.tsx";
import { RelatedStories } from "./components/RelatedStories.tsx";
import { StoryHead } from "./components/StoryHead.tsx";
import { StoryHeader } from "./components/StoryHeader.tsx";
import { Tags } from "./components/Tags.tsx";
import { Page } from "./Page.tsx";

/** What an article page shows: the article, its processed media, and stories to read next. */
export interface ArticlePageProps {
  readonly context: PageContext;
  readonly article: Article;
  readonly image?: ProcessedImage;
  readonly thumbnail?: ProcessedImage;
  /** The body's photos, by photo index. */
  readonly bodyImages?: readonly ProcessedImage[];
  readonly related: readonly CardModel[];
  /** The authors resolved against their profiles (absent for agency and staff stories). */
  readonly byline?: readonly BylineSpec[];
}

/** One article: headline, standfirst, credit and times, lead media, body, topics. */
export function ArticlePage({
  context,
  article,
  image,
  thumbnail,
  bodyImages = [],
  related,
  byline,
}: ArticlePageProps) {
  const { site } = context;
  const body = bodyAssets(article.body, context.assets);
  const media = { ...(image ? { image } : {}), ...(thumbnail ? { thumbnail } : {}) };
  const head = (
    <StoryHead
      site={site}
      article={article}
      image={image}
      thumbnail={thumbnail}
      bodyImages={bodyImages}
      icon={context.assets.shareIcon}
      styles={body.styles}
      graph={articleGraph(
        article,
        site,
        { ...media, body: bodyImages },
        context.assets.logo,
        byline,
      )}
    />
  );
  return (
    <Page
      context={context}
      title={article.title}
      description={article.description}
      path={article.url}
      section={article.section.slug}
      head={head}
      ownSocialMeta
      scripts={[
        ...(article.video ? [context.assets.videoFacade] : []),
        ...body.scripts,
        // The breaking-news banner, from /breaking.json: changing it rewrites no article.
        context.assets.breaking,
      ]}
    >
      <article class={article.kind === "sponsored" ? "story story-sponsored" : "story"}>
        <StoryHeader
          article={article}
          site={site}
          byline={byline}
          // The newsroom did not write a sponsored piece: it is never credited to it.
          credited={!(article.kind === "sponsored" && article.credit.kind === "staff")}
          label={
            article.kind === "sponsored" ? (
              <p class="sponsored-notice">
                <KindLabel kind="sponsored" /> Paid for by an advertiser: not written by the
                journalists of {site.name}.
              </p>
            ) : article.kind !== "news" ? (
              <p class="story-kind">
                <KindLabel kind={article.kind} />
              </p>
            ) : null
          }
        />
        <LeadAndBody
          article={article}
          opening={articleOpening(article, byline)}
          body={article.body}
          image={image}
          thumbnail={thumbnail}
          bodyImages={bodyImages}
          site={site}
        />
        <CorrectionList corrections={article.corrections} site={site} />
        <Tags tags={article.tags} site={site} />
      </article>
      <RelatedStories cards={related} site={site} />
    </Page>
  );
}
