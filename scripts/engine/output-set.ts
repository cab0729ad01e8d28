/**
 * Every file the finished site holds, with where its bytes come from and the identity that says
 * whether it changed: pages from the page store, images from the media cache, the search index
 * from the part store, the stylesheet, scripts and logo from memory.
 */
import path from "node:path";
import { publishedFiles } from "../media/files.ts";
import type { Assets } from "../site/assets.ts";
import type { FileSetStore, StoredFileSet } from "./file-set-store.ts";
import { sha256 } from "./hashing.ts";
import type { PackStore } from "./pack-store.ts";
import type { PlannedPage } from "./page-plan.ts";
import type { PlannedOutput } from "./stage-outputs.ts";
import type { ImageEntry, PageEntry, PartEntry } from "./state.ts";

/** Where a site-relative asset path is written: `/assets/site.3f.css` → `assets/site.3f.css`. */
function assetFile(urlPath: string): string {
  return urlPath.replace(/^\/+/, "");
}

/**
 * The image files a set of processed images publishes (every encoding, or with an image CDN the
 * masters and nothing else), with the hash of each.
 */
function imageOutputs(images: Readonly<Record<string, ImageEntry>>): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of Object.values(images)) {
    for (const file of publishedFiles(entry.image)) files.set(file.path, file.sha256);
  }
  return files;
}

/**
 * The files links may point at: every page, image and asset (the search index is reached by
 * script, not by links).
 */
export function linkableFiles(
  plan: readonly PlannedPage[],
  images: Readonly<Record<string, ImageEntry>>,
  assets: Assets,
): string[] {
  return [
    ...plan.map((page) => page.file),
    ...imageOutputs(images).keys(),
    ...Object.values(assets).map((asset) => assetFile(asset.path)),
  ];
}

export interface OutputSetInput {
  readonly plan: readonly PlannedPage[];
  readonly pages: Readonly<Record<string, PageEntry>>;
  readonly images: Readonly<Record<string, ImageEntry>>;
  readonly assets: Assets;
  /** The search index's parts, by id. */
  readonly parts: ReadonlyMap<string, PartEntry>;
  readonly pageStore: PackStore;
  readonly searchStore: PackStore;
  /** /admin/, when the site has it. */
  readonly admin:
    | { readonly key: string; readonly stored: StoredFileSet; readonly store: FileSetStore }
    | undefined;
  /** The media cache (its `files/` folder holds the encodings). */
  readonly mediaCacheDir: string;
}

export interface OutputSet {
  readonly planned: Map<string, PlannedOutput>;
  /** The identities of the files that are not pages, for the next build's state. */
  readonly identities: Record<string, string>;
}

export function outputSet(input: OutputSetInput): OutputSet {
  const planned = new Map<string, PlannedOutput>();
  const identities: Record<string, string> = {};
  for (const page of input.plan) {
    const entry = input.pages[page.file];
    if (!entry) throw new Error(`publish: ${page.file} was planned but never rendered`);
    const store = input.pageStore;
    planned.set(page.file, {
      identity: entry.ref.hash,
      source: () => ({ kind: "pack", store, ref: entry.ref }),
      mtimeMs: entry.mtimeMs,
    });
  }
  const other = (file: string, identity: string, source: PlannedOutput["source"]) => {
    planned.set(file, { identity, source });
    identities[file] = identity;
  };
  for (const [file, hash] of imageOutputs(input.images)) {
    const from = path.join(input.mediaCacheDir, "files", path.basename(file));
    other(file, hash, () => ({ kind: "file", path: from, sha256: hash }));
  }
  for (const asset of Object.values(input.assets)) {
    other(assetFile(asset.path), sha256(asset.bytes), () => ({
      kind: "bytes",
      bytes: asset.bytes,
    }));
  }
  for (const [id, part] of input.parts) {
    for (const file of part.files) {
      const store = input.searchStore;
      other(`pagefind/${id}/${file.path}`, file.ref.hash, () => ({
        kind: "pack",
        store,
        ref: file.ref,
      }));
    }
  }
  const admin = input.admin;
  for (const file of admin?.stored.files ?? []) {
    if (!admin) break;
    const from = admin.store.filePath(admin.key, file.path);
    other(`admin/${file.path}`, file.sha256, () => ({
      kind: "file",
      path: from,
      sha256: file.sha256,
    }));
  }
  return { planned, identities };
}
