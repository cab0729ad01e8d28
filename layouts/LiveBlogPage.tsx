import type { BodyBlock } from "../scripts/content/body/blocks.ts";
import { bodyAssets } from "../scripts/site/body-assets.ts";
import { articleOpening, type Opening } from "../scripts/site/first-screen.ts";
import type { LiveSpec } from "../scripts/site/live-specs.ts";
import { liveBlogGraph } from "../scripts/site/live-structured-data.ts";
import { updateTime } from "../scripts/site/live-view.ts";
import { href } from "../scripts/site/urls.ts";
import type { ArticlePageProps } from "./ArticlePage.tsx";
import { CorrectionList } from "./components/Corrections.tsx";
import { KeyEvents } from "./components/KeyEvents.tsx";
import { KindLabel } from "./components/KindLabel.tsx";
import { LeadAndBody } from "./components/LeadAndBody.tsx";
import { LiveUpdate } from "./components/LiveUpdate.tsx";
import { RelatedStories } from "./components/RelatedStories.tsx";
import { StoryHead } from "./components/StoryHead.tsx";
import { StoryHeader } from "./components/StoryHeader.tsx";
import { Tags } from "./components/Tags.tsx";
import { Page } from "./Page.tsx";

/**
 * How often an open page asks for new updates, in milliseconds (the BBC's 15 s; the Guardian
 * and Newspack poll every 10 s). The page says it in `data-live-interval`, which tests shorten.
 *
 * @default 15000
 */
export const POLL_INTERVAL_MS = 15_000;

/** The line that says the coverage has ended: up to three lines and its margin. */
const ENDED_LINE_PX = 96;

/** A live blog's opening: an article's, with the line that says it has ended. */
function liveOpening(opening: Opening, ended: boolean): Opening {
  return ended ? { ...opening, metaHeight: opening.metaHeight + ENDED_LINE_PX } : opening;
}

/**
 * What a live blog's first page shows: what an article page shows (its `article` dated by its
 * newest update), and its live part.
 */
export interface LiveBlogPageProps extends ArticlePageProps {
  readonly live: LiveSpec;
}

/**
 * A live blog's first page: the headline, standfirst and summary (the article's body), the key
 * events, the pinned update, then the latest updates newest first and links to the pages of
 * older ones. While the coverage is live, assets/js/live.js brings new updates in without a
 * reload; once it has ended, the page says so and loads no script for it.
 */
export function LiveBlogPage({
  context,
  article,
  live,
  image,
  thumbnail,
  bodyImages = [],
  related,
  byline,
}: LiveBlogPageProps) {
  const { site, assets } = context;
  const media = { ...(image ? { image } : {}), ...(thumbnail ? { thumbnail } : {}) };
  const shownBlocks: BodyBlock[] = [
    ...article.body,
    ...live.updates.flatMap((update) => update.body),
    ...(live.pinned ? live.pinned.body : []),
  ];
  const body = bodyAssets(shownBlocks, assets);
  // While live, updates that arrive later may hold photos: their styles are loaded up front.
  const styles = [
    assets.liveBlog,
    ...(live.poll && !body.styles.includes(assets.bodyMedia) ? [assets.bodyMedia] : []),
    ...body.styles,
  ];
  const ended = live.ended ? updateTime(live.ended, site) : undefined;
  const head = (
    <StoryHead
      site={site}
      article={article}
      image={image}
      thumbnail={thumbnail}
      bodyImages={bodyImages}
      icon={assets.shareIcon}
      styles={styles}
      graph={liveBlogGraph(
        article,
        site,
        { ...media, body: bodyImages },
        assets.logo,
        byline,
        live.updates,
        live.ended,
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
        ...(article.video ? [assets.videoFacade] : []),
        ...body.scripts,
        ...(live.poll ? [assets.livePoll] : []),
        // The breaking-news banner, from /breaking.json, as on every article page.
        assets.breaking,
      ]}
    >
      <article class="story live-blog">
        <StoryHeader
          article={article}
          site={site}
          byline={byline}
          credited={true}
          label={
            <p class="story-kind">
              <KindLabel kind="live" ended={live.ended !== undefined} />
            </p>
          }
        >
          {ended ? (
            <p class="live-ended">
              <strong>This live coverage has ended.</strong> It ended at{" "}
              <time datetime={ended.iso}>
                {ended.clock}, {ended.day}
              </time>
              .
            </p>
          ) : null}
        </StoryHeader>
        <LeadAndBody
          article={article}
          opening={liveOpening(articleOpening(article, byline), ended !== undefined)}
          body={article.body}
          image={image}
          thumbnail={thumbnail}
          bodyImages={bodyImages}
          site={site}
        />
        <KeyEvents events={live.keyEvents} site={site} />
        {live.pinned ? (
          <section class="live-pinned" aria-labelledby="live-pinned-heading">
            <h2 id="live-pinned-heading" class="live-section-heading">
              Pinned
            </h2>
            <LiveUpdate update={live.pinned} site={site} anchor={false} />
          </section>
        ) : null}
        <section
          class="live-stream"
          aria-labelledby="live-stream-heading"
          {...(live.poll
            ? {
                "data-live": href(site, live.poll),
                "data-live-interval": String(POLL_INTERVAL_MS),
                "data-live-count": String(live.count),
              }
            : {})}
        >
          <h2 id="live-stream-heading" class="live-section-heading">
            {live.ended ? "Updates" : "Latest updates"}
          </h2>
          {live.poll ? (
            <>
              <div class="live-new" data-live-new hidden>
                <button type="button" class="live-new-button" data-live-show>
                  New updates
                </button>
              </div>
              <p class="visually-hidden" role="status" data-live-status></p>
            </>
          ) : null}
          <div class="live-updates" data-live-updates>
            {live.updates.length === 0 ? (
              <p class="live-empty" data-live-empty>
                No updates yet.
              </p>
            ) : (
              live.updates.map((update) => <LiveUpdate update={update} site={site} />)
            )}
          </div>
        </section>
        {live.older.length > 0 ? (
          <nav class="live-pages" aria-labelledby="live-pages-heading">
            <h2 id="live-pages-heading" class="live-section-heading">
              Earlier updates
            </h2>
            <ul>
              {live.older.map((page) => (
                <li>
                  <a href={href(site, page.path)}>
                    Updates {page.from} to {page.to}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <CorrectionList corrections={article.corrections} site={site} />
        <Tags tags={article.tags} site={site} />
      </article>
      <RelatedStories cards={related} site={site} />
    </Page>
  );
}
