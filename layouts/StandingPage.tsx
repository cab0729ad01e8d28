import { bodyPhotos } from "../scripts/content/body/blocks.ts";
import type { PageRecord } from "../scripts/content/page-model.ts";
import type { ProcessedImage } from "../scripts/media/index.ts";
import { bodyAssets } from "../scripts/site/body-assets.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import { standingGraph } from "../scripts/site/publisher.ts";
import { moment } from "../scripts/site/render-batch.ts";
import { pageTrail } from "../scripts/site/standing-pages.ts";
import { curl } from "../scripts/site/typography.ts";
import { href } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { JsonLd } from "./components/JsonLd.tsx";
import { SocialMeta } from "./components/SocialMeta.tsx";
import { StoryBody } from "./components/StoryBody.tsx";
import { Timestamp } from "./components/Timestamp.tsx";
import { Page } from "./Page.tsx";

export interface StandingPageProps {
  readonly context: PageContext;
  readonly page: PageRecord;
  /** The body's photos, by photo index. */
  readonly bodyImages?: readonly ProcessedImage[];
}

/**
 * A standing page (about us, contact, a policy): the newsroom speaking for itself, so none of a
 * story's furniture (no byline, dateline, section label or related stories). Breadcrumbs home,
 * a clear heading, the standfirst when written, when it was last updated, then the body at the
 * reading measure, with the article body's photos, galleries, pull quotes and embeds.
 */
export function StandingPage({ context, page, bodyImages = [] }: StandingPageProps) {
  const { site } = context;
  const { card } = page;
  const trail = pageTrail(card);
  const body = bodyAssets(page.body, context.assets);
  const head = (
    <>
      <SocialMeta
        site={site}
        title={card.title}
        description={card.description}
        path={card.url}
        icon={context.assets.shareIcon}
        {...(bodyImages[0]
          ? {
              image: {
                file: bodyImages[0].crops.social,
                alt: bodyPhotos(page.body)[0]?.alt ?? card.title,
              },
            }
          : {})}
      />
      {body.styles.map((style) => (
        <link rel="stylesheet" href={href(site, style)} />
      ))}
      <JsonLd
        graph={standingGraph(card, site, context.assets.logo, context.policies ?? [], trail)}
      />
    </>
  );
  return (
    <Page
      context={context}
      title={card.title}
      description={card.description}
      path={card.url}
      head={head}
      ownSocialMeta
      scripts={body.scripts}
    >
      <article class="standing-page">
        <header class="standing-header">
          <Breadcrumbs trail={trail} currentPath={card.url} site={site} />
          <h1>{curl(card.title)}</h1>
          {card.standfirst ? <p class="standfirst">{curl(card.standfirst)}</p> : null}
          {card.updated ? (
            <p class="standing-updated">
              Last updated <Timestamp moment={moment(card.updated)} site={site} precision="date" />
            </p>
          ) : null}
        </header>
        <StoryBody blocks={page.body} images={bodyImages} site={site} />
      </article>
    </Page>
  );
}
