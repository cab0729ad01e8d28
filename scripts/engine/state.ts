/**
 * The memory of the last successful build of a target: what every article, author profile,
 * image, page and file was made from, so the next build can tell what changed. Read only if its
 * checksum and format version hold: a damaged or foreign state means a build from scratch, never
 * a wrong one. It is written in two steps (see transaction.ts): its chunks before `_site/` is
 * touched, `state.json` naming them once `_site/` holds what they describe.
 */

import path from "node:path";
import type { ArticleCard } from "../content/card.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { AuthorEntry } from "./author-scan.ts";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";
import { faultPoint } from "./fault.ts";
import type { LiveFolderEntry } from "./live-scan.ts";
import type { PackRef } from "./pack-store.ts";
import type { StandingEntry } from "./page-scan.ts";
import {
  type ChunkedField,
  type ChunkIndex,
  loadChunks,
  removeStaleChunks,
  saveChunks,
} from "./state-store.ts";
import { type BuildTarget, statePath } from "./target.ts";

/** Bump when the state's shape or meaning changes: older states are then ignored. */
export const STATE_VERSION = 4;

/** A valid article as the last build saw it. */
export interface ArticleEntry {
  /** Fingerprints of the article's folder and its index.md (see fingerprint.ts). */
  readonly folder: string;
  readonly index: string;
  /** The key of everything parsing read: what the article's pages are keyed on. */
  readonly recordKey: string;
  /** Where the parsed article is kept (the parse cache). */
  readonly record: PackRef;
  readonly card: ArticleCard;
  /**
   * Where the media files it names really are and what they are (real path, device, inode,
   * size, times), as checked when it was last read: a link re-pointed since is checked again.
   */
  readonly media: string;
  /** Its month of publication in `zone`, for archives and sitemaps. */
  readonly month: string;
  readonly zone: string;
  /** Its live/ folder's updates, when it has one (live-scan.ts). */
  readonly live?: LiveFolderEntry;
}

/** An image as the last build made it. */
export interface ImageEntry {
  /** Fingerprint of the source file when it was checked. */
  readonly fingerprint: string;
  /** The image pipeline's code version it was made with (see build-code-keys.ts). */
  readonly code: string;
  readonly image: ProcessedImage;
  /** The key of the processed image (everything a page shows of it). */
  readonly key: string;
}

/** A rendered page: the key of what it showed, and where its bytes are kept. */
export interface PageEntry {
  readonly key: string;
  /** Its bytes in the page store; `ref.hash` is their hash, the page's identity. */
  readonly ref: PackRef;
  /** When these bytes were first published: a page rebuilt from the store keeps it. */
  readonly mtimeMs: number;
}

/** A file of a search-index part. */
export interface PartFileEntry {
  readonly path: string;
  readonly ref: PackRef;
}

/** A search-index part: its key and its files in the search store. */
export interface PartEntry {
  readonly key: string;
  readonly files: readonly PartFileEntry[];
}

/** What decided every page at once, kept to say why a build re-rendered them. */
export interface BuildGlobals {
  /** Code version of each page kind, and of the parser. */
  readonly code: Readonly<Record<string, string>>;
  readonly site: string;
  readonly assets: Readonly<Record<string, string>>;
  readonly year: number;
  /** The key of the footer's links to standing pages (absent in states from before them). */
  readonly footer?: string;
}

export interface BuildState {
  readonly globals: BuildGlobals;
  /** By folder name. */
  readonly articles: Readonly<Record<string, ArticleEntry>>;
  /** Author profiles by slug. */
  readonly authors: Readonly<Record<string, AuthorEntry>>;
  /** Standing pages by slug, kept whole in state.json: they are few (absent before them). */
  readonly standing?: Readonly<Record<string, StandingEntry>>;
  /** By request identity (source, focus, credit); author photos' start with `profile:`. */
  readonly images: Readonly<Record<string, ImageEntry>>;
  /** By output file (`asia/x/index.html`). */
  readonly pages: Readonly<Record<string, PageEntry>>;
  /** Every other output file (images, assets, search index) by path: the hash of its bytes. */
  readonly files: Readonly<Record<string, string>>;
  /** Search-index parts by id. */
  readonly search: Readonly<Record<string, PartEntry>>;
  /** The key of /admin/, when the site has one. */
  readonly admin?: string;
}

/** Why there is no state to build on. */
export type NoState =
  | "no previous build"
  | "build state damaged"
  | "build state from another version";

/** What `state.json` holds: the small parts, and the names of the chunks of the large ones. */
export interface StateIndex {
  readonly globals: BuildGlobals;
  readonly admin?: string;
  readonly standing?: Readonly<Record<string, StandingEntry>>;
  readonly chunks: Readonly<Record<ChunkedField, readonly string[]>>;
  /**
   * Set while a publish is changing `_site/` (transaction.ts): the state is sound, but what
   * `_site/` holds is only known from the publish journal. So a journal that is lost or damaged
   * cannot make a later build trust `_site/`.
   */
  readonly publishing?: true;
}

/** A loaded state, with what lets the next save skip its unchanged chunks. */
export interface LoadedState {
  readonly state: BuildState;
  /** The index it was loaded from (`state.json`, or a publish journal's). */
  readonly stored: StateIndex;
  readonly index: ChunkIndex;
}

export function chunksDir(target: BuildTarget): string {
  return path.join(path.dirname(statePath(target)), "state");
}

const STATE_KIND = "build-state";

/** Reads `state.json`: the index of the last recorded state, or why there is none. */
export function readStateIndex(target: BuildTarget): StateIndex | { readonly why: NoState } {
  const read = readCheckedJson<StateIndex>(statePath(target), STATE_KIND, STATE_VERSION);
  if (read.ok) return read.value;
  return {
    why:
      read.why === "missing"
        ? "no previous build"
        : read.why === "damaged"
          ? "build state damaged"
          : "build state from another version",
  };
}

/** Loads the state an index names; undefined when any of its chunks is missing or damaged. */
export function loadStateFrom(target: BuildTarget, stored: StateIndex): LoadedState | undefined {
  if (typeof stored !== "object" || stored === null || typeof stored.chunks !== "object") {
    return undefined;
  }
  const chunks = loadChunks(chunksDir(target), STATE_VERSION, stored.chunks);
  if (!chunks) return undefined;
  const { maps } = chunks;
  return {
    state: {
      globals: stored.globals,
      ...(stored.admin ? { admin: stored.admin } : {}),
      ...(stored.standing ? { standing: stored.standing } : {}),
      articles: maps.articles as BuildState["articles"],
      authors: maps.authors as BuildState["authors"],
      images: maps.images as BuildState["images"],
      pages: maps.pages as BuildState["pages"],
      files: maps.files as BuildState["files"],
      search: maps.search as BuildState["search"],
    },
    stored,
    index: chunks.index,
  };
}

/** Loads the state `state.json` names, or says why there is none to build on. */
export function loadState(target: BuildTarget): LoadedState | { readonly why: NoState } {
  const stored = readStateIndex(target);
  if ("why" in stored) return stored;
  return loadStateFrom(target, stored) ?? { why: "build state damaged" };
}

/** The chunks of a state, written before it is recorded. */
export interface WrittenState {
  /** What `state.json` will hold (and the publish journal names meanwhile). */
  readonly stored: StateIndex;
  /** What lets the next save in this process skip unchanged chunks. */
  readonly index: ChunkIndex;
}

/**
 * Writes the chunks of `state` that changed since `previous` (the index the last load gave):
 * new chunks have new names, so the recorded state's chunks stay as they are until
 * {@link recordState} names the new ones.
 */
export function writeStateChunks(
  target: BuildTarget,
  state: BuildState,
  previous: ChunkIndex | undefined,
): WrittenState {
  const saved = saveChunks(chunksDir(target), STATE_VERSION, state, previous, target.cacheDir);
  return {
    stored: {
      globals: state.globals,
      ...(state.admin ? { admin: state.admin } : {}),
      ...(state.standing ? { standing: state.standing } : {}),
      chunks: saved.names,
    },
    index: saved.index,
  };
}

/** Records a written state as the last build's: `state.json`, replaced in one rename. */
export function recordState(target: BuildTarget, stored: StateIndex): void {
  faultPoint("write state.json");
  writeIndex(target, stored);
}

/**
 * Records that a publish of `stored` is changing `_site/` (after its journal is written): a
 * build that then finds no usable journal checks every file of `_site/`.
 */
export function markPublishing(target: BuildTarget, stored: StateIndex): void {
  faultPoint("mark state.json as publishing");
  writeIndex(target, { ...stored, publishing: true });
}

function writeIndex(target: BuildTarget, stored: StateIndex): void {
  writeCheckedJson(statePath(target), STATE_KIND, STATE_VERSION, stored, {
    atomic: true,
    root: target.cacheDir,
  });
}

/** Deletes the chunks the recorded state no longer names (once `state.json` names the new). */
export function removeUnusedChunks(target: BuildTarget, stored: StateIndex): void {
  removeStaleChunks(chunksDir(target), stored.chunks);
}
