import type { Site } from "../../scripts/content/model.ts";
import type { ListingPage } from "../../scripts/site/listings.ts";
import { href } from "../../scripts/site/urls.ts";

/** Newer and older pages of a listing, with where the reader is. */
export function Pagination({ page, site }: { readonly page: ListingPage; readonly site: Site }) {
  if (page.pageCount === 1) return null;
  return (
    <nav class="pagination" aria-label={`${page.listing.name}: more stories`}>
      {page.previousPath ? (
        <a href={href(site, page.previousPath)} rel="prev">
          <span aria-hidden="true">← </span>Newer stories
        </a>
      ) : null}
      <p class="pagination-position">
        Page {page.pageNumber} of {page.pageCount}
      </p>
      {page.nextPath ? (
        <a href={href(site, page.nextPath)} rel="next">
          Older stories<span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </nav>
  );
}
