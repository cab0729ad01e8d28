/**
 * Keeping the build state on disk in chunks. A state of a million articles is hundreds of
 * megabytes of JSON: one file would be rewritten whole on every publish and would pass the
 * longest string a JavaScript engine can hold. Instead each large map (articles, images, pages,
 * files, search parts) is split by a hash of its keys into {@link BUCKETS} chunks, each a
 * checked file named by the hash of its content, and `state.json` lists them. A save writes only
 * the chunks whose entries changed, then `state.json` through a rename; a load that finds a
 * chunk missing or damaged reads as no state (a build from scratch), never as a wrong one.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";
import { faultPoint } from "./fault.ts";
import { sha256 } from "./hashing.ts";

/**
 * Chunks per map: a publish rewrites a handful of them, and a chunk of a 100,000-article state
 * is a few hundred kilobytes.
 *
 * @default 256
 */
export const BUCKETS = 256;

/** The state's maps that are kept in chunks. */
export const CHUNKED_FIELDS = [
  "articles",
  "authors",
  "images",
  "pages",
  "files",
  "search",
] as const;
export type ChunkedField = (typeof CHUNKED_FIELDS)[number];

type Entries = Readonly<Record<string, unknown>>;

/** What was loaded or saved, chunk by chunk: lets the next save skip chunks that did not change. */
export interface ChunkIndex {
  readonly chunks: ReadonlyMap<string, { readonly name: string; readonly entries: Entries }>;
}

/** FNV-1a: a fast, stable hash of a key, to spread keys over the buckets. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

/** Each bucket's keys, in the map's order: grouping names is cheaper than building objects. */
function split(entries: Entries): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const key in entries) {
    const bucket = bucketOf(key);
    const keys = buckets.get(bucket);
    if (keys) keys.push(key);
    else buckets.set(bucket, [key]);
  }
  return buckets;
}

/** Whether a bucket holds exactly the same entries (the same objects) as before. */
function unchanged(keys: readonly string[], now: Entries, before: Entries | undefined): boolean {
  if (!before) return false;
  let count = 0;
  for (const _ in before) count++;
  if (keys.length !== count) return false;
  return keys.every((key) => now[key] === before[key]);
}

/** A bucket's entries as one object, in the map's order. */
function chunkOf(keys: readonly string[], entries: Entries): Record<string, unknown> {
  const chunk: Record<string, unknown> = {};
  for (const key of keys) chunk[key] = entries[key];
  return chunk;
}

const KIND = "build-state-chunk";

export interface ChunkedSave {
  /** The chunk files of each field, for `state.json`. */
  readonly names: Readonly<Record<ChunkedField, readonly string[]>>;
  readonly index: ChunkIndex;
}

/**
 * Writes the chunks that changed since `previous`; returns the names of all of them. Each is
 * written through a temporary file and a rename: a chunk of the same name may be one the last
 * state names, and must stay whole until the new state is recorded. `root` is the target's
 * cache folder (anything damaged in the way is cleared within it).
 */
export function saveChunks(
  dir: string,
  version: number,
  maps: Readonly<Record<ChunkedField, Entries>>,
  previous: ChunkIndex | undefined,
  root: string = dir,
): ChunkedSave {
  const names = {} as Record<ChunkedField, string[]>;
  const chunks = new Map<string, { name: string; entries: Entries }>();
  for (const field of CHUNKED_FIELDS) {
    names[field] = [];
    const map = maps[field];
    for (const [bucket, keys] of [...split(map)].sort(([a], [b]) => a - b)) {
      const id = `${field}-${bucket}`;
      const before = previous?.chunks.get(id);
      if (before && unchanged(keys, map, before.entries)) {
        names[field].push(before.name);
        chunks.set(id, before);
        continue;
      }
      const entries = chunkOf(keys, map);
      const body = JSON.stringify(entries);
      const name = `${id}-${sha256(body).slice(0, 16)}.json`;
      faultPoint(`write state chunk ${name}`);
      writeCheckedJson(path.join(dir, name), KIND, version, entries, { atomic: true, root });
      names[field].push(name);
      chunks.set(id, { name, entries });
    }
  }
  return { names, index: { chunks } };
}

/** Reads the chunks `state.json` lists; undefined when any is missing or damaged. */
export function loadChunks(
  dir: string,
  version: number,
  names: Readonly<Record<ChunkedField, readonly string[]>>,
): { maps: Record<ChunkedField, Record<string, unknown>>; index: ChunkIndex } | undefined {
  const maps = {} as Record<ChunkedField, Record<string, unknown>>;
  const chunks = new Map<string, { name: string; entries: Entries }>();
  for (const field of CHUNKED_FIELDS) {
    const merged: Record<string, unknown> = {};
    for (const name of names[field] ?? []) {
      // A name is a file of the chunk folder, never a path elsewhere.
      if (name.includes("/") || name.includes(path.sep) || name.startsWith(".")) return undefined;
      const read = readCheckedJson<Record<string, unknown>>(path.join(dir, name), KIND, version);
      if (!read.ok) return undefined;
      Object.assign(merged, read.value);
      chunks.set(name.replace(/-[0-9a-f]{16}\.json$/, ""), { name, entries: read.value });
    }
    maps[field] = merged;
  }
  return { maps, index: { chunks } };
}

/**
 * Deletes chunk files no longer listed (after `state.json` naming the new ones is saved), and
 * anything else in the folder: temporary files of an interrupted save, entries of any kind.
 */
export function removeStaleChunks(
  dir: string,
  keep: Readonly<Record<ChunkedField, readonly string[]>>,
): void {
  const kept = new Set(Object.values(keep).flat());
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (kept.has(name)) continue;
    faultPoint(`remove stale chunk ${name}`);
    rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
