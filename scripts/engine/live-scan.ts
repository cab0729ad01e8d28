/**
 * Reading a live blog's updates (`<article>/live/<name>.md`), and only those that changed. The
 * article scan fingerprints a folder and its index.md, which says nothing about files inside
 * live/; so for every blog this costs one `stat` of live/ (a file added, removed or renamed
 * changes its fingerprint, and only then is it listed again) and one `stat` per update (an edit
 * in place changes only the file's). A touched file costs a read and a hash; only an update
 * whose bytes changed is parsed, its record appended to the parse cache. A new update into a
 * blog of 1,000 parses one file.
 *
 * What depends on more than an update's bytes is worked out here too, from the cards alone:
 * where its photos are (the folders' listings), and the rules between the updates and the blog.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ARTICLES_PATH } from "../content/article-folders.ts";
import type { BodyMedia } from "../content/body/blocks.ts";
import type { ContentIssue } from "../content/issues.ts";
import { resolveUpdatePhotos } from "../content/live/photos.ts";
import { liveRuleIssues, notLiveIssue } from "../content/live/rules.ts";
import {
  badNameIssue,
  LIVE_FOLDER,
  loadUpdate,
  UPDATE_NAME,
  type UpdateCard,
} from "../content/live/update.ts";
import { fingerprintOf } from "./fingerprint.ts";
import { keyOf, sha256 } from "./hashing.ts";
import type { PackRef, PackStore } from "./pack-store.ts";

/** One update as the last build saw it. */
export interface UpdateEntry {
  /** The file's fingerprint (see fingerprint.ts). */
  readonly print: string;
  /** The parser's version, the name and the bytes: the key of everything parsing read. */
  readonly recordKey: string;
  /** Where the parsed update (its body) is kept. */
  readonly record: PackRef;
  readonly card: UpdateCard;
  /** Its photos, each named from the live/ folder (`photo.jpg`, `../photo.jpg`). */
  readonly media?: BodyMedia;
}

/** A blog's live/ folder as the last build saw it. */
export interface LiveFolderEntry {
  /** The folder's fingerprint: unchanged, the same files are in it. */
  readonly dir: string;
  /** By name. */
  readonly updates: Readonly<Record<string, UpdateEntry>>;
}

/** What the scan needs to know of the blog. */
export interface ScannedBlog {
  /** The article's folder name. */
  readonly name: string;
  readonly card: {
    readonly sourcePath: string;
    readonly kind?: string;
    readonly date: string;
    readonly dateMs: number;
  };
  /** Whether the article folder itself changed since the last build (its listing may have). */
  readonly folderChanged: boolean;
}

export interface LiveScan {
  /** The folder's entry; undefined when the article has no live/ folder. */
  readonly live?: LiveFolderEntry;
  readonly issues: readonly ContentIssue[];
  /** Updates parsed. */
  readonly parsed: number;
}

function statOf(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The .md files of a live/ folder, by name; files named like no id are reported. */
function listUpdates(
  liveDir: string,
  relative: string,
): { names: string[]; issues: ContentIssue[] } {
  const names: string[] = [];
  const issues: ContentIssue[] = [];
  for (const entry of readdirSync(liveDir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || !/\.md$/i.test(entry.name)) continue;
    const name = entry.name.slice(0, -3);
    if (!entry.isFile() || !entry.name.endsWith(".md") || !UPDATE_NAME.test(name)) {
      issues.push(badNameIssue(`${relative}/${entry.name}`, entry.name));
      continue;
    }
    names.push(name);
  }
  return { names: names.sort(), issues };
}

/**
 * Scans one article's live/ folder against the last build's entry. `previous` is that entry
 * (from the same parser), `parseKey` the update parser's version, `records` the parse cache.
 */
export function scanLiveFolder(
  root: string,
  blog: ScannedBlog,
  previous: LiveFolderEntry | undefined,
  parseKey: string,
  records: PackStore,
): LiveScan {
  const relative = `${ARTICLES_PATH}/${blog.name}/${LIVE_FOLDER}`;
  const articleDir = path.join(root, ARTICLES_PATH, blog.name);
  const liveDir = path.join(articleDir, LIVE_FOLDER);
  const stats = statOf(liveDir);
  if (!stats) return { issues: [], parsed: 0 };
  if (!stats.isDirectory()) {
    return {
      issues: [
        {
          file: relative,
          message: "live is a file here, but it must be the folder that holds the blog's updates.",
          fix: `Make ${relative} a folder with one <name>.md file per update, or remove it.`,
        },
      ],
      parsed: 0,
    };
  }
  const seenAt = Date.now();
  const dir = fingerprintOf(stats, seenAt);
  const sameDir = previous !== undefined && dir !== "" && previous.dir === dir;
  const listed = sameDir
    ? { names: Object.keys(previous.updates), issues: [] }
    : listUpdates(liveDir, relative);
  if (blog.card.kind !== "live") {
    const issues = [
      ...listed.issues,
      ...listed.names.map((name) => notLiveIssue(`${relative}/${name}.md`, blog.card)),
    ];
    // An empty live/ folder is remembered, so an update put in it later is noticed (the
    // article's own folder does not change when a file is added inside live/).
    if (issues.length > 0) return { issues, parsed: 0 };
    return { live: sameDir ? previous : { dir, updates: {} }, issues, parsed: 0 };
  }
  const issues: ContentIssue[] = [...listed.issues];
  const updates: Record<string, UpdateEntry> = {};
  let parsed = 0;
  let changed = !sameDir || previous === undefined;
  // Photos are found by the folders' listings: checked again when either folder changed.
  const listingsChanged = !sameDir || blog.folderChanged;
  for (const name of listed.names) {
    const file = `${relative}/${name}.md`;
    const absolute = path.join(liveDir, `${name}.md`);
    const before = previous?.updates[name];
    const fileStats = statOf(absolute);
    if (!fileStats) {
      issues.push({
        file,
        message: "The update could not be read (was it removed during the build?).",
        fix: "Build again once the live/ folder is complete.",
      });
      continue;
    }
    const print = fingerprintOf(fileStats, seenAt);
    let entry: UpdateEntry | undefined;
    let fresh = false;
    if (before && print !== "" && before.print === print) entry = before;
    else {
      const bytes = readFileSync(absolute);
      const recordKey = keyOf(parseKey, name, sha256(bytes));
      if (before && before.recordKey === recordKey) entry = { ...before, print };
      else {
        parsed++;
        fresh = true;
        const loaded = loadUpdate(bytes, file, name);
        if (!loaded.ok) {
          issues.push(...loaded.issues);
          // Its photos' files are looked for too: every mistake of the file in one run.
          issues.push(...resolveUpdatePhotos(articleDir, file, loaded.photos).issues);
          continue;
        }
        const record = records.append(Buffer.from(JSON.stringify(loaded.value)));
        entry = { print, recordKey, record, card: loaded.value.card };
      }
    }
    if (fresh || listingsChanged || entry !== before) {
      const photos = resolveUpdatePhotos(articleDir, file, entry.card.bodyMedia);
      issues.push(...photos.issues);
      const { media: _old, ...rest } = entry;
      const next = photos.media ? { ...rest, media: photos.media } : rest;
      entry = before && sameMedia(before, next) && before.print === next.print ? before : next;
    }
    if (entry !== before) changed = true;
    updates[name] = entry;
  }
  issues.push(
    ...liveRuleIssues(
      { ...blog.card, kind: blog.card.kind ?? "news" },
      Object.values(updates).map((entry) => entry.card),
    ),
  );
  if (!changed && previous && Object.keys(previous.updates).length === listed.names.length) {
    return { live: previous, issues, parsed };
  }
  return { live: { dir, updates }, issues, parsed };
}

/** Whether two entries are the same update with its photos in the same places. */
function sameMedia(a: UpdateEntry, b: UpdateEntry): boolean {
  return a.recordKey === b.recordKey && JSON.stringify(a.media) === JSON.stringify(b.media);
}

/** The parse-cache refs an article's updates hold, for the cache's collector. */
export function liveRecordRefs(live: LiveFolderEntry | undefined): PackRef[] {
  return live ? Object.values(live.updates).map((update) => update.record) : [];
}

/**
 * The live/ folder's entry with the refs the collector moved (old ref's key → new ref); the
 * same object when none of its updates moved.
 */
export function movedLiveRecords(
  live: LiveFolderEntry,
  moved: ReadonlyMap<string, PackRef>,
  keyOfRef: (ref: PackRef) => string,
): LiveFolderEntry {
  let changed = false;
  const updates: Record<string, UpdateEntry> = {};
  for (const [name, update] of Object.entries(live.updates)) {
    const ref = moved.get(keyOfRef(update.record));
    if (ref) changed = true;
    updates[name] = ref ? { ...update, record: ref } : update;
  }
  return changed ? { ...live, updates } : live;
}
