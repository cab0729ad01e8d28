/**
 * Publishing a build as one transaction: what `_site/` holds and what the build state records
 * change together, so that a build stopped at any instant (killed, out of disk, a folder where a
 * file should be) leaves what the next build needs to produce exactly a cold build's output.
 *
 * 1. Everything that can fail for want of disk or a sound cache happens before `_site/` is
 *    touched: every new or changed file is staged beside it (its bytes checked), the packs are
 *    compacted, and the new state's chunks are written (under new names: the recorded state's
 *    chunks stay as they are).
 * 2. The journal is written, naming the new state and every file about to be written or removed;
 *    then `state.json` is marked as publishing, so that losing the journal cannot make a later
 *    build trust `_site/`.
 * 3. `_site/` is changed: in place, new and changed files are renamed in (what pages load before
 *    the pages, publish-order.ts), then removed files are deleted (pages before what they load);
 *    or, when there is no `_site/`, the staging folder is renamed to it (one rename: it is either
 *    absent or whole). `_site/` is never renamed aside, so a site that exists stays whole.
 * 4. `state.json` is replaced to name the new state, the journal is removed, and only then are
 *    stale chunks and emptied packs deleted.
 *
 * A build that finds a journal knows `_site/` differs from the journal's state at most in the
 * files it lists, and checks those (recovery.ts). A build with no trustworthy record of `_site/`
 * compares every file in it with what it would publish: files whose bytes are right stay, with
 * their modification time; the others are replaced or removed.
 */
import path from "node:path";
import type { Staging } from "../site/staging.ts";
import type { BuildStores } from "./cache-collect.ts";
import { collectGarbage } from "./cache-collect.ts";
import { removeStaleTemporaries } from "./checked-file.ts";
import { faultPoint } from "./fault.ts";
import { removeJournal, writeJournal } from "./journal.ts";
import { removalOrder, writeOrder } from "./publish-order.ts";
import type { SiteKnowledge } from "./recovery.ts";
import {
  type Changes,
  changesFor,
  moveIntoSite,
  presentOnDisk,
  removeFromSite,
  withKeptTimes,
} from "./site-changes.ts";
import { type PlannedOutput, stageAll } from "./stage-outputs.ts";
import {
  type BuildState,
  markPublishing,
  recordState,
  removeUnusedChunks,
  type StateIndex,
  writeStateChunks,
} from "./state.ts";
import type { ChunkIndex } from "./state-store.ts";
import type { BuildTarget } from "./target.ts";

/** How `_site/` was brought up to date. */
export type PublishMode =
  /** Only changed files renamed in and removed ones deleted. */
  | "in place"
  /** There was no `_site/`: a whole new one was renamed into place. */
  | "fresh"
  /** Nothing said what `_site/` held: every file was compared with the plan. */
  | "checked"
  /** An interrupted publish was found and finished (the files it named were checked). */
  | "resumed"
  /** Nothing changed since the last publish: `_site/` was left alone (input-manifest.ts). */
  | "unchanged";

export interface CommitStats {
  readonly mode: PublishMode;
  readonly written: number;
  readonly removed: number;
  /** Clean-up that failed after the site and its record were saved (harmless, said anyway). */
  readonly warnings: readonly string[];
}

/**
 * What state `_site/` is left in by a publish that failed after its journal was written:
 * untouched (the first change failed), partly updated, or updated but not yet recorded.
 */
export type SiteCondition = "untouched" | "partly updated" | "updated, not recorded";

/** A publish that failed once its journal was written: says how far it got. */
export class PublishError extends Error {
  readonly condition: SiteCondition;
  /** Changes made to `_site/`, of how many. */
  readonly done: number;
  readonly total: number;
  constructor(condition: SiteCondition, cause: unknown, done: number, total: number) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "PublishError";
    this.condition = condition;
    this.done = done;
    this.total = total;
  }
}

export interface PublishInput {
  readonly target: BuildTarget;
  readonly staging: Staging;
  /** Every file the site is to hold. */
  readonly outputs: ReadonlyMap<string, PlannedOutput>;
  /** What is known of `_site/` (recovery.ts). */
  readonly site: SiteKnowledge;
  /** Whether the build found an interrupted publish to finish. */
  readonly interrupted: boolean;
  /** Files the build already wrote into the staging folder (the pages it rendered). */
  readonly staged: ReadonlySet<string>;
  /** The state the build started from, and its index (to skip unchanged chunks). */
  readonly before: BuildState | undefined;
  readonly started: { readonly stored: StateIndex; readonly index: ChunkIndex } | undefined;
  /** The state this build makes. */
  readonly after: BuildState;
  readonly stores: BuildStores;
}

function modeOf(site: SiteKnowledge, interrupted: boolean): PublishMode {
  if (site.kind === "absent") return "fresh";
  if (site.kind === "unknown") return "checked";
  return interrupted ? "resumed" : "in place";
}

/** Runs `step`; a failure is only a warning (the site and its record are saved already). */
function cleanUp(warnings: string[], what: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    warnings.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Publishes a build and records it (see the module's comment for the protocol). */
export function publish(input: PublishInput): CommitStats {
  const { target, staging, outputs } = input;
  const outputDir = target.outputDir;
  // `_site/` may have gone since the build started: then it is made fresh.
  const site: SiteKnowledge =
    input.site.kind !== "absent" && !presentOnDisk(outputDir) ? { kind: "absent" } : input.site;
  const mode = modeOf(site, input.interrupted);

  // 1. Everything that can fail without touching `_site/`.
  const changes: Changes =
    site.kind === "absent"
      ? { writes: [...outputs.keys()], removals: [], kept: new Map() }
      : changesFor(site, outputs, outputDir);
  stageAll(
    changes.writes,
    outputs,
    input.staged,
    (file) => path.join(staging.dir, file),
    site.kind === "absent",
  );
  faultPoint("compact the build cache's packs");
  const collected = collectGarbage(
    input.before,
    withKeptTimes(input.after, changes.kept),
    input.stores,
  );
  const written = writeStateChunks(target, collected.state, input.started?.index);

  // 2-3. The journal, then `_site/`.
  const total = site.kind === "absent" ? 1 : changes.writes.length + changes.removals.length;
  let done = 0;
  if (total > 0) {
    writeJournal(target, {
      mode: site.kind === "absent" ? "fresh" : "in place",
      next: written.stored,
      ...(input.started ? { previous: input.started.stored } : {}),
      writes: site.kind === "absent" ? [] : changes.writes,
      removals: changes.removals,
    });
    markPublishing(target, written.stored);
    try {
      if (site.kind === "absent") {
        faultPoint("rename the staging folder to _site/");
        staging.commit();
        done = 1;
      } else {
        for (const file of writeOrder(changes.writes)) {
          faultPoint(`rename ${file} into _site/`);
          moveIntoSite(path.join(staging.dir, file), path.join(outputDir, file), outputDir);
          done++;
        }
        for (const file of removalOrder(changes.removals)) {
          faultPoint(`remove ${file} from _site/`);
          removeFromSite(file, outputDir);
          done++;
        }
      }
    } catch (error) {
      throw new PublishError(done === 0 ? "untouched" : "partly updated", error, done, total);
    }
  }

  // 4. The record, then what the last state needed and this one does not.
  try {
    recordState(target, written.stored);
  } catch (error) {
    throw new PublishError("updated, not recorded", error, done, total);
  }
  const warnings: string[] = [];
  cleanUp(warnings, "removing the publish journal", () => removeJournal(target));
  cleanUp(warnings, "removing unused state chunks", () =>
    removeUnusedChunks(target, written.stored),
  );
  cleanUp(warnings, "removing emptied cache packs", collected.finish);
  cleanUp(warnings, "removing temporary files", () => removeStaleTemporaries(target.cacheDir));
  if (site.kind !== "absent") staging.discard();
  const files = site.kind === "absent" ? outputs.size : changes.writes.length;
  return { mode, written: files, removed: changes.removals.length, warnings };
}
