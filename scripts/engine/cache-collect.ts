/**
 * Letting go of what the site no longer uses, after a successful build: objects of the pack
 * stores no state entry refers to (packs mostly garbage are rewritten with their live objects,
 * and the state's refs moved with them), and the editors' web UI of an older key.
 */
import { FileSetStore } from "./file-set-store.ts";
import { liveRecordRefs, movedLiveRecords } from "./live-scan.ts";
import { type PackRef, PackStore, refKey } from "./pack-store.ts";
import type { RecordStore } from "./record-store.ts";
import type { BuildState } from "./state.ts";
import { adminDir, type BuildTarget, pagesDir, searchDir } from "./target.ts";

/**
 * `record` with `change` applied to the entries `touched` picks out; the same object when none
 * changed. Checking `touched` first (a pack name) spares the rest of a large map any work: a
 * publish rewrites a pack or two of a state of 100,000 entries.
 */
function patchValues<T>(
  record: Readonly<Record<string, T>>,
  touched: (value: T) => boolean,
  change: (value: T) => T,
): Readonly<Record<string, T>> {
  let out: Record<string, T> | undefined;
  for (const key in record) {
    const value = record[key] as T;
    if (!touched(value)) continue;
    const next = change(value);
    if (next === value) continue;
    out ??= { ...record };
    out[key] = next;
  }
  return out ?? record;
}

export interface BuildStores {
  readonly records: PackStore;
  readonly pages: PackStore;
  readonly search: PackStore;
  readonly admin: FileSetStore;
}

/** The target's stores, the records' own among them (a record store keeps its packs). */
export function openStores(target: BuildTarget, records: RecordStore): BuildStores {
  return {
    records: records.packs,
    pages: new PackStore(pagesDir(target)),
    search: new PackStore(searchDir(target)),
    admin: new FileSetStore(adminDir(target), "admin"),
  };
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
  const recordRefs: PackRef[] = [];
  for (const entry of Object.values(after.articles)) {
    recordRefs.push(entry.record);
    // A live blog's updates are parsed records too (live-scan.ts).
    if (entry.live) recordRefs.push(...liveRecordRefs(entry.live));
  }
  const records = move(stores.records, recordRefs);
  const pages = move(
    stores.pages,
    Object.values(after.pages).map((page) => page.ref),
  );
  const search = move(
    stores.search,
    Object.values(after.search).flatMap((part) => part.files.map((file) => file.ref)),
  );
  // Entries whose objects did not move are kept as the same objects: the state is saved in
  // chunks, and a chunk whose entries are all the same objects is not written again. Only
  // entries in the packs a collection let go of (`doomed`: every moved ref came from one) can
  // have moved.
  const recordPacks = new Set(records.doomed);
  const articles = patchValues(
    after.articles,
    (entry) =>
      recordPacks.has(entry.record.pack) ||
      (entry.live !== undefined &&
        liveRecordRefs(entry.live).some((ref) => recordPacks.has(ref.pack))),
    (entry) => {
      const ref = records.moved.get(refKey(entry.record));
      const live = entry.live && movedLiveRecords(entry.live, records.moved, refKey);
      return ref || live !== entry.live
        ? { ...entry, ...(ref ? { record: ref } : {}), ...(live ? { live } : {}) }
        : entry;
    },
  );
  const pagePacks = new Set(pages.doomed);
  const pagesMoved = patchValues(
    after.pages,
    (page) => pagePacks.has(page.ref.pack),
    (page) => {
      const ref = pages.moved.get(refKey(page.ref));
      return ref ? { ...page, ref } : page;
    },
  );
  const searchPacks = new Set(search.doomed);
  const searchMoved = patchValues(
    after.search,
    (part) => part.files.some((file) => searchPacks.has(file.ref.pack)),
    (part) =>
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
