/**
 * Letting go of what the site no longer uses, after a successful build: objects of the pack
 * stores no state entry refers to (packs mostly garbage are rewritten with their live objects,
 * and the state's refs moved with them), and the editors' web UI of an older key.
 */
import type { FileSetStore } from "./file-set-store.ts";
import { liveRecordRefs, movedLiveRecords } from "./live-scan.ts";
import { type PackRef, type PackStore, refKey } from "./pack-store.ts";
import type { BuildState } from "./state.ts";

function mapValues<T>(
  record: Readonly<Record<string, T>>,
  change: (value: T) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) out[key] = change(value);
  return out;
}

export interface BuildStores {
  readonly records: PackStore;
  readonly pages: PackStore;
  readonly search: PackStore;
  readonly admin: FileSetStore;
}

/**
 * Compacts the stores for the state about to be saved; returns that state with moved refs, and
 * a function that deletes the emptied packs (call it once the state is saved).
 */
export function collectGarbage(
  before: BuildState | undefined,
  after: BuildState,
  stores: BuildStores,
): { state: BuildState; finish: () => void } {
  const move = (store: PackStore, live: PackRef[]) => store.collect(live);
  const records = move(
    stores.records,
    // A live blog's updates are parsed records too (live-scan.ts).
    Object.values(after.articles).flatMap((entry) => [entry.record, ...liveRecordRefs(entry.live)]),
  );
  const pages = move(
    stores.pages,
    Object.values(after.pages).map((page) => page.ref),
  );
  const search = move(
    stores.search,
    Object.values(after.search).flatMap((part) => part.files.map((file) => file.ref)),
  );
  // Entries whose objects did not move are kept as the same objects: the state is saved in
  // chunks, and a chunk whose entries are all the same objects is not written again.
  const articles =
    records.moved.size === 0
      ? after.articles
      : mapValues(after.articles, (entry) => {
          const ref = records.moved.get(refKey(entry.record));
          const live = entry.live && movedLiveRecords(entry.live, records.moved, refKey);
          return ref || live !== entry.live
            ? { ...entry, ...(ref ? { record: ref } : {}), ...(live ? { live } : {}) }
            : entry;
        });
  const pagesMoved =
    pages.moved.size === 0
      ? after.pages
      : mapValues(after.pages, (page) => {
          const ref = pages.moved.get(refKey(page.ref));
          return ref ? { ...page, ref } : page;
        });
  const searchMoved =
    search.moved.size === 0
      ? after.search
      : mapValues(after.search, (part) =>
          part.files.some((file) => search.moved.has(refKey(file.ref)))
            ? {
                ...part,
                files: part.files.map((file) => ({
                  ...file,
                  ref: search.moved.get(refKey(file.ref)) ?? file.ref,
                })),
              }
            : part,
        );
  const state: BuildState = { ...after, articles, pages: pagesMoved, search: searchMoved };
  return {
    state,
    finish() {
      stores.records.remove(records.doomed);
      stores.pages.remove(pages.doomed);
      stores.search.remove(search.doomed);
      if (before?.admin && before.admin !== after.admin) stores.admin.remove(before.admin);
    },
  };
}
