import type { Site } from "../../scripts/content/model.ts";
import type { ShownBanner } from "../../scripts/site/fronts.ts";
import { href } from "../../scripts/site/urls.ts";

/** Where a banner leads: a page of the site under its path prefix, or an https address. */
export function bannerHref(site: Pick<Site, "pathPrefix">, url: string): string {
  return url.startsWith("/") ? href(site, url) : url;
}

/**
 * The breaking-news banner as the front page's HTML carries it, for every reader, script or not
 * (FrontPage gives assets/js/breaking.js its `until`, to take it down before the next build does).
 * Article pages get the same banner from /breaking.json, drawn by that script.
 */
export function BreakingBanner({
  banner,
  site,
}: {
  readonly banner: ShownBanner;
  readonly site: Site;
}) {
  return (
    <section class="breaking" aria-label="Breaking news">
      <p class="breaking-line">
        <strong class="breaking-label">Breaking</strong>{" "}
        {banner.url ? (
          <a class="breaking-text" href={bannerHref(site, banner.url)}>
            {banner.text}
          </a>
        ) : (
          <span class="breaking-text">{banner.text}</span>
        )}
      </p>
    </section>
  );
}
