/**
 * Standing pages as the site shows them, as plain data: the footer's links (every HTML page
 * shows them), the publisher's policies (the home page's and the standing pages' structured
 * data name them), and each page's spec. Pure functions of the pages' cards.
 */
import type { PageCard, PageRecord } from "../content/page-model.ts";
import type { Policy } from "../content/page-schema.ts";
import { POLICIES } from "../content/page-schema.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { Crumb } from "./breadcrumbs.ts";
import type { MediaRef } from "./planned-article.ts";

/** A link in every page's footer. */
export interface FooterLink {
  readonly title: string;
  /** Site-relative: `/about/`. */
  readonly path: string;
}

/** A policy the publisher states, and the page that states it. */
export interface PolicyLink {
  readonly policy: Policy;
  /** Site-relative: `/corrections-policy/`. */
  readonly path: string;
}

/** A page as the plan takes it: its record, the key of that record, its body's photos. */
export interface PlannedStandingPage {
  readonly record: PageRecord;
  /** Changes whenever the page's file, its folder's listing or the parser changes. */
  readonly recordKey: string;
  /** The body's photos, by photo index. */
  readonly photos: readonly MediaRef[];
}

/** What the plan and every render need of the standing pages. */
export interface StandingPlan {
  /** In slug order. */
  readonly pages: readonly PlannedStandingPage[];
  readonly footer: readonly FooterLink[];
  readonly policies: readonly PolicyLink[];
}

/** A standing page to render: its whole record and its processed body photos. */
export interface StandingPageSpec {
  readonly kind: "standing-page";
  readonly path: string;
  readonly page: PageRecord;
  readonly bodyImages?: readonly ProcessedImage[];
}

/**
 * The footer's links: the pages marked `footer`, by `order` (pages without one after those
 * with), then by title in the site's language, then by slug, so the order never depends on the
 * disk.
 */
export function footerLinks(cards: readonly PageCard[], language: string): FooterLink[] {
  const collator = new Intl.Collator(language);
  return cards
    .filter((card) => card.footer)
    .sort(
      (a, b) =>
        (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) ||
        collator.compare(a.title, b.title) ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    )
    .map((card) => ({ title: card.title, path: card.url }));
}

/** The policies the pages state, in the contract's order (two pages never claim one: see page-slugs.ts). */
export function policyLinks(cards: readonly PageCard[]): PolicyLink[] {
  return POLICIES.flatMap((policy) => {
    const card = cards.find((candidate) => candidate.policy === policy);
    return card ? [{ policy, path: card.url }] : [];
  });
}

/** The standing pages' plan, from the pages in slug order. */
export function standingPlan(
  pages: readonly PlannedStandingPage[],
  language: string,
): StandingPlan {
  const cards = pages.map((page) => page.record.card);
  return { pages, footer: footerLinks(cards, language), policies: policyLinks(cards) };
}

/** Home › the page: where a standing page sits, on the page and in its structured data. */
export function pageTrail(card: Pick<PageCard, "title" | "url">): Crumb[] {
  return [
    { name: "Home", path: "/" },
    { name: card.title, path: card.url },
  ];
}
