import type { Site } from "../../scripts/content/model.ts";
import { CORRECTIONS_PATH } from "../../scripts/site/corrections.ts";
import { href } from "../../scripts/site/urls.ts";

/** The footer: the site-wide promotion, then the publication's name and its corrections. */
export function SiteFooter({ site, year }: { readonly site: Site; readonly year: number }) {
  return (
    <footer class="site-footer">
      <p class="promotion">
        {site.promotion.url ? (
          <a href={site.promotion.url}>{site.promotion.text}</a>
        ) : (
          site.promotion.text
        )}
      </p>
      <p class="imprint">
        <a href={href(site, "/")}>{site.name}</a> © {year} ·{" "}
        <a href={href(site, CORRECTIONS_PATH)}>Corrections</a>
      </p>
    </footer>
  );
}
