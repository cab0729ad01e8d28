import type { Site } from "../../scripts/content/model.ts";
import { href, sectionPath } from "../../scripts/site/urls.ts";

/** A logo at least this many times wider than tall is a wordmark: it is the name, set alone. */
const WORDMARK_RATIO = 2.5;

/** The logo's URL and intrinsic size (`512x512`). */
interface LogoRef {
  readonly path: string;
  readonly size: string;
}

/** The masthead's height for the logo, in CSS pixels: the name's cap height and a half. */
const MARK_HEIGHT = 44;

/**
 * The masthead: the configured logo (content/_data/site.yaml `logo`), its alt text the site's
 * name as the configuration gives it; a square mark stands beside the name set in type, a wide
 * wordmark stands for the name alone. Then the section navigation; `current` marks the section
 * being read.
 */
export function SiteHeader({
  site,
  logo,
  current,
}: {
  readonly site: Site;
  readonly logo?: LogoRef;
  readonly current?: string;
}) {
  const [width = 1, height = 1] = (logo?.size ?? "1x1").split("x").map(Number);
  const wordmark = width / height >= WORDMARK_RATIO;
  const shownHeight = wordmark ? 40 : MARK_HEIGHT;
  const image = logo?.path ? (
    <img
      class={wordmark ? "masthead-wordmark" : "masthead-mark"}
      src={href(site, logo.path)}
      alt={site.logo.alt || site.name}
      width={Math.round((shownHeight * width) / height)}
      height={shownHeight}
    />
  ) : null;
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <div class="masthead">
        <a class="masthead-brand" href={href(site, "/")}>
          {image}
          {image && wordmark ? null : (
            // The image names the site already: the name in type is for the eye.
            <span class="wordmark" {...(image ? { "aria-hidden": "true" } : {})}>
              {site.name}
            </span>
          )}
        </a>
      </div>
      <nav class="sections" aria-label="Sections">
        <ul>
          {site.sections.map((section) => (
            <li>
              <a
                href={href(site, sectionPath(section.slug))}
                {...(section.slug === current ? { "aria-current": "page" } : {})}
              >
                {section.name}
              </a>
            </li>
          ))}
          <li class="sections-search">
            <a href={href(site, "/search/")}>Search</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
