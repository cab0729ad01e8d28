import type { ComponentChildren } from "preact";
import { SITE_COLOURS } from "../scripts/site/colours.ts";
import { feedLinks } from "../scripts/site/feeds/discovery.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import { curl } from "../scripts/site/typography.ts";
import { absoluteUrl, href } from "../scripts/site/urls.ts";
import { SiteFooter } from "./components/SiteFooter.tsx";
import { SiteHeader } from "./components/SiteHeader.tsx";
import { SocialMeta } from "./components/SocialMeta.tsx";

export interface PageProps {
  readonly context: PageContext;
  /** The page's own title; the site's name is added after it. */
  readonly title: string;
  readonly description: string;
  /** Site-relative path of the page, for its canonical URL. */
  readonly path: string;
  /** The section the page belongs to, highlighted in the navigation. */
  readonly section?: string;
  /** Extra `<head>` content: structured data, Open Graph. */
  readonly head?: ComponentChildren;
  /**
   * The page writes its own Open Graph and X card tags in `head` (stories, author and standing
   * pages, with their photos). Every other page that is a destination gets the site's: its title
   * and description, with the site's icon as the image.
   */
  readonly ownSocialMeta?: boolean;
  /** Scripts the page needs, as site-relative paths (never inline). */
  readonly scripts?: readonly string[];
  /**
   * A page that is no destination of its own (search results, the 404 page): `noindex`, and,
   * for the 404 page, no canonical address (it is served at every missing one).
   */
  readonly index?: "index" | "noindex" | "noindex-no-canonical";
  readonly children: ComponentChildren;
}

/** The HTML document every page shares: head, masthead, main content, footer. */
export function Page({
  context,
  title,
  description,
  path,
  section,
  head,
  ownSocialMeta = false,
  scripts = [],
  index = "index",
  children,
}: PageProps) {
  const { site, assets } = context;
  // Typographic quotes in what browsers and shares show; the stored text keeps the editor's.
  const fullTitle = curl(title === site.name ? title : `${title} | ${site.name}`);
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={curl(description)} />
        {index === "noindex-no-canonical" ? null : (
          <link rel="canonical" href={absoluteUrl(site, path)} />
        )}
        <meta
          name="robots"
          content={index === "index" ? "max-image-preview:large" : "noindex, follow"}
        />
        <meta name="color-scheme" content="light dark" />
        <meta
          name="theme-color"
          content={SITE_COLOURS.paper}
          media="(prefers-color-scheme: light)"
        />
        <meta
          name="theme-color"
          content={SITE_COLOURS.darkPaper}
          media="(prefers-color-scheme: dark)"
        />
        {/* The face headlines and text are set in, fetched with the stylesheet, not after it. */}
        {assets.fontPreload ? (
          <link
            rel="preload"
            href={href(site, assets.fontPreload)}
            as="font"
            type="font/woff2"
            crossorigin="anonymous"
          />
        ) : null}
        <link rel="stylesheet" href={href(site, assets.css)} />
        {assets.favicon ? (
          <link rel="icon" href={href(site, assets.favicon)} sizes="48x48" />
        ) : null}
        {assets.logo.endsWith(".svg") ? (
          <link rel="icon" href={href(site, assets.logo)} type="image/svg+xml" />
        ) : null}
        {assets.appleTouchIcon ? (
          <link rel="apple-touch-icon" href={href(site, assets.appleTouchIcon)} />
        ) : null}
        {assets.manifest ? <link rel="manifest" href={href(site, assets.manifest)} /> : null}
        {feedLinks(site, section).map((feed) => (
          <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        {ownSocialMeta || index !== "index" ? null : (
          <SocialMeta
            site={site}
            title={title}
            description={description}
            path={path}
            icon={assets.shareIcon}
          />
        )}
        {head}
        {scripts.map((script) => (
          <script src={href(site, script)} defer />
        ))}
      </head>
      <body>
        <SiteHeader
          site={site}
          logo={{ path: assets.logo, size: assets.logoSize }}
          {...(section ? { current: section } : {})}
        />
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <SiteFooter
          site={site}
          year={context.year}
          {...(context.footer ? { links: context.footer } : {})}
          currentPath={path}
        />
      </body>
    </html>
  );
}
