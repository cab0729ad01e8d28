import type { Article } from "../scripts/content/model.ts";
import { articleTrail } from "../scripts/site/breadcrumbs.ts";
import type { SiteData } from "../scripts/site/prepare.ts";
import { articleGraph, socialImage } from "../scripts/site/structured-data.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Byline } from "./components/Byline.tsx";
import { JsonLd } from "./components/JsonLd.tsx";
import { LeadFigure } from "./components/LeadFigure.tsx";
import { RelatedStories } from "./components/RelatedStories.tsx";
import { SocialMeta } from "./components/SocialMeta.tsx";
import { Tags } from "./components/Tags.tsx";
import { Timestamp } from "./components/Timestamp.tsx";
import { VideoBlock } from "./components/VideoBlock.tsx";
import { Page } from "./Page.tsx";

/** One article: headline, standfirst, credit and times, lead media, body, topics. */
export function ArticlePage({
  data,
  article,
}: {
  readonly data: SiteData;
  readonly article: Article;
}) {
  const { site } = data;
  const media = data.media.get(article.url) ?? {};
  // The video comes first, as in the wire copy; whichever media is first is the LCP candidate.
  const videoFirst = Boolean(article.video && media.thumbnail);
  const card = socialImage(media);
  const cardAlt = media.image
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
      <JsonLd graph={articleGraph(article, site, media, data.assets.logo.path)} />
    </>
  );
  return (
    <Page
      data={data}
      title={article.title}
      description={article.description}
      path={article.url}
      section={article.section.slug}
      head={head}
      scripts={article.video ? [data.assets.videoFacade.path] : []}
    >
      <article class="story" data-pagefind-body>
        <header class="story-header">
          <Breadcrumbs
            trail={articleTrail(article).slice(0, -1)}
            currentPath={article.url}
            site={site}
          />
          <h1>{article.title}</h1>
          {article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
          <div class="story-meta">
            <Byline credit={article.credit} site={site} />
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
        {article.video && media.thumbnail ? (
          <VideoBlock
            video={article.video}
            thumbnail={media.thumbnail}
            loading="priority"
            site={site}
            fallbackTitle={article.title}
          />
        ) : null}
        {article.image && media.image ? (
          <LeadFigure
            image={article.image}
            processed={media.image}
            loading={videoFirst ? "lazy" : "priority"}
            site={site}
          />
        ) : null}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        <Tags tags={article.tags} site={site} />
      </article>
      <RelatedStories
        articles={data.related.get(article.url) ?? []}
        media={data.media}
        site={site}
      />
    </Page>
  );
}
