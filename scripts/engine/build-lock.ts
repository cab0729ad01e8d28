/**
 * One build of a target at a time. Two builds publishing into one `_site/` at once would
 * interleave their journals and their renames, and neither could say what `_site/` holds. So a
 * build takes `.cache/build/<target>.lock` (created exclusively, holding its process id) before
 * it reads the state, and lets go of it when it ends, however it ends. A second build waits for
 * the first, saying so, and then builds on what the first published: in CI and on an editor's
 * machine alike, waiting is what was meant. A lock whose process is no longer running (the build
 * was killed) is stale and taken over; after {@link LOCK_DEFAULTS.waitMs} of waiting on a live
 * one, the build fails, naming the process that holds it.
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CacheWriteError, errorCode, healingMkdir } from "./cache-write.ts";
import type { BuildTarget } from "./target.ts";

export const LOCK_DEFAULTS = {
  /**
   * How long a build waits for another to finish before giving up: longer than a cold build of
   * a large archive's pages (minutes), short enough that a forgotten process is noticed in CI.
   *
   * @default 30 minutes (BROADSHEET_LOCK_WAIT_MS overrides it)
   */
  waitMs: 30 * 60_000,
  /**
   * How often a waiting build looks again: a build that ends is followed within this.
   *
   * @default 100 ms
   */
  pollMs: 100,
} as const;

/** Where a target's lock is: beside its cache folder, so a damaged cache folder cannot hide it. */
export function lockPath(target: BuildTarget): string {
  return `${target.cacheDir}.lock`;
}

/** Whether a process with this id is running (signal 0 asks without sending anything). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) === "EPERM";
  }
}

/** The process id a lock file holds, or undefined when it holds none (garbled, half-written). */
function holderOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Tries to create the lock; true when this process now holds it. */
function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw new CacheWriteError(file, error);
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * A lock from a process that is gone is moved aside under a name of this process's own, then
 * deleted: two builds that both find it stale cannot both take it over, because only one rename
 * of the one file succeeds. A lock that holds no process id is stale once it is a few seconds
 * old (a build killed between creating and writing it).
 */
function breakIfStale(file: string): void {
  const holder = holderOf(file);
  // This process's own id in a lock it does not hold is a killed build's whose id was reused.
  if (holder !== undefined && holder !== process.pid && isRunning(holder)) return;
  if (holder === undefined) {
    try {
      if (Date.now() - statSync(file).mtimeMs < 5000) return;
    } catch {
      return;
    }
  }
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Another build broke it first.
  }
  // If the lock was taken over between the check and the rename, the file moved aside is a
  // live build's: put it back (a link, which never replaces a lock a third build took since).
  const moved = holderOf(aside);
  if (moved !== undefined && moved !== holder && isRunning(moved)) {
    try {
      linkSync(aside, file);
    } catch {
      // The name is taken again: the lock moved aside is lost, as if its build had ended.
    }
  }
  // Recursive: a folder standing where the lock belongs goes too.
  rmSync(aside, { recursive: true, force: true });
}

export interface BuildLock {
  release(): void;
}

/**
 * Takes the target's lock, waiting while another running build holds it. `onWait` is told once
 * which process the build is waiting for.
 */
export async function acquireBuildLock(
  target: BuildTarget,
  onWait: (pid: number | undefined) => void = () => {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<BuildLock> {
  const file = lockPath(target);
  const root = path.dirname(path.dirname(target.cacheDir));
  healingMkdir(path.dirname(file), root);
  const waitMs = Number(env.BROADSHEET_LOCK_WAIT_MS ?? LOCK_DEFAULTS.waitMs);
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryCreate(file)) break;
    breakIfStale(file);
    if (tryCreate(file)) break;
    const holder = holderOf(file);
    if (!told) {
      onWait(holder);
      told = true;
    }
    if (Date.now() - started > waitMs) {
      throw new Error(
        `another build of this site (process ${holder ?? "unknown"}) has held ${path.relative(process.cwd(), file)} for more than ${Math.round(waitMs / 1000)} s. If no build is running, delete that file and build again.`,
      );
    }
    await sleep(LOCK_DEFAULTS.pollMs);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    if (holderOf(file) === process.pid) rmSync(file, { force: true });
  };
  // Ctrl-C and SIGTERM end the process through exit (see staging.ts): the lock goes with it.
  process.once("exit", release);
  return { release };
}
