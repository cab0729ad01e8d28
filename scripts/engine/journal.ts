/**
 * The publish journal, `.cache/build/<target>/commit.json`: written (atomically, as a checked
 * file) after everything a publish needs is staged and the new state's chunks are written, and
 * before `_site/` is touched; removed once `state.json` records the new state. While it exists,
 * `_site/` is somewhere between the state the build started from and the one the journal names,
 * and differs from the new one at most in the files it lists. A build that finds it finishes
 * the publish (recovery.ts).
 */
import { rmSync } from "node:fs";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";
import { faultPoint } from "./fault.ts";
import type { StateIndex } from "./state.ts";
import { type BuildTarget, journalPath } from "./target.ts";

/** Bump when the journal's shape changes: an older one then reads as unusable. */
const JOURNAL_VERSION = 1;
const KIND = "publish-journal";

export interface Journal {
  /**
   * `fresh`: `_site/` did not exist, and the staging folder becomes it in one rename, so it is
   * either absent or whole. `in place`: files are renamed into `_site/` and removed from it.
   */
  readonly mode: "fresh" | "in place";
  /** The state being published (its chunks are written already). */
  readonly next: StateIndex;
  /** The state the build started from, when it had one (a cache to fall back on). */
  readonly previous?: StateIndex;
  /** Files being written into `_site/`, and removed from it. */
  readonly writes: readonly string[];
  readonly removals: readonly string[];
}

export type JournalRead =
  | { readonly kind: "none" }
  | { readonly kind: "found"; readonly journal: Journal }
  /** Something is there but cannot be read: a publish was interrupted, how far is unknown. */
  | { readonly kind: "unusable" };

function isJournal(value: unknown): value is Journal {
  if (typeof value !== "object" || value === null) return false;
  const journal = value as Record<string, unknown>;
  const list = (field: unknown) =>
    Array.isArray(field) && field.every((item) => typeof item === "string");
  return (
    (journal.mode === "fresh" || journal.mode === "in place") &&
    typeof journal.next === "object" &&
    journal.next !== null &&
    list(journal.writes) &&
    list(journal.removals)
  );
}

export function readJournal(target: BuildTarget): JournalRead {
  const read = readCheckedJson<unknown>(journalPath(target), KIND, JOURNAL_VERSION);
  if (read.ok) {
    return isJournal(read.value) ? { kind: "found", journal: read.value } : { kind: "unusable" };
  }
  return read.why === "missing" ? { kind: "none" } : { kind: "unusable" };
}

export function writeJournal(target: BuildTarget, journal: Journal): void {
  faultPoint("write journal");
  writeCheckedJson(journalPath(target), KIND, JOURNAL_VERSION, journal, {
    atomic: true,
    root: target.cacheDir,
  });
}

export function removeJournal(target: BuildTarget): void {
  faultPoint("remove journal");
  rmSync(journalPath(target), { recursive: true, force: true });
}
