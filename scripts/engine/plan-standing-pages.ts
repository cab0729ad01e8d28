/**
 * The standing pages in the page plan: a page at `/<slug>/` for each, keyed on what it shows
 * (its record and body photos, the publisher's policies its structured data names, and what
 * every HTML page shows: the site, the assets, the year and the footer's links). What else the
 * pages reach is planned with the rest: the footer's links are in every HTML page's key, the
 * policies in the home page's, the pages' addresses in the sitemap's pages file and their embeds
 * in `_headers` (page-plan.ts).
 */
import type { ContentIssue } from "../content/issues.ts";
import type { EmbedPage } from "../site/embed-headers.ts";
import { bodyImageKeys } from "../site/planned-article.ts";
import type { PlannedEntry } from "../site/sitemaps/parts.ts";
import type { StandingPlan } from "../site/standing-pages.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import type { PlannedPage } from "./page-plan.ts";
import type { Add } from "./plan-listings.ts";

/** The key of what the publisher's structured data says of its policies. */
export function policiesKey(standing: StandingPlan | undefined): string {
  return jsonKey(standing?.policies ?? []);
}

/** The key of the footer's links: part of every HTML page's key. */
export function footerKey(standing: StandingPlan | undefined): string {
  return jsonKey(standing?.footer ?? []);
}

/** Plans every standing page; returns their entries for the sitemap's pages file. */
export function planStandingPages(
  add: Add,
  html: string,
  standing: StandingPlan | undefined,
): PlannedEntry[] {
  const pages = standing?.pages ?? [];
  const policies = policiesKey(standing);
  for (const { record, recordKey, photos } of pages) {
    const { url } = record.card;
    add(
      "standing-page",
      url,
      keyOf(html, policies, recordKey, ...bodyImageKeys({ body: photos })),
      () => ({
        kind: "standing-page",
        path: url,
        page: record,
        ...(photos.length > 0 ? { bodyImages: photos.map((photo) => photo.image) } : {}),
      }),
    );
  }
  return pages.map(({ record: { card } }) =>
    card.updated !== undefined && card.updatedMs !== undefined
      ? { path: card.url, lastmod: { iso: card.updated, ms: card.updatedMs } }
      : { path: card.url },
  );
}

/** The standing pages with embeds: each gets its own policy in `_headers`, as an article does. */
export function standingEmbedPages(standing: StandingPlan | undefined): EmbedPage[] {
  return (standing?.pages ?? []).flatMap(({ record: { card } }) =>
    card.bodyMedia && card.bodyMedia.embeds.length > 0
      ? [{ path: card.url, section: card.slug, providers: card.bodyMedia.embeds }]
      : [],
  );
}

/**
 * Files the plan puts in a standing page's folder besides the page itself. The slug rules
 * (content/page-slugs.ts) keep pages away from everything the site builds today; this catches
 * whatever a later kind of page adds, before anything is published.
 */
export function standingClashes(
  plan: readonly PlannedPage[],
  standing: StandingPlan | undefined,
): ContentIssue[] {
  const pages = standing?.pages ?? [];
  if (pages.length === 0) return [];
  const bySlug = new Map(pages.map((page) => [page.record.card.slug, page.record.card]));
  const issues: ContentIssue[] = [];
  for (const planned of plan) {
    if (planned.kind === "standing-page") continue;
    const card = bySlug.get(planned.file.split("/")[0] ?? "");
    if (!card) continue;
    issues.push({
      file: card.sourcePath,
      message: `The page's address ${card.url} is already taken: the site builds /${planned.file} there.`,
      fix: `Rename the folder content/pages/${card.slug}/ to a name nothing else on the site uses: the folder's name is the page's address.`,
    });
    bySlug.delete(card.slug);
  }
  return issues;
}
