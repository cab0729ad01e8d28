/**
 * The live blogs' part of a build (scripts/content/live/, live-scan.ts): every article folder's
 * live/ folder read where it may have changed, the updates this build publishes chosen (a draft
 * only when drafts are shown, an update timed after the build's now held back like an
 * embargoed article), their photos asked of the media stage, and each blog as the page plan
 * takes it (scripts/site/live-model.ts).
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import type { AuthoredArticle, ProfileIndex } from "../content/author-entries.ts";
import { EMBED_PROVIDERS } from "../content/body/blocks.ts";
import type { ArticleCard } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import {
  loadUpdate,
  oldestFirst,
  type UpdateCard,
  type UpdateRecord,
} from "../content/live/update.ts";
import { type ContentOptions, heldReason } from "../content/options.ts";
import { resolveByline } from "../site/bylines.ts";
import type { Moment, PlannedLive, PlannedUpdate } from "../site/live-model.ts";
import type { PlannedMedia } from "../site/planned-article.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import { type LiveFolderEntry, scanLiveFolder, type UpdateEntry } from "./live-scan.ts";
import type { PackRef, PackStore } from "./pack-store.ts";
import type { ArticleEntry } from "./state.ts";

export interface LiveScanResult {
  /** Every article's entry, with its live/ folder's where it has one. */
  readonly entries: Map<string, ArticleEntry>;
  readonly issues: readonly ContentIssue[];
  /** Updates in every blog, and how many were parsed. */
  readonly updates: number;
  readonly parsed: number;
}

/**
 * Reads the live/ folders that may have changed: every live blog's, and any other article's that
 * had one or whose folder changed (so updates under an article that is not live are found).
 */
export function scanLive(
  root: string,
  entries: ReadonlyMap<string, ArticleEntry>,
  previous: Readonly<Record<string, ArticleEntry>>,
  parseKey: string,
  records: PackStore,
): LiveScanResult {
  const next = new Map<string, ArticleEntry>();
  const issues: ContentIssue[] = [];
  let updates = 0;
  let parsed = 0;
  for (const [name, entry] of entries) {
    const before = previous[name];
    const folderChanged = !before || entry.folder === "" || before.folder !== entry.folder;
    const had = before?.live;
    if (entry.card.kind !== "live" && !had && !folderChanged) {
      next.set(name, entry);
      continue;
    }
    const scan = scanLiveFolder(
      root,
      { name, card: entry.card, folderChanged },
      had,
      parseKey,
      records,
    );
    issues.push(...scan.issues);
    parsed += scan.parsed;
    updates += scan.live ? Object.keys(scan.live.updates).length : 0;
    next.set(name, withLive(entry, scan.live));
  }
  return { entries: next, issues, updates, parsed };
}

/** The entry with its live/ folder's entry (the same object when nothing changed). */
function withLive(entry: ArticleEntry, live: LiveFolderEntry | undefined): ArticleEntry {
  if (entry.live === live) return entry;
  if (live) return { ...entry, live };
  const { live: _gone, ...rest } = entry;
  return rest;
}

/** The updates of a blog this build publishes, oldest first. */
export function publishedUpdates(
  live: LiveFolderEntry | undefined,
  options: Pick<ContentOptions, "now" | "includeDrafts" | "includeFuture">,
): UpdateEntry[] {
  if (!live) return [];
  const nowMs = options.now.toMillis();
  return Object.values(live.updates)
    .filter(
      ({ card }) =>
        heldReason({ draft: card.draft, atMs: card.timeMs }, nowMs, options) === undefined,
    )
    .sort((a, b) => oldestFirst(a.card, b.card));
}

/** The media stage's view of a published update: its photos, named from its live/ folder. */
export interface UpdateMediaOwner {
  readonly card: Pick<ArticleCard, "sourcePath" | "bodyMedia">;
}

/** The key an update's photos are asked for under: the blog's folder and the update's name. */
export function updateMediaKey(folder: string, name: string): string {
  return `${folder}/live/${name}`;
}

/** Every published update with photos, by {@link updateMediaKey}, for the media stage. */
export function updateMediaOwners(
  blogs: ReadonlyMap<string, readonly UpdateEntry[]>,
): Map<string, UpdateMediaOwner> {
  const owners = new Map<string, UpdateMediaOwner>();
  for (const [folder, updates] of blogs) {
    for (const update of updates) {
      if (!update.media || update.media.photos.length === 0) continue;
      owners.set(updateMediaKey(folder, update.card.name), {
        card: { sourcePath: update.card.sourcePath, bodyMedia: update.media },
      });
    }
  }
  return owners;
}

/** A blog as the plan takes it: its published updates with their media, bylines and keys. */
export function plannedLive(
  folder: string,
  entry: ArticleEntry,
  updates: readonly UpdateEntry[],
  media: ReadonlyMap<string, PlannedMedia>,
  nowMs: number,
  profiles?: ProfileIndex,
): PlannedLive {
  const planned = updates.map((update): PlannedUpdate => {
    const images = media.get(updateMediaKey(folder, update.card.name))?.body ?? [];
    const byline =
      profiles && update.card.authors.length > 0
        ? resolveByline(update.card.authors, profiles)
        : undefined;
    return {
      card: update.card,
      record: update.record,
      images,
      ...(byline ? { byline } : {}),
      key: keyOf(
        update.recordKey,
        jsonKey(byline ?? update.card.authors),
        ...images.map((image, index) => `${index}: ${image.key}`),
      ),
    };
  });
  const { card } = entry;
  const ended: Moment | undefined =
    card.ended !== undefined && card.endedMs !== undefined && card.endedMs <= nowMs
      ? { iso: card.ended, ms: card.endedMs }
      : undefined;
  const newest = planned.at(-1);
  return {
    updates: planned,
    ...(ended ? { ended } : {}),
    ...(newest ? { latest: { iso: newest.card.time, ms: newest.card.timeMs } } : {}),
    blogRecordKey: entry.recordKey,
    key: keyOf(ended?.iso ?? "live", ...planned.map((update) => update.key)),
  };
}

/**
 * The card the plan uses for a live blog: dated by its newest update when that is its last
 * change (structured data, feeds and sitemaps say so), without an end of coverage still to
 * come, and with its updates' embeds among its providers (the blog's pages allow their players).
 */
export function liveCard(card: ArticleCard, live: PlannedLive): ArticleCard {
  const { ended: _ended, endedMs: _endedMs, ...rest } = card;
  const latest = live.latest;
  const later =
    latest && latest.ms > card.dateMs && latest.ms > (card.updatedMs ?? Number.NEGATIVE_INFINITY);
  const providers = new Set([
    ...(card.bodyMedia?.embeds ?? []),
    ...live.updates.flatMap((update) => update.card.bodyMedia?.embeds ?? []),
  ]);
  const embeds = EMBED_PROVIDERS.filter((provider) => providers.has(provider));
  return {
    ...rest,
    ...(later ? { updated: latest.iso, updatedMs: latest.ms } : {}),
    ...(live.ended ? { ended: live.ended.iso, endedMs: live.ended.ms } : {}),
    ...(embeds.length > 0
      ? { bodyMedia: { photos: card.bodyMedia?.photos ?? [], embeds } }
      : card.bodyMedia
        ? { bodyMedia: card.bodyMedia }
        : {}),
  };
}

/**
 * An update's record from the parse cache, or, when it cannot be read back intact, parsed again
 * from its file (parsing is deterministic, so it is the same record).
 */
export function loadUpdateRecord(
  packs: PackStore,
  ref: PackRef,
  root: string,
  sourcePath: string,
): UpdateRecord {
  const bytes = packs.read(ref);
  if (bytes) {
    try {
      return JSON.parse(bytes.toString("utf8")) as UpdateRecord;
    } catch {
      // Read again from the source below.
    }
  }
  const name = path.basename(sourcePath, ".md");
  const loaded = loadUpdate(readFileSync(path.join(root, sourcePath)), sourcePath, name);
  if (!loaded.ok) throw new Error(`${sourcePath} changed while it was being built: build again`);
  return loaded.value;
}

/** Each published live blog's published updates, by folder. */
export function publishedLive(
  entries: readonly (readonly [string, ArticleEntry])[],
  options: Pick<ContentOptions, "now" | "includeDrafts" | "includeFuture">,
): Map<string, UpdateEntry[]> {
  const blogs = new Map<string, UpdateEntry[]>();
  for (const [folder, entry] of entries) {
    if (entry.card.kind === "live") blogs.set(folder, publishedUpdates(entry.live, options));
  }
  return blogs;
}

/** Every published live blog as the plan takes it, by folder. */
export function liveBlogs(
  entries: readonly (readonly [string, ArticleEntry])[],
  updates: ReadonlyMap<string, readonly UpdateEntry[]>,
  media: ReadonlyMap<string, PlannedMedia>,
  options: Pick<ContentOptions, "now">,
  profiles?: ProfileIndex,
): Map<string, PlannedLive> {
  const nowMs = options.now.toMillis();
  const blogs = new Map<string, PlannedLive>();
  for (const [folder, entry] of entries) {
    const published = updates.get(folder);
    if (published) blogs.set(folder, plannedLive(folder, entry, published, media, nowMs, profiles));
  }
  return blogs;
}

/** Every update's authors, drafts and embargoed ones too, to check against the profiles. */
export function liveAuthored(entries: ReadonlyMap<string, ArticleEntry>): AuthoredArticle[] {
  return [...entries.values()].flatMap((entry) =>
    entry.live ? Object.values(entry.live.updates).map((update) => update.card) : [],
  );
}

/** The published updates' links to the site's own pages, checked against the built site. */
export function liveLinkSources(
  updates: ReadonlyMap<string, readonly UpdateEntry[]>,
): UpdateCard[] {
  return [...updates.values()].flatMap((blog) => blog.map((update) => update.card));
}

/**
 * The live blogs whose coverage has not ended by the build's now, newest first, by folder name
 * and headline: the editor offers to add updates to these (scripts/cms/live-collections.ts).
 */
export function runningLiveBlogs(
  entries: ReadonlyMap<string, ArticleEntry>,
  options: Pick<ContentOptions, "now">,
): { slug: string; title: string }[] {
  const nowMs = options.now.toMillis();
  return [...entries]
    .filter(
      ([, { card }]) =>
        card.kind === "live" && !(card.endedMs !== undefined && card.endedMs <= nowMs),
    )
    .sort(([a, x], [b, y]) => y.card.dateMs - x.card.dateMs || (a < b ? -1 : 1))
    .map(([slug, { card }]) => ({ slug, title: card.title }));
}
