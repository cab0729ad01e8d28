/**
 * The memory of the last successful build of a target: what every article, image, page and file
 * was made from, so the next build can tell what changed. Written only after a build succeeds,
 * read only if its checksum and format version hold: a damaged or foreign state means a build
 * from scratch, never a wrong one.
 */

import path from "node:path";
import type { ArticleCard } from "../content/card.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { AuthorEntry } from "./author-scan.ts";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";
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
export const STATE_VERSION = 3;

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
  /** Author profiles by slug (absent in states from before profiles). */
  readonly authors?: Readonly<Record<string, AuthorEntry>>;
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
interface StateIndex {
  readonly globals: BuildGlobals;
  readonly admin?: string;
  readonly standing?: Readonly<Record<string, StandingEntry>>;
  readonly chunks: Readonly<Record<ChunkedField, readonly string[]>>;
}

/** A loaded state, with what lets the next save skip its unchanged chunks. */
export interface LoadedState {
  readonly state: BuildState;
  readonly index: ChunkIndex;
}

function chunksDir(target: BuildTarget): string {
  return path.join(path.dirname(statePath(target)), "state");
}

export function loadState(target: BuildTarget): LoadedState | { readonly why: NoState } {
  const read = readCheckedJson<StateIndex>(statePath(target), "build-state", STATE_VERSION);
  if (!read.ok) {
    return {
      why:
        read.why === "missing"
          ? "no previous build"
          : read.why === "damaged"
            ? "build state damaged"
            : "build state from another version",
    };
  }
  const chunks = loadChunks(chunksDir(target), STATE_VERSION, read.value.chunks);
  if (!chunks) return { why: "build state damaged" };
  const { maps } = chunks;
  return {
    state: {
      globals: read.value.globals,
      ...(read.value.admin ? { admin: read.value.admin } : {}),
      ...(read.value.standing ? { standing: read.value.standing } : {}),
      articles: maps.articles as BuildState["articles"],
      images: maps.images as BuildState["images"],
      pages: maps.pages as BuildState["pages"],
      files: maps.files as BuildState["files"],
      search: maps.search as BuildState["search"],
    },
    index: chunks.index,
  };
}

/**
 * Saves the state: the chunks that changed since `previous` (the index the last load or save
 * gave), then `state.json` naming them all, then the chunks no longer named go.
 */
export function saveState(
  target: BuildTarget,
  state: BuildState,
  previous: ChunkIndex | undefined,
): ChunkIndex {
  const dir = chunksDir(target);
  const saved = saveChunks(dir, STATE_VERSION, state, previous);
  const index: StateIndex = {
    globals: state.globals,
    ...(state.admin ? { admin: state.admin } : {}),
    ...(state.standing ? { standing: state.standing } : {}),
    chunks: saved.names,
  };
  writeCheckedJson(statePath(target), "build-state", STATE_VERSION, index, true);
  removeStaleChunks(dir, saved);
  return saved.index;
}
