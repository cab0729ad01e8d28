/**
 * The publisher's structured data with its policies, and the graphs of the pages that carry it:
 * the home page and the standing pages. The whole `NewsMediaOrganization` (name, address, logo,
 * and each policy a standing page states, by its schema.org property) is published there, under
 * the one `@id` every article's graph already names as its publisher (origin, path prefix,
 * `#publisher`). Articles keep only the small node they always carried (name, address, logo:
 * structured-data.ts), so stating a new policy changes the home page and the standing pages,
 * never the archive.
 *
 * Typed by schema.org's vocabulary (`schema-dts`); optional properties are written as
 * `undefined` when absent, as in structured-data.ts, so TypeScript checks them.
 */

import { DateTime } from "luxon";
import type {
  BreadcrumbList,
  Graph,
  ListItem,
  NewsMediaOrganizationLeaf,
  WebPageLeaf,
  WebSite,
} from "schema-dts";
import type { Site } from "../content/model.ts";
import type { PageCard } from "../content/page-model.ts";
import type { Policy } from "../content/page-schema.ts";
import type { Crumb } from "./breadcrumbs.ts";
import { isoWithOffset } from "./dates.ts";
import type { PolicyLink } from "./standing-pages.ts";
import { publisher, publisherId } from "./structured-data.ts";
import { absoluteUrl } from "./urls.ts";

/** The NewsMediaOrganization property that names the page stating each policy. */
export const POLICY_PROPERTIES = {
  corrections: "correctionsPolicy",
  ethics: "ethicsPolicy",
  "publishing-principles": "publishingPrinciples",
  diversity: "diversityPolicy",
  ownership: "ownershipFundingInfo",
  masthead: "masthead",
  "unnamed-sources": "unnamedSourcesPolicy",
  "fact-checking": "verificationFactCheckingPolicy",
  feedback: "actionableFeedbackPolicy",
} as const satisfies { readonly [policy in Policy]: keyof NewsMediaOrganizationLeaf };

type PolicyProperty = (typeof POLICY_PROPERTIES)[Policy];

/** The publisher with every policy a standing page states, each as that page's address. */
export function publisherNode(
  site: Site,
  logoPath: string,
  policies: readonly PolicyLink[],
): NewsMediaOrganizationLeaf {
  const stated: { [property in PolicyProperty]?: string } = {};
  for (const { policy, path } of policies) {
    stated[POLICY_PROPERTIES[policy]] = absoluteUrl(site, path);
  }
  return { ...publisher(site, logoPath), ...stated };
}

/** The site's own node: what the home page is the front of, and every page is part of. */
function websiteId(site: Site): string {
  return `${absoluteUrl(site, "/")}#website`;
}

function websiteNode(site: Site): WebSite {
  const url = absoluteUrl(site, "/");
  return {
    "@type": "WebSite",
    "@id": websiteId(site),
    url,
    name: site.name,
    inLanguage: site.language,
    publisher: { "@id": publisherId(site) },
  };
}

/** The home page's graph: the site and its publisher, with the publisher's policies. */
export function homeGraph(site: Site, logoPath: string, policies: readonly PolicyLink[]): Graph {
  return {
    "@context": "https://schema.org",
    "@graph": [websiteNode(site), publisherNode(site, logoPath, policies)],
  };
}

/** The schema.org type of a standing page. */
export type StandingPageType = "WebPage" | "AboutPage" | "ContactPage";

/** Slugs that make a page (one stating no policy) an AboutPage or a ContactPage. */
export const PAGE_TYPE_SLUGS: {
  readonly [type in Exclude<StandingPageType, "WebPage">]: readonly string[];
} = {
  AboutPage: ["about", "about-us"],
  ContactPage: ["contact", "contact-us"],
};

/**
 * A standing page's type, from its address (the contract has no field for it): `/about/` or
 * `/about-us/` is an AboutPage and `/contact/` or `/contact-us/` a ContactPage, unless it states
 * a policy; every other page is a WebPage.
 */
export function standingPageType(card: Pick<PageCard, "slug" | "policy">): StandingPageType {
  if (card.policy) return "WebPage";
  if (PAGE_TYPE_SLUGS.AboutPage.includes(card.slug)) return "AboutPage";
  if (PAGE_TYPE_SLUGS.ContactPage.includes(card.slug)) return "ContactPage";
  return "WebPage";
}

function breadcrumbList(site: Site, trail: readonly Crumb[], id: string): BreadcrumbList {
  return {
    "@type": "BreadcrumbList",
    "@id": id,
    itemListElement: trail.map(
      (crumb, index): ListItem => ({
        "@type": "ListItem",
        position: index + 1,
        name: crumb.name,
        item: absoluteUrl(site, crumb.path),
      }),
    ),
  };
}

/**
 * A standing page's graph: the page (its type, name, description, last update), the publisher
 * with its policies (an about or contact page is about the publisher), and the breadcrumb trail.
 */
export function standingGraph(
  card: PageCard,
  site: Site,
  logoPath: string,
  policies: readonly PolicyLink[],
  trail: readonly Crumb[],
): Graph {
  const url = absoluteUrl(site, card.url);
  const type = standingPageType(card);
  const properties = {
    "@id": url,
    url,
    name: card.title,
    description: card.description,
    inLanguage: site.language,
    dateModified: card.updated
      ? isoWithOffset(DateTime.fromISO(card.updated, { setZone: true }).setZone(site.timeZone))
      : undefined,
    isPartOf: { "@id": websiteId(site) },
    publisher: { "@id": publisherId(site) },
    about: type === "WebPage" ? undefined : { "@id": publisherId(site) },
    breadcrumb: { "@id": `${url}#breadcrumb` },
  } satisfies Omit<WebPageLeaf, "@type">;
  return {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": type, ...properties },
      publisherNode(site, logoPath, policies),
      breadcrumbList(site, trail, `${url}#breadcrumb`),
    ],
  };
}
