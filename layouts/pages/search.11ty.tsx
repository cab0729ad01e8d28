import type { SiteData } from "../../scripts/site/prepare.ts";
import { href } from "../../scripts/site/urls.ts";
import { Page } from "../Page.tsx";

/** The search page: a form, and results filled in by assets/js/search.js from the static index. */
export const data = { permalink: "/search/" };

export function render({ broadsheet }: { readonly broadsheet: SiteData }) {
  const { site, assets } = broadsheet;
  return (
    <Page
      data={broadsheet}
      title="Search"
      description={`Search the stories of ${site.name}.`}
      path="/search/"
      scripts={[assets.search.path]}
    >
      <div class="search-page">
        <h1>Search</h1>
        <search>
          <form
            class="search-form"
            action={href(site, "/search/")}
            method="get"
            data-pagefind={href(site, "/pagefind/")}
            data-base-url={site.pathPrefix}
          >
            <label for="search-query">Search stories</label>
            <div class="search-row">
              <input
                id="search-query"
                name="q"
                type="search"
                autocomplete="off"
                spellcheck={false}
              />
              <button type="submit">Search</button>
            </div>
          </form>
        </search>
        <p class="search-status" id="search-status" role="status" aria-live="polite">
          Type a word or a name and press Search.
        </p>
        <ol class="search-results" id="search-results" />
        <noscript>
          <p class="search-status">
            Search needs JavaScript. Browse the sections above, or the front page.
          </p>
        </noscript>
      </div>
    </Page>
  );
}
