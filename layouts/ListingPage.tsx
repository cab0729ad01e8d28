import { listingTrail } from "../scripts/site/breadcrumbs.ts";
import type { ListingPage } from "../scripts/site/listings.ts";
import type { SiteData } from "../scripts/site/prepare.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { StoryCard } from "./components/StoryCard.tsx";
import { Page } from "./Page.tsx";

/** The words a listing's heading and meta description use. */
function describe(page: ListingPage, siteName: string): { heading: string; description: string } {
  const { listing } = page;
  const suffix = page.pageNumber > 1 ? ` (page ${page.pageNumber})` : "";
  switch (listing.kind) {
    case "home":
      return { heading: `${siteName}${suffix}`, description: `The latest news from ${siteName}.` };
    case "section":
      return {
        heading: `${listing.name}${suffix}`,
        description: `${listing.name} news from ${siteName}.`,
      };
    case "topic":
      return {
        heading: `${listing.name}${suffix}`,
        description: `Stories about ${listing.name} from ${siteName}.`,
      };
  }
}

/** A page of stories, newest first: the home page, a section, a topic. */
export function ListingPageView({
  data,
  page,
}: {
  readonly data: SiteData;
  readonly page: ListingPage;
}) {
  const { listing } = page;
  const { heading, description } = describe(page, data.site.name);
  const isFront = listing.kind === "home" && page.pageNumber === 1;
  const trail = listingTrail(listing);
  return (
    <Page
      data={data}
      title={heading}
      description={description}
      path={page.path}
      {...(listing.kind === "section" ? { section: listing.slug } : {})}
    >
      <div class="listing">
        {trail.length > 0 ? (
          <Breadcrumbs trail={trail} currentPath={listing.path} site={data.site} />
        ) : null}
        <h1 class={isFront ? "visually-hidden" : "listing-heading"}>{heading}</h1>
        {page.articles.length === 0 ? <p class="empty-listing">No stories yet.</p> : null}
        <div class="story-grid">
          {page.articles.map((article, index) => (
            <StoryCard
              article={article}
              media={data.media.get(article.url)}
              site={data.site}
              variant={isFront && index === 0 ? "lead" : "standard"}
              loading={index === 0 ? "priority" : "lazy"}
            />
          ))}
        </div>
        <Pagination page={page} site={data.site} />
      </div>
    </Page>
  );
}
