import type { ListingPage } from "../../scripts/site/listings.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";
import { ListingPageView } from "../ListingPage.tsx";

interface ListingTemplateData {
  readonly broadsheet: SiteData;
  readonly listingPage: ListingPage;
}

/** Every page of every listing: the home page, each section, each topic, paginated. */
export const data = {
  pagination: { data: "broadsheet.listingPages", size: 1, alias: "listingPage" },
  permalink: (page: ListingTemplateData) => page.listingPage.path,
};

export function render({ broadsheet, listingPage }: ListingTemplateData) {
  return <ListingPageView data={broadsheet} page={listingPage} />;
}
