/**
 * The Content-Security-Policy of pages with embeds. The site-wide policy allows no provider's
 * frame; a page that embeds posts or players gets its own rule in `_headers`, which detaches the
 * site-wide policy and sets one whose `frame-src` adds exactly that page's providers. No rule
 * ever allows a provider's script into the page itself: players run in their own frames.
 *
 * Cloudflare Pages reads at most {@link HEADER_RULE_LIMIT} rules. When the pages with embeds do
 * not all fit beside the site's other rules, the newest keep rules of their own and older ones
 * share one rule per section, allowing the providers any of them uses (a looser policy for that
 * section's other pages, never a broken embed); with more sections than room, one rule serves
 * the whole site.
 */
import type { EmbedProvider } from "../content/body/blocks.ts";
import { EMBED_PROVIDERS } from "../content/body/blocks.ts";
import type { Site } from "../content/model.ts";
import { EMBED_FRAME_ORIGINS } from "./embeds.ts";
import {
  CONTENT_SECURITY_POLICY,
  type CspDirectives,
  type HeaderRule,
  serializeCsp,
  sitePolicy,
} from "./headers.ts";
import type { PlannedArticle } from "./planned-article.ts";
import { href, sectionPath } from "./urls.ts";

/**
 * Header rules Cloudflare Pages applies (documented limit; Netlify has none).
 *
 * @default 100
 */
export const HEADER_RULE_LIMIT = 100;

/** A page that embeds, with the providers it embeds from. */
export interface EmbedPage {
  /** Site-relative URL path: `/asia/<slug>/`. */
  readonly path: string;
  readonly section: string;
  readonly providers: readonly EmbedProvider[];
}

/** The published pages with embeds, in the order given (newest first in the plan). */
export function embedPages(articles: readonly PlannedArticle[]): EmbedPage[] {
  return articles.flatMap(({ card }) =>
    card.bodyMedia && card.bodyMedia.embeds.length > 0
      ? [{ path: card.url, section: card.section.slug, providers: card.bodyMedia.embeds }]
      : [],
  );
}

/**
 * The site's policy (`base`: its image CDN's origin allowed, for imgix), with `frame-src` adding
 * the players of `providers`.
 */
export function embedPolicy(
  providers: readonly EmbedProvider[],
  base: CspDirectives = CONTENT_SECURITY_POLICY,
): CspDirectives {
  if (providers.length === 0) return base;
  const origins = EMBED_PROVIDERS.filter((provider) => providers.includes(provider)).map(
    (provider) => EMBED_FRAME_ORIGINS[provider],
  );
  return { ...base, "frame-src": [...base["frame-src"], ...origins] };
}

/** The policy a page's own checks use: the site's, its own embeds' providers allowed, no others. */
export function pagePolicy(
  providers: readonly EmbedProvider[] | undefined,
  site: Pick<Site, "imageCdn">,
): CspDirectives {
  return embedPolicy(providers ?? [], sitePolicy(site));
}

function rule(path: string, policy: CspDirectives): HeaderRule {
  return {
    path,
    detach: ["Content-Security-Policy"],
    headers: { "Content-Security-Policy": serializeCsp(policy) },
  };
}

function union(pages: readonly EmbedPage[]): EmbedProvider[] {
  return EMBED_PROVIDERS.filter((provider) =>
    pages.some((page) => page.providers.includes(provider)),
  );
}

/**
 * The rules for pages with embeds (`pages` newest first), given how many rules the file holds
 * besides. Broader rules come first: Netlify serves the last matching rule's value, and a page's
 * own rule must win over its section's.
 */
export function embedHeaderRules(
  site: Pick<Site, "pathPrefix" | "imageCdn">,
  pages: readonly EmbedPage[],
  otherRules: number,
): HeaderRule[] {
  const room = HEADER_RULE_LIMIT - otherRules;
  const policy = (providers: readonly EmbedProvider[]) => embedPolicy(providers, sitePolicy(site));
  const own = (page: EmbedPage) => rule(href(site, `${page.path}*`), policy(page.providers));
  if (pages.length <= room) return pages.map(own);
  for (let kept = Math.min(pages.length, room) - 1; kept >= 0; kept--) {
    const older = pages.slice(kept);
    const sections = [...new Set(older.map((page) => page.section))].sort();
    if (kept + sections.length > room) continue;
    return [
      ...sections.map((section) =>
        rule(
          href(site, `${sectionPath(section)}*`),
          policy(union(older.filter((page) => page.section === section))),
        ),
      ),
      ...pages.slice(0, kept).map(own),
    ];
  }
  return [rule(href(site, "/*"), policy(union(pages)))];
}
