/**
 * Letting go of what the site no longer uses, after a successful build: objects of the pack
 * stores no state entry refers to (packs mostly garbage are rewritten with their live objects,
 * and the state's refs moved with them), and the editors' web UI of an older key.
 */
import type { FileSetStore } from "./file-set-store.ts";
import { type PackRef, type PackStore, refKey } from "./pack-store.ts";
import type { BuildState } from "./state.ts";

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
    Object.values(after.articles).map((entry) => entry.record),
  );
  const pages = move(
    stores.pages,
    Object.values(after.pages).map((page) => page.ref),
  );
  const search = move(
    stores.search,
    Object.values(after.search).flatMap((part) => part.files.map((file) => file.ref)),
  );
  const moved = (ref: PackRef, map: Map<string, PackRef>) => map.get(refKey(ref)) ?? ref;
  const state: BuildState = {
    ...after,
    articles: Object.fromEntries(
      Object.entries(after.articles).map(([name, entry]) => [
        name,
        { ...entry, record: moved(entry.record, records.moved) },
      ]),
    ),
    pages: Object.fromEntries(
      Object.entries(after.pages).map(([file, page]) => [
        file,
        { ...page, ref: moved(page.ref, pages.moved) },
      ]),
    ),
    search: Object.fromEntries(
      Object.entries(after.search).map(([id, part]) => [
        id,
        {
          ...part,
          files: part.files.map((file) => ({ ...file, ref: moved(file.ref, search.moved) })),
        },
      ]),
    ),
  };
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
