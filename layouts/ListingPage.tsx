import type { Article } from "../scripts/content/model.ts";
import type { SiteData } from "../scripts/site/prepare.ts";
import { StoryCard } from "./components/StoryCard.tsx";
import { Page } from "./Page.tsx";

interface ListingPageProps {
  readonly data: SiteData;
  /** The page's heading; on the home page it is visually hidden behind the masthead. */
  readonly heading: string;
  readonly description: string;
  readonly path: string;
  readonly articles: readonly Article[];
  readonly section?: string;
  /** The first story is shown large, its image the LCP candidate (home page). */
  readonly leadStory?: boolean;
  readonly hideHeading?: boolean;
}

/** A list of stories, newest first: the home page, a section, a topic. */
export function ListingPage(props: ListingPageProps) {
  const {
    data,
    heading,
    description,
    path,
    articles,
    section,
    leadStory = false,
    hideHeading = false,
  } = props;
  return (
    <Page
      data={data}
      title={heading}
      description={description}
      path={path}
      {...(section ? { section } : {})}
    >
      <h1 class={hideHeading ? "visually-hidden" : "listing-heading"}>{heading}</h1>
      {articles.length === 0 ? <p class="empty-listing">No stories yet.</p> : null}
      <div class="story-grid">
        {articles.map((article, index) => (
          <StoryCard
            article={article}
            media={data.media.get(article.url)}
            site={data.site}
            variant={leadStory && index === 0 ? "lead" : "standard"}
            loading={index === 0 ? "priority" : "lazy"}
          />
        ))}
      </div>
    </Page>
  );
}
