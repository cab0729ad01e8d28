/**
 * What the page templates receive from Eleventy as `broadsheet`: the pages of one render batch by
 * kind, the context every HTML page shares, and the records (bodies) of the articles the batch
 * shows. Specs arrive as plain data; the functions below turn them into the typed models the
 * layouts take, the same way in every process, so a page renders to the same bytes whether a
 * worker made it in a cold build or the build process in an incremental one.
 */
import { DateTime } from "luxon";
import { type ArticleRecord, reviveArticle, reviveSummary } from "../content/card.ts";
import type { Article } from "../content/model.ts";
import { refKey } from "../engine/pack-store.ts";
import type { ItemView } from "./card-view.ts";
import type { FeedArticle } from "./feeds/channels.ts";
import type { CardModel, PageContext } from "./page-context.ts";
import type { CardSpec, FeedSpec, PageKind, PageSpec, RecordRef } from "./page-specs.ts";

export type SpecsByKind = {
  readonly [kind in PageKind]: readonly Extract<PageSpec, { kind: kind }>[];
};

export interface RenderBatch {
  readonly context: PageContext;
  /** The project root: media paths are found again from it. */
  readonly root: string;
  readonly pages: SpecsByKind;
  /** Records of the articles whose bodies the batch shows, by {@link refKey}. */
  readonly records: ReadonlyMap<string, ArticleRecord>;
}

/** Every kind with no pages: a batch starts from this. */
export function emptySpecs(): { [kind in PageKind]: Extract<PageSpec, { kind: kind }>[] } {
  return {
    article: [],
    front: [],
    "archive-index": [],
    "archive-month": [],
    search: [],
    "not-found": [],
    feed: [],
    "sitemap-index": [],
    sitemap: [],
    "news-sitemap": [],
    robots: [],
    headers: [],
    author: [],
    authors: [],
    corrections: [],
    "corrections-feed": [],
    "standing-page": [],
    live: [],
    "live-block": [],
    "live-json": [],
    "live-index": [],
    breaking: [],
  };
}

// Cards repeat across a batch (a story is on its section's, its topics' and the home page, and
// in related stories): each date is parsed once. DateTimes are immutable, so sharing is safe.
const moments = new Map<string, DateTime>();

/** A date written in a spec, as the moment it names in the zone it was written in. */
export function moment(iso: string): DateTime {
  let parsed = moments.get(iso);
  if (!parsed) {
    if (moments.size > 100_000) moments.clear();
    parsed = DateTime.fromISO(iso, { setZone: true });
    moments.set(iso, parsed);
  }
  return parsed;
}

export function cardModel(spec: CardSpec): CardModel {
  return {
    view: spec.view,
    date: moment(spec.view.date),
    ...(spec.image ? { image: spec.image } : {}),
  };
}

export function rowModel(item: ItemView): { view: ItemView; date: DateTime } {
  return { view: item, date: moment(item.date) };
}

/** The whole article a page shows, its body read from the batch's records. */
export function articleOf(batch: RenderBatch, ref: RecordRef): Article {
  const record = batch.records.get(refKey(ref));
  if (!record) throw new Error(`render: the batch holds no record ${refKey(ref)}`);
  return reviveArticle(record, batch.root);
}

/**
 * An article with the card the plan gave it: the parsed one, except a live blog's, which is
 * dated by its newest update (scripts/engine/live-stage.ts).
 */
function withCard(article: Article, item: FeedSpec["items"][number], root: string): Article {
  if (item.card.kind !== "live") return article;
  return { ...article, ...reviveSummary(item.card, root) };
}

/** A feed's items as the channel takes them. */
export function feedArticles(batch: RenderBatch, spec: FeedSpec): FeedArticle[] {
  return spec.items.map((item) => ({
    article: withCard(articleOf(batch, item.record), item, batch.root),
    ...(item.image ? { image: item.image } : {}),
    ...(item.thumbnail ? { thumbnail: item.thumbnail } : {}),
    ...(item.bodyImages ? { bodyImages: item.bodyImages } : {}),
    ...(item.authors ? { authors: item.authors } : {}),
  }));
}

/** The records a page needs (and the source each was parsed from), to load before rendering. */
export function recordsNeeded(spec: PageSpec): { ref: RecordRef; sourcePath: string }[] {
  switch (spec.kind) {
    case "article":
    case "live":
      return [{ ref: spec.record, sourcePath: spec.card.sourcePath }];
    case "feed":
      return spec.items.map((item) => ({ ref: item.record, sourcePath: item.card.sourcePath }));
    default:
      return [];
  }
}
