import type { Site } from "../../scripts/content/model.ts";
import { href, sectionPath } from "../../scripts/site/urls.ts";

/** The masthead and section navigation; `current` marks the section being read. */
export function SiteHeader({ site, current }: { readonly site: Site; readonly current?: string }) {
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <div class="masthead">
        <a class="wordmark" href={href(site, "/")}>
          {site.name}
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
