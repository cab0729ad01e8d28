/**
 * Rendered pages, kept in packs (pack-store.ts) under refs the build state holds, so a page
 * that did not change is never rendered again, even when `_site/` is gone (a CI runner that
 * keeps only `.cache/`): it is copied back from here, its bytes checked against its hash.
 */
import { PackStore } from "./pack-store.ts";

export { objectHash as contentHash } from "./pack-store.ts";

/** Pages and other rendered files share the pack machinery; only the folder differs. */
export class PageStore extends PackStore {}
