/**
 * When an article last changed for readers and crawlers: its latest correction when that is
 * later than its update, else its update, else its first publication. Structured data's
 * `dateModified`, feeds' updated times and sitemaps' `lastmod` all say this one time.
 */
import type { DateTime } from "luxon";
import type { ArticleCard } from "../content/card.ts";
import type { ArticleSummary } from "../content/model.ts";

/** The time, as written (ISO) and in epoch milliseconds, from an article's card. */
export function lastModified(
  card: Pick<ArticleCard, "date" | "dateMs" | "updated" | "updatedMs" | "corrections">,
): { iso: string; ms: number } {
  let latest =
    card.updated !== undefined && card.updatedMs !== undefined
      ? { iso: card.updated, ms: card.updatedMs }
      : { iso: card.date, ms: card.dateMs };
  for (const correction of card.corrections ?? []) {
    if (correction.dateMs > latest.ms) latest = { iso: correction.date, ms: correction.dateMs };
  }
  return latest;
}

/** The same time, from a loaded article. */
export function modifiedAt(
  article: Pick<ArticleSummary, "date" | "updated" | "corrections">,
): DateTime {
  let latest = article.updated ?? article.date;
  for (const correction of article.corrections) {
    if (correction.date > latest) latest = correction.date;
  }
  return latest;
}
