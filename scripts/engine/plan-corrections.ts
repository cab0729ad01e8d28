/**
 * The corrections pages (see scripts/site/corrections.ts): the latest on `/corrections/`, a page
 * per month, the months' index, and the feed in every format. Each is keyed on exactly the rows
 * it shows, which carry their article's headline and address: editing a headline re-renders the
 * corrections pages that name it, and nothing else of theirs.
 */
import { type ArchiveIndexMonth, monthPath } from "../site/archives.ts";
import {
  CORRECTIONS_ARCHIVE,
  CORRECTIONS_PATH,
  correctionRows,
  type DatedRow,
  LATEST_CORRECTIONS,
} from "../site/corrections.ts";
import type { CorrectionsFeedSpec, CorrectionsSpec } from "../site/editorial-specs.ts";
import { feedPath } from "../site/feeds/channels.ts";
import { FEED_FORMATS } from "../site/feeds/outputs.ts";
import { feedSiteOf } from "../site/page-specs.ts";
import type { PlannedEntry } from "../site/sitemaps/parts.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import type { PlanInput } from "./page-plan.ts";
import type { Add } from "./plan-listings.ts";

const archive = { archivePath: CORRECTIONS_ARCHIVE };

/** Plans every corrections page and feed; returns the pages the sitemap lists. */
export function planCorrections(
  add: Add,
  html: string,
  input: PlanInput,
): { pages: PlannedEntry[] } {
  const { site } = input;
  const rows = correctionRows(input.articles, site.timeZone);
  const page = (spec: CorrectionsSpec) =>
    add("corrections", spec.path, keyOf(html, jsonKey(spec)), () => spec);

  const latest = rows.slice(0, LATEST_CORRECTIONS);
  page({
    kind: "corrections",
    path: CORRECTIONS_PATH,
    view: { type: "latest", hasOlder: rows.length > latest.length },
    rows: latest.map((dated) => dated.row),
  });

  // Months newest first, each with its corrections newest first.
  const months = new Map<string, DatedRow[]>();
  for (const dated of rows) {
    const month = months.get(dated.month);
    if (month) month.push(dated);
    else months.set(dated.month, [dated]);
  }
  const keys = [...months.keys()].sort().reverse();
  const link = (key: string | undefined) =>
    key ? { key, path: monthPath(archive, key) } : undefined;
  keys.forEach((key, index) => {
    const earlier = link(keys[index + 1]);
    const later = link(keys[index - 1]);
    page({
      kind: "corrections",
      path: monthPath(archive, key),
      view: {
        type: "month",
        month: key,
        ...(earlier ? { previousMonth: earlier } : {}),
        ...(later ? { nextMonth: later } : {}),
      },
      rows: (months.get(key) ?? []).map((dated) => dated.row),
    });
  });
  const index: ArchiveIndexMonth[] = keys.map((key) => ({
    key,
    path: monthPath(archive, key),
    count: months.get(key)?.length ?? 0,
  }));
  page({
    kind: "corrections",
    path: CORRECTIONS_ARCHIVE,
    view: { type: "index", months: index },
    rows: [],
  });

  const feedSite = feedSiteOf(site);
  for (const format of FEED_FORMATS) {
    const spec: CorrectionsFeedSpec = {
      kind: "corrections-feed",
      path: feedPath(CORRECTIONS_PATH, format),
      site: feedSite,
      format,
      // Never the clock: with no corrections yet, the newest story's date (or the build's now).
      updated: latest[0]?.row.date ?? input.articles[0]?.card.date ?? input.nowIso,
      rows: latest.map((dated) => dated.row),
    };
    add("corrections-feed", spec.path, jsonKey(spec), () => spec);
  }
  const newest = rows[0];
  return {
    pages: [
      newest
        ? { path: CORRECTIONS_PATH, lastmod: { iso: newest.row.date, ms: newest.ms } }
        : { path: CORRECTIONS_PATH },
    ],
  };
}
