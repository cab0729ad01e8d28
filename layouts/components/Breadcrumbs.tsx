import type { Site } from "../../scripts/content/model.ts";
import type { Crumb } from "../../scripts/site/breadcrumbs.ts";
import { href } from "../../scripts/site/urls.ts";

interface BreadcrumbsProps {
  readonly trail: readonly Crumb[];
  /** The page being shown: its crumb, if in the trail, is marked as the current page. */
  readonly currentPath: string;
  readonly site: Site;
}

/** Where the page sits: Home › Section. */
export function Breadcrumbs({ trail, currentPath, site }: BreadcrumbsProps) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb" data-pagefind-ignore>
      <ol>
        {trail.map((crumb) => (
          <li>
            <a
              href={href(site, crumb.path)}
              {...(crumb.path === currentPath ? { "aria-current": "page" } : {})}
            >
              {crumb.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
