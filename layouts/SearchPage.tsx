import type { PageContext } from "../scripts/site/page-context.ts";
import { href } from "../scripts/site/urls.ts";
import { Page } from "./Page.tsx";

export interface SearchPageProps {
  readonly context: PageContext;
  /** The search index's parts, newest first: the script merges them (Pagefind's mergeIndex). */
  readonly parts: readonly string[];
}

/** The search page: a form, and results filled in by assets/js/search.js from the static index. */
export function SearchPage({ context, parts }: SearchPageProps) {
  const { site, assets } = context;
  return (
    <Page
      context={context}
      title="Search"
      description={`Search the stories of ${site.name}.`}
      path="/search/"
      scripts={[assets.search]}
      index="noindex"
    >
      <div class="search-page">
        <h1>Search</h1>
        <search>
          <form
            class="search-form"
            action={href(site, "/search/")}
            method="get"
            data-pagefind={href(site, "/pagefind/")}
            data-parts={parts.join(" ")}
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
            Search needs JavaScript. Browse the sections above, the front page, or the archive.
          </p>
        </noscript>
      </div>
    </Page>
  );
}
