import type { Article } from "../scripts/content/model.ts";
import type { ProcessedImage } from "../scripts/media/index.ts";
import { bodyAssets } from "../scripts/site/body-assets.ts";
import { articleTrail } from "../scripts/site/breadcrumbs.ts";
import type { BylineSpec } from "../scripts/site/bylines.ts";
import { articleOpening } from "../scripts/site/first-screen.ts";
import type { CardModel, PageContext } from "../scripts/site/page-context.ts";
import { articleGraph, socialImage } from "../scripts/site/structured-data.ts";
import { curl } from "../scripts/site/typography.ts";
import { href } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Byline } from "./components/Byline.tsx";
import { CorrectionList, CorrectionNotice } from "./components/Corrections.tsx";
import { JsonLd } from "./components/JsonLd.tsx";
import { KindLabel } from "./components/KindLabel.tsx";
import { LeadAndBody } from "./components/LeadAndBody.tsx";
import { RelatedStories } from "./components/RelatedStories.tsx";
import { SocialMeta } from "./components/SocialMeta.tsx";
import { Tags } from "./components/Tags.tsx";
import { Timestamp } from "./components/Timestamp.tsx";
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
  const media = { ...(image ? { image } : {}), ...(thumbnail ? { thumbnail } : {}) };
  const body = bodyAssets(article.body, context.assets);
  const card = socialImage(media);
  const cardAlt = image
    ? (article.image?.alt ?? article.title)
    : (article.video?.title ?? article.title);
  const head = (
    <>
      <SocialMeta
        site={site}
        title={article.title}
        description={article.description}
        path={article.url}
        article={article}
        {...(card ? { image: { file: card, alt: cardAlt } } : {})}
      />
      {body.styles.map((style) => (
        <link rel="stylesheet" href={href(site, style)} />
      ))}
      <JsonLd
        graph={articleGraph(
          article,
          site,
          { ...media, body: bodyImages },
          context.assets.logo,
          byline,
        )}
      />
    </>
  );
  return (
    <Page
      context={context}
      title={article.title}
      description={article.description}
      path={article.url}
      section={article.section.slug}
      head={head}
      scripts={[
        ...(article.video ? [context.assets.videoFacade] : []),
        ...body.scripts,
        // The breaking-news banner, from /breaking.json: changing it rewrites no article.
        context.assets.breaking,
      ]}
    >
      <article class={article.kind === "sponsored" ? "story story-sponsored" : "story"}>
        <header class="story-header">
          <Breadcrumbs
            trail={articleTrail(article).slice(0, -1)}
            currentPath={article.url}
            site={site}
          />
          {article.kind === "sponsored" ? (
            <p class="sponsored-notice">
              <KindLabel kind="sponsored" /> Paid for by an advertiser: not written by the
              journalists of {site.name}.
            </p>
          ) : article.kind !== "news" ? (
            <p class="story-kind">
              <KindLabel kind={article.kind} />
            </p>
          ) : null}
          <h1>{curl(article.title)}</h1>
          {article.standfirst ? <p class="standfirst">{curl(article.standfirst)}</p> : null}
          <CorrectionNotice corrections={article.corrections} site={site} />
          <div class="story-meta">
            {
              // The newsroom did not write a sponsored piece: it is never credited to it.
              article.kind === "sponsored" && article.credit.kind === "staff" ? null : (
                <Byline
                  credit={article.credit}
                  site={site}
                  {...(byline ? { authors: byline } : {})}
                />
              )
            }
            <p class="timestamps">
              <span class="published">
                <span class="visually-hidden">Published </span>
                <Timestamp moment={article.date} site={site} />
              </span>
              {article.updated ? (
                <span class="updated">
                  Updated <Timestamp moment={article.updated} site={site} />
                </span>
              ) : null}
            </p>
          </div>
        </header>
        <LeadAndBody
          article={article}
          opening={articleOpening(article)}
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
