import type { Site } from "../../scripts/content/model.ts";
import { CORRECTIONS_PATH } from "../../scripts/site/corrections.ts";
import type { FooterLink } from "../../scripts/site/standing-pages.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";

interface SiteFooterProps {
  readonly site: Site;
  readonly year: number;
  /** The standing pages marked `footer`, in order. */
  readonly links?: readonly FooterLink[];
  /** The page being shown: its own link, if in the footer, is marked as the current page. */
  readonly currentPath?: string;
}

/**
 * The footer: the site-wide promotion; the newsroom's standing pages (about us, contact, its
 * policies), then its corrections, linked from every page as readers, Google and the Trust
 * Project look for them; then the publication's name.
 */
export function SiteFooter({ site, year, links = [], currentPath }: SiteFooterProps) {
  const all = [...links, { title: "Corrections", path: CORRECTIONS_PATH }];
  return (
    <footer class="site-footer">
      <p class="promotion">
        {site.promotion.url ? (
          <a href={site.promotion.url}>{curl(site.promotion.text)}</a>
        ) : (
          curl(site.promotion.text)
        )}
      </p>
      <nav class="footer-nav" aria-label={`About ${site.name}`}>
        <ul>
          {all.map((link) => (
            <li>
              <a
                href={href(site, link.path)}
                {...(link.path === currentPath ? { "aria-current": "page" } : {})}
              >
                {link.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="imprint">
        <a href={href(site, "/")}>{site.name}</a> © {year}
      </p>
    </footer>
  );
}
