/**
 * The standing pages in search: one part of the index of their own (`pages`), beside the
 * articles' dated parts, so editing a page re-indexes that part alone and publishing a story
 * never touches it. Its records are made here, from the pages' records, as Pagefind custom
 * records like the articles' (search-index.ts), labelled so results show what they are.
 */
import type * as pagefind from "pagefind";
import { bodyExtraText } from "../content/body/blocks.ts";
import type { PageRecord } from "../content/page-model.ts";
import type { PlannedStandingPage } from "../site/standing-pages.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import { indexLanguage, PAGEFIND_VERSION, type PartJob } from "./search-index.ts";

/** The part's id: not a date, so it never meets the articles' parts. */
export const PAGES_PART = "pages";

/**
 * The label a result shows (search.js prints `meta.kind` as on cards): a policy page is a
 * policy; any other standing page tells readers about the newsroom.
 */
export function pageLabel(record: Pick<PageRecord, "card">): string {
  return record.card.policy ? "Policy" : "About us";
}

/** What Pagefind indexes of a page: its words as readers find them on the page. */
export function pageSearchRecord(record: PageRecord, language: string): pagefind.CustomRecord {
  const { card } = record;
  const content = [card.title, card.standfirst, record.bodyText, ...bodyExtraText(record.body)]
    .filter((text): text is string => Boolean(text))
    .join("\n\n");
  return {
    url: card.url,
    content,
    language: indexLanguage(language),
    meta: { title: card.title, kind: pageLabel(record) },
    filters: { type: ["page"] },
  };
}

/**
 * The pages' part, keyed by its records themselves (so a change to how they are made shows in
 * the key), the language, Pagefind's version and the indexer's; none without pages.
 */
export function pagesPart(
  pages: readonly PlannedStandingPage[],
  language: string,
  codeVersion: string,
): PartJob | undefined {
  if (pages.length === 0) return undefined;
  const records = pages.map((page) => pageSearchRecord(page.record, language));
  return {
    id: PAGES_PART,
    key: keyOf(PAGEFIND_VERSION, indexLanguage(language), codeVersion, jsonKey(records)),
    articles: [],
    records,
  };
}
