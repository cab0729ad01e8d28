import type { SiteData } from "../../scripts/site/prepare.ts";
import { href } from "../../scripts/site/urls.ts";
import { Page } from "../Page.tsx";

/** The page static hosts serve for a missing URL. */
export const data = { permalink: "/404.html" };

export function render({ broadsheet }: { readonly broadsheet: SiteData }) {
  const { site } = broadsheet;
  return (
    <Page
      data={broadsheet}
      title="Page not found"
      description="The page you asked for is not here."
      path="/404.html"
    >
      <div class="not-found">
        <h1>Page not found</h1>
        <p>
          The page you asked for is not here. It may have moved, or the address may be mistyped.
        </p>
        <p>
          <a href={href(site, "/")}>Go to the front page</a>
        </p>
      </div>
    </Page>
  );
}
