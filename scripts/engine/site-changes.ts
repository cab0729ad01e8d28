/**
 * What a publish changes in an existing `_site/`, and the changes themselves. Against a trusted
 * record, a file is written when its identity differs from the recorded one; a file the record
 * is not sure of (one an interrupted publish named), or every file when there is no record, is
 * read and compared with what would be published: right bytes stay, with their modification
 * time. Files are renamed in from the staging folder and deleted one at a time, each change
 * whole; something in the way (a folder where a file goes, a file where a folder goes) is
 * cleared, within `_site/` only.
 */
import { lstatSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../site/check-output.ts";
import { clearWayTo, errorCode } from "./cache-write.ts";
import { intoFolderOf } from "./checked-file.ts";
import type { SiteKnowledge } from "./recovery.ts";
import { hasIdentity, type PlannedOutput } from "./stage-outputs.ts";
import type { BuildState, PageEntry } from "./state.ts";

/** The files to write into and remove from `_site/`, and files found right as they are. */
export interface Changes {
  readonly writes: string[];
  readonly removals: string[];
  /** Files whose bytes were checked and found right, with their modification time. */
  readonly kept: Map<string, number>;
}

/** The modification time of `_site/`'s file when it holds the bytes `identity` names. */
function rightOnDisk(file: string, identity: string): number | undefined {
  try {
    const stats = lstatSync(file);
    if (!stats.isFile()) return undefined;
    return hasIdentity(readFileSync(file), identity) ? stats.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

export function presentOnDisk(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** What must change in an existing `_site/` for it to hold `outputs`. */
export function changesFor(
  site: Exclude<SiteKnowledge, { kind: "absent" }>,
  outputs: ReadonlyMap<string, PlannedOutput>,
  outputDir: string,
): Changes {
  const writes: string[] = [];
  const kept = new Map<string, number>();
  const check = (file: string, output: PlannedOutput) => {
    const mtime = rightOnDisk(path.join(outputDir, file), output.identity);
    if (mtime === undefined) writes.push(file);
    else kept.set(file, mtime);
  };
  if (site.kind === "unknown") {
    for (const [file, output] of outputs) check(file, output);
    const removals = listFiles(outputDir).filter((file) => !outputs.has(file));
    return { writes, removals, kept };
  }
  for (const [file, output] of outputs) {
    if (site.uncertain.has(file)) check(file, output);
    else if (site.files.get(file) !== output.identity) writes.push(file);
  }
  const removals = [...site.files.keys()].filter(
    (file) => !outputs.has(file) && !site.uncertain.has(file),
  );
  for (const file of site.uncertain) {
    if (!outputs.has(file) && presentOnDisk(path.join(outputDir, file))) removals.push(file);
  }
  return { writes, removals, kept };
}

/** Pages found right in `_site/` keep the modification time they have there. */
export function withKeptTimes(state: BuildState, kept: ReadonlyMap<string, number>): BuildState {
  if (kept.size === 0) return state;
  const pages: Record<string, PageEntry> = { ...state.pages };
  let changed = false;
  for (const [file, mtimeMs] of kept) {
    const page = pages[file];
    if (page && page.mtimeMs !== mtimeMs) {
      pages[file] = { ...page, mtimeMs };
      changed = true;
    }
  }
  return changed ? { ...state, pages } : state;
}

/** Removes `dir` and its parents up to `stop` while they are empty. */
function pruneEmpty(dir: string, stop: string): void {
  let current = dir;
  while (current.startsWith(`${stop}${path.sep}`)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

/** Renames a staged file into `_site/`, clearing a folder or file in its way once. */
export function moveIntoSite(from: string, to: string, outputDir: string): void {
  try {
    intoFolderOf(to, () => renameSync(from, to));
  } catch (error) {
    const code = errorCode(error);
    if (code !== "EISDIR" && code !== "ENOTDIR" && code !== "ENOTEMPTY" && code !== "EEXIST") {
      throw error;
    }
    clearWayTo(to, outputDir);
    intoFolderOf(to, () => renameSync(from, to));
  }
}

/** Deletes a file of the last site; a folder of new files now standing there is left alone. */
export function removeFromSite(file: string, outputDir: string): void {
  const gone = path.join(outputDir, file);
  try {
    rmSync(gone, { force: true });
  } catch (error) {
    if (!lstatSync(gone).isDirectory()) throw error;
    return;
  }
  pruneEmpty(path.dirname(gone), outputDir);
}
