import type { Listing } from "../../scripts/site/listings.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";
import { ListingPage } from "../ListingPage.tsx";

interface SectionTemplateData {
  readonly broadsheet: SiteData;
  readonly listing: Listing;
}

/** One page per section, at /<section>/. */
export const data = {
  pagination: { data: "broadsheet.sections", size: 1, alias: "listing" },
  permalink: (page: SectionTemplateData) => page.listing.path,
};

export function render({ broadsheet, listing }: SectionTemplateData) {
  return (
    <ListingPage
      data={broadsheet}
      heading={listing.name}
      description={`${listing.name} news from ${broadsheet.site.name}.`}
      path={listing.path}
      articles={listing.articles}
      section={listing.slug}
    />
  );
}
