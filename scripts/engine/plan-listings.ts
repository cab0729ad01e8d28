/**
 * What every listing's planning shares: how a page is added to the plan, a story card with its
 * key, and a stream's date archive (its index and every page of every month).
 */
import { type ArchiveMonth, archiveIndex, archivePages } from "../site/archives.ts";
import { itemView } from "../site/card-view.ts";
import type { CardSpec, PageKind, PageSpec } from "../site/page-specs.ts";
import { cardImage, type PlannedArticle } from "../site/planned-article.ts";
import { type Stream, streamRef } from "../site/streams.ts";
import { jsonKey, keyOf } from "./hashing.ts";

/** Adds a page to the plan: its kind, URL path, key and the thunk that builds its spec. */
export type Add = (kind: PageKind, path: string, key: string, spec: () => PageSpec) => void;

/** A story card and its key. */
export function card(article: PlannedArticle): { spec: CardSpec; key: string } {
  const image = cardImage(article);
  return {
    spec: { view: article.view, ...(image ? { image: image.image } : {}) },
    key: article.cardKey,
  };
}

/** A stream's archive: its index and every page of every month. */
export function planArchive(
  add: Add,
  html: string,
  stream: Stream,
  months: readonly ArchiveMonth[],
) {
  const ref = streamRef(stream);
  const index = archiveIndex(ref, months);
  add("archive-index", index.path, keyOf(html, jsonKey(index)), () => ({
    kind: "archive-index",
    path: index.path,
    stream: ref,
    months: index.months,
  }));
  for (const page of archivePages(ref, months)) {
    const { articles, ...place } = page;
    add(
      "archive-month",
      page.path,
      keyOf(html, jsonKey(place), ...articles.map((article) => article.itemKey)),
      () => ({
        kind: "archive-month",
        path: page.path,
        stream: ref,
        month: page.month,
        pageNumber: page.pageNumber,
        ...(page.previousPath ? { previousPath: page.previousPath } : {}),
        ...(page.nextPath ? { nextPath: page.nextPath } : {}),
        ...(page.previousMonth ? { previousMonth: page.previousMonth } : {}),
        ...(page.nextMonth ? { nextMonth: page.nextMonth } : {}),
        items: articles.map((article) => itemView(article.card)),
      }),
    );
  }
}
