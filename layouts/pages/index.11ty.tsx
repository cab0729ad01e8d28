import type { SiteData } from "../../scripts/site/prepare.ts";
import { ListingPage } from "../ListingPage.tsx";

/** The home page: the lead story, then the latest. */
export const data = { permalink: "/" };

export function render({ broadsheet }: { readonly broadsheet: SiteData }) {
  return (
    <ListingPage
      data={broadsheet}
      heading={broadsheet.site.name}
      description={`The latest news from ${broadsheet.site.name}.`}
      path="/"
      articles={broadsheet.articles}
      leadStory
      hideHeading
    />
  );
}
