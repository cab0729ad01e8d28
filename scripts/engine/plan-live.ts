/**
 * A live blog's pages in the plan, each keyed on exactly what it shows (see page-plan.ts):
 *
 * - the first page (the blog's URL): the blog's own record, media, byline and related stories,
 *   the end of coverage, how many updates there are, the updates it shows, the pinned update and
 *   the key events (with where each is);
 * - each block's page (live-paging.ts): the blog's headline and section, the block's place and
 *   its updates;
 * - the JSON open pages poll: the newest updates, their count and the end of coverage;
 * - the index of which block holds each update, which block pages' script reads.
 *
 * So a new update re-renders the first page, the JSON and the newest block's page (where its
 * permanent link leads), and no page of older updates.
 */

import { entryName } from "../content/byline-entry.ts";
import type { UpdateRecord } from "../content/live/update.ts";
import { excerpt } from "../content/markdown.ts";
import { type BylineSpec, feedAuthors } from "../site/bylines.ts";
import type { PlannedLive, PlannedUpdate } from "../site/live-model.ts";
import {
  blockPath,
  blocks,
  firstPageStart,
  liveIndexPath,
  liveJsonPath,
  olderBlocks,
  permalinkPath,
  updateAnchor,
} from "../site/live-paging.ts";
import type { KeyEventSpec, LiveBlogRef, LiveUpdateSpec } from "../site/live-specs.ts";
import type { CardSpec } from "../site/page-specs.ts";
import { bodyImageKeys, bodyImages, type PlannedArticle } from "../site/planned-article.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import type { Add } from "./plan-listings.ts";

/**
 * Updates in the JSON open pages poll: more than arrive between two polls on the busiest day,
 * few enough that the file stays a few kilobytes however long the blog.
 *
 * @default 10
 */
export const LIVE_JSON_SIZE = 10;

/** What the live plan needs besides the blog. */
export interface LivePlanContext {
  /** What every HTML page shows besides its content (site, assets, year). */
  readonly html: string;
  readonly related: readonly { readonly spec: CardSpec; readonly key: string }[];
  readonly byline: { readonly specs: readonly BylineSpec[]; readonly key: string };
  /** An update's parsed body, from the parse cache. */
  readonly readUpdate: (update: PlannedUpdate) => UpdateRecord;
}

/** An update at its place in the blog, as pages show it. */
function updateSpec(
  blogUrl: string,
  update: PlannedUpdate,
  position: number,
  read: (update: PlannedUpdate) => UpdateRecord,
): LiveUpdateSpec {
  const record = read(update);
  const byline = update.byline
    ? feedAuthors(update.byline)
    : update.card.authors.map((entry) => ({ name: entryName(entry) }));
  return {
    card: update.card,
    body: record.body,
    bodyText: record.bodyText,
    images: update.images.map((ref) => ref.image),
    ...(byline.length > 0 ? { byline } : {}),
    permalink: permalinkPath(blogUrl, position, update.card.name),
  };
}

/** The part of a page's key one update makes: its place (its permanent link) and content. */
function placed(update: PlannedUpdate, position: number): string {
  return `${position}:${update.key}`;
}

/** Plans the blog's first page, every block's page and its JSON. */
export function planLive(
  add: Add,
  article: PlannedArticle,
  live: PlannedLive,
  context: LivePlanContext,
): void {
  const { card: data, media } = article;
  const url = data.url;
  const { updates } = live;
  const count = updates.length;
  const start = firstPageStart(count);
  const at = (position: number): PlannedUpdate => updates[position] as PlannedUpdate;
  const read = context.readUpdate;
  const spec = (position: number) => updateSpec(url, at(position), position, read);
  const newestFirst = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => to - 1 - index);

  const shown = newestFirst(start, count);
  const pinned = updates.findIndex((update) => update.card.pinned);
  const keyEvents = newestFirst(0, count).filter((position) => at(position).card.key);
  const older = olderBlocks(count);
  const ended = live.ended?.iso;
  const poll = ended === undefined ? liveJsonPath(url) : undefined;
  add(
    "live",
    url,
    keyOf(
      context.html,
      live.blogRecordKey,
      media.image?.key,
      media.thumbnail?.key,
      ...bodyImageKeys(media),
      ...context.related.map((other) => other.key),
      context.byline.key,
      ended ?? "live",
      count,
      ...shown.map((position) => placed(at(position), position)),
      pinned === -1 ? "no pin" : `pinned ${placed(at(pinned), pinned)}`,
      ...keyEvents.map((position) => `key ${placed(at(position), position)}`),
    ),
    () => ({
      kind: "live",
      path: url,
      record: article.record,
      card: data,
      ...(media.image ? { image: media.image.image } : {}),
      ...(media.thumbnail ? { thumbnail: media.thumbnail.image } : {}),
      ...bodyImages(media),
      related: context.related.map((other) => other.spec),
      ...(context.byline.specs.length > 0 ? { byline: context.byline.specs } : {}),
      updates: shown.map(spec),
      ...(pinned === -1 ? {} : { pinned: spec(pinned) }),
      keyEvents: keyEvents.map((position) => keyEvent(url, at(position), position, start, read)),
      older: older.map((place) => ({
        path: blockPath(url, place.block),
        from: place.from + 1,
        to: place.to,
      })),
      count,
      ...(ended === undefined ? {} : { ended }),
      ...(poll ? { poll } : {}),
    }),
  );

  const blog: LiveBlogRef = {
    url,
    title: data.title,
    section: data.section,
    embeds: data.bodyMedia?.embeds ?? [],
  };
  // What a block's page shows of the blog: its headline, address and section (not its embeds,
  // which only decide the policy its checks read the page under).
  const blogKey = jsonKey({ url, title: data.title, section: data.section });
  for (const place of blocks(count)) {
    const path = blockPath(url, place.block);
    const held = newestFirst(place.from, place.to);
    add(
      "live-block",
      path,
      keyOf(
        context.html,
        blogKey,
        jsonKey(place),
        ...held.map((position) => placed(at(position), position)),
      ),
      () => ({
        kind: "live-block",
        path,
        blog,
        block: place.block,
        from: place.from + 1,
        to: place.to,
        hasNewer: place.hasNewer,
        updates: held.map(spec),
      }),
    );
  }

  // Which block holds each update: a permanent link whose update has moved (an update published
  // later with an earlier time shifts the blocks after it) is sent on to its page from this.
  const held = blocks(count).map((place) =>
    Array.from({ length: place.to - place.from }, (_, index) => at(place.from + index).card.name),
  );
  const indexPath = liveIndexPath(url);
  add("live-index", indexPath, jsonKey(held), () => ({
    kind: "live-index",
    path: indexPath,
    blocks: held,
  }));

  const newest = newestFirst(Math.max(0, count - LIVE_JSON_SIZE), count);
  const jsonPath = liveJsonPath(url);
  add(
    "live-json",
    jsonPath,
    keyOf(
      context.html,
      url,
      ended ?? "live",
      count,
      ...newest.map((position) => placed(at(position), position)),
    ),
    () => ({
      kind: "live-json",
      path: jsonPath,
      blogUrl: url,
      count,
      ...(ended === undefined ? {} : { ended }),
      updates: newest.map(spec),
    }),
  );
}

/** A key event as the list shows it: on the first page, an anchor there; else its permalink. */
function keyEvent(
  url: string,
  update: PlannedUpdate,
  position: number,
  start: number,
  read: (update: PlannedUpdate) => UpdateRecord,
): KeyEventSpec {
  const { card } = update;
  return {
    name: card.name,
    text: card.title ?? excerpt(read(update).bodyText, 100),
    time: card.time,
    href:
      position >= start ? `#${updateAnchor(card.name)}` : permalinkPath(url, position, card.name),
  };
}
