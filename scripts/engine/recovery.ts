/**
 * Where a build starts from: the state it may reuse work from, and what it knows of `_site/`.
 * The two are separate questions. Any state that loads whole is a sound cache (every object it
 * points at is checked when read); but `_site/` is known to hold a state's files only when that
 * state was recorded after the publish that made them finished, or a journal says which files
 * may still differ.
 *
 * | found | state reused | `_site/` |
 * | --- | --- | --- |
 * | no journal, `state.json` whole | it | its files, trusted as they are |
 * | no journal, `state.json` marked as publishing | it | every file checked |
 * | no journal, no whole state | none | every file checked against the plan (or a fresh folder) |
 * | a journal, its new state whole | the journal's new state | its files, except the journal's listed files, which are checked |
 * | a journal whose new state is damaged, or a journal that cannot be read | the state it started from, else `state.json`'s, if whole | every file checked |
 *
 * With no `_site/` at all, the site is made fresh in a staging folder and renamed into place.
 */
import { existsSync, statSync } from "node:fs";
import { readJournal } from "./journal.ts";
import { previousOutputs } from "./page-reuse.ts";
import { type LoadedState, loadState, loadStateFrom, type NoState } from "./state.ts";
import type { BuildTarget } from "./target.ts";

/** What the build knows of the files in `_site/`. */
export type SiteKnowledge =
  /** There is none: it is made whole in a staging folder and renamed into place. */
  | { readonly kind: "absent" }
  /**
   * It holds exactly `files` (output file → identity), except that each of `uncertain` may hold
   * the bytes of the state before, or of this one, or nothing.
   */
  | {
      readonly kind: "known";
      readonly files: ReadonlyMap<string, string>;
      readonly uncertain: ReadonlySet<string>;
    }
  /** It exists, but nothing says what it holds: every file is compared with the plan. */
  | { readonly kind: "unknown" };

export interface StartingPoint {
  readonly loaded: LoadedState | undefined;
  /** Why there is no state to reuse. */
  readonly why: NoState | undefined;
  readonly site: SiteKnowledge;
  /** Whether an interrupted publish was found (a journal), to be finished by this build. */
  readonly interrupted: boolean;
}

function siteExists(target: BuildTarget): boolean {
  try {
    return statSync(target.outputDir).isDirectory();
  } catch {
    return existsSync(target.outputDir);
  }
}

function withoutKnowledge(
  target: BuildTarget,
  loaded: LoadedState | undefined,
  why: NoState | undefined,
  interrupted: boolean,
): StartingPoint {
  return {
    loaded,
    why: loaded ? undefined : (why ?? "build state damaged"),
    site: siteExists(target) ? { kind: "unknown" } : { kind: "absent" },
    interrupted,
  };
}

/** Reads the journal and the state, and decides what the build may trust. */
export function startingPoint(target: BuildTarget): StartingPoint {
  const read = readJournal(target);
  if (read.kind === "none") {
    const state = loadState(target);
    if ("why" in state) return withoutKnowledge(target, undefined, state.why, false);
    // A publish was under way and its journal is gone: what `_site/` holds is not known.
    if (state.stored.publishing) return withoutKnowledge(target, state, undefined, true);
    const site: SiteKnowledge = siteExists(target)
      ? { kind: "known", files: previousOutputs(state.state) ?? new Map(), uncertain: new Set() }
      : { kind: "absent" };
    return { loaded: state, why: undefined, site, interrupted: false };
  }
  if (read.kind === "unusable") {
    const state = loadState(target);
    return withoutKnowledge(target, "why" in state ? undefined : state, undefined, true);
  }
  const { journal } = read;
  const next = loadStateFrom(target, journal.next);
  if (!next) {
    const previous = journal.previous ? loadStateFrom(target, journal.previous) : undefined;
    const state = loadState(target);
    return withoutKnowledge(
      target,
      previous ?? ("why" in state ? undefined : state),
      undefined,
      true,
    );
  }
  if (!siteExists(target)) {
    return { loaded: next, why: undefined, site: { kind: "absent" }, interrupted: true };
  }
  const files = previousOutputs(next.state) ?? new Map<string, string>();
  // A fresh publish renames a whole folder into place: if `_site/` is there, it is all of it.
  const uncertain = new Set(
    journal.mode === "fresh" ? [] : [...journal.writes, ...journal.removals],
  );
  return {
    loaded: next,
    why: undefined,
    site: { kind: "known", files, uncertain },
    interrupted: true,
  };
}
