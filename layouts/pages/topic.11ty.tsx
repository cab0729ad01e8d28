import type { Listing } from "../../scripts/site/listings.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";
import { ListingPage } from "../ListingPage.tsx";

interface TopicTemplateData {
  readonly broadsheet: SiteData;
  readonly listing: Listing;
}

/** One page per topic (tag), at /topics/<topic>/. */
export const data = {
  pagination: { data: "broadsheet.topics", size: 1, alias: "listing" },
  permalink: (page: TopicTemplateData) => page.listing.path,
};

export function render({ broadsheet, listing }: TopicTemplateData) {
  return (
    <ListingPage
      data={broadsheet}
      heading={listing.name}
      description={`Stories about ${listing.name} from ${broadsheet.site.name}.`}
      path={listing.path}
      articles={listing.articles}
    />
  );
}
