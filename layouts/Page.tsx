import type { ComponentChildren } from "preact";
import { feedLinks } from "../scripts/site/feeds/discovery.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import { absoluteUrl, href } from "../scripts/site/urls.ts";
import { SiteFooter } from "./components/SiteFooter.tsx";
import { SiteHeader } from "./components/SiteHeader.tsx";

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
  /** Scripts the page needs, as site-relative paths (never inline). */
  readonly scripts?: readonly string[];
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
  scripts = [],
  children,
}: PageProps) {
  const { site, assets } = context;
  const fullTitle = title === site.name ? title : `${title} | ${site.name}`;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={absoluteUrl(site, path)} />
        <meta name="robots" content="max-image-preview:large" />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={href(site, assets.css)} />
        <link rel="icon" href={href(site, assets.logo)} type="image/svg+xml" />
        {feedLinks(site, section).map((feed) => (
          <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        {head}
        {scripts.map((script) => (
          <script src={href(site, script)} defer />
        ))}
      </head>
      <body>
        <SiteHeader site={site} {...(section ? { current: section } : {})} />
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
