/**
 * The site's corrections, gathered from its articles: `/corrections/` lists the latest, newest
 * first; every month with corrections has its page in `/archive/corrections/<yyyy>/<mm>/`
 * (newest first too), and a feed carries the latest. One new correction changes the latest page,
 * its month's page, the months' index and the feed, whatever the archive's size.
 */
import { DateTime } from "luxon";
import { CORRECTION_LABELS } from "../content/kinds.ts";
import { monthKey } from "./calendar.ts";
import type { CorrectionRow, CorrectionsFeedSpec } from "./editorial-specs.ts";
import { type FeedChannel, type FeedItem, feedPath } from "./feeds/channels.ts";
import { publicUrl } from "./feeds/links.ts";
import type { PlannedArticle } from "./planned-article.ts";

/** The latest corrections' page. */
export const CORRECTIONS_PATH = "/corrections/";

/** The corrections' archive by month (its index, and `<yyyy>/<mm>/` under it). */
export const CORRECTIONS_ARCHIVE = "/archive/corrections/";

/**
 * Corrections on `/corrections/` and in its feed: a year or more of a careful newsroom's.
 *
 * @default 50
 */
export const LATEST_CORRECTIONS = 50;

/** A correction row with what planning needs besides: its time and month. */
export interface DatedRow {
  readonly row: CorrectionRow;
  readonly ms: number;
  /** `2026-01` in the site's zone. */
  readonly month: string;
}

/** Every correction of the published articles, newest first (ties: article, then number). */
export function correctionRows(articles: readonly PlannedArticle[], timeZone: string): DatedRow[] {
  const rows: DatedRow[] = [];
  for (const { card } of articles) {
    (card.corrections ?? []).forEach((correction, index) => {
      rows.push({
        row: {
          articleUrl: card.url,
          articleTitle: card.title,
          ...(card.kind ? { articleKind: card.kind } : {}),
          number: index + 1,
          date: correction.date,
          type: correction.type,
          text: correction.text,
        },
        ms: correction.dateMs,
        month: monthKey(correction.dateMs, timeZone),
      });
    });
  }
  return rows.sort(
    (a, b) =>
      b.ms - a.ms ||
      (a.row.articleUrl < b.row.articleUrl ? -1 : a.row.articleUrl > b.row.articleUrl ? 1 : 0) ||
      a.row.number - b.row.number,
  );
}

/** Where a correction is shown on its article's page. */
export function correctionAnchor(number: number): string {
  return `correction-${number}`;
}

/** `Correction: <headline>`: how a correction is named in lists and feeds. */
export function correctionTitle(row: Pick<CorrectionRow, "type" | "articleTitle">): string {
  return `${CORRECTION_LABELS[row.type]}: ${row.articleTitle}`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ??
      character,
  );
}

/** The corrections feed's channel: each correction an item linking to it on its article. */
export function correctionsChannel(spec: CorrectionsFeedSpec): FeedChannel {
  const { site } = spec;
  const zoned = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(site.timeZone);
  const items = spec.rows.map((row): FeedItem => {
    const published = zoned(row.date);
    return {
      url: publicUrl(site, `${row.articleUrl}#${correctionAnchor(row.number)}`),
      title: correctionTitle(row),
      summary: row.text,
      contentHtml: `<p>${escapeHtml(row.text)}</p>`,
      published,
      modified: published,
      authors: [{ name: site.name }],
      categories: [CORRECTION_LABELS[row.type]],
    };
  });
  return {
    folder: CORRECTIONS_PATH,
    title: `Corrections | ${site.name}`,
    description: `Corrections and clarifications published by ${site.name}.`,
    language: site.language,
    siteName: site.name,
    homeUrl: publicUrl(site, CORRECTIONS_PATH),
    feedUrls: {
      atom: publicUrl(site, feedPath(CORRECTIONS_PATH, "atom")),
      rss: publicUrl(site, feedPath(CORRECTIONS_PATH, "rss")),
      json: publicUrl(site, feedPath(CORRECTIONS_PATH, "json")),
    },
    updated: zoned(spec.updated),
    items,
  };
}
