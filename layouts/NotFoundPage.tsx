import type { PageContext } from "../scripts/site/page-context.ts";
import { href } from "../scripts/site/urls.ts";
import { Page } from "./Page.tsx";

/** The page static hosts serve for a missing URL. */
export function NotFoundPage({ context }: { readonly context: PageContext }) {
  const { site } = context;
  return (
    <Page
      context={context}
      title="Page not found"
      description="The page you asked for is not here."
      path="/404.html"
      index="noindex-no-canonical"
    >
      <div class="not-found">
        <h1>Page not found</h1>
        <p>
          The page you asked for is not here. It may have moved, or the address may be mistyped.
        </p>
        <p>
          <a href={href(site, "/")}>Go to the front page</a> or{" "}
          <a href={href(site, "/archive/")}>browse the archive</a>
        </p>
      </div>
    </Page>
  );
}
