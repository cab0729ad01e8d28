import type { Article } from "../scripts/content/model.ts";
import type { SiteData } from "../scripts/site/prepare.ts";
import { href, sectionPath } from "../scripts/site/urls.ts";
import { Byline } from "./components/Byline.tsx";
import { LeadFigure } from "./components/LeadFigure.tsx";
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
  return (
    <Page
      data={data}
      title={article.title}
      description={article.description}
      path={article.url}
      section={article.section.slug}
      scripts={article.video ? [data.assets.videoFacade.path] : []}
    >
      <article class="story">
        <header class="story-header">
          <p class="kicker">
            <a href={href(site, sectionPath(article.section.slug))}>{article.section.name}</a>
          </p>
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
    </Page>
  );
}
