import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** The folder a build writes into before it becomes `_site/`. */
export interface Staging {
  /** Where this build writes. */
  readonly dir: string;
  /** The published folder it replaces. */
  readonly target: string;
  /**
   * Renames the staged folder to the target, which must not exist: a published folder is never
   * renamed aside, so there is no instant without one (an existing one is updated in place).
   */
  commit(): void;
  /** Removes the staged folder (on failure). */
  discard(): void;
}

const STAGING_PREFIX = ".site-build-";
const RETIRED_PREFIX = ".site-old-";

/**
 * Stages a build beside `_site/` (same disk, so publishing is renames, not copies). Leftovers
 * of a build that was killed are cleaned up first. Ctrl-C or a kill while building removes the
 * staged folder; what it does to `_site/` is the publish's business (scripts/engine/transaction.ts).
 */
export function createStaging(root: string, targetName = "_site"): Staging {
  const target = path.join(root, targetName);
  recover(root, target);
  const dir = path.join(root, `${STAGING_PREFIX}${process.pid}`);
  // Retries ride out a write still landing in the folder while it is removed (ENOTEMPTY).
  const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  const onExit = () => {
    if (existsSync(dir)) remove();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", onExit);
  // Only now the folder: a signal before the handlers above would kill the process outright and
  // leave it behind. After them, a signal waits for this synchronous code, then removes it.
  remove();
  mkdirSync(dir, { recursive: true });
  // A long-running process (the dev server) stages many builds: each lets go of its listeners.
  const release = () => {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    process.removeListener("exit", onExit);
  };
  return {
    dir,
    target,
    discard() {
      remove();
      release();
    },
    commit() {
      if (existsSync(target)) throw new Error(`${target} appeared while the build was publishing`);
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(dir, target);
      release();
    },
  };
}

/**
 * The name a replaced folder of `target` had while it was being removed, when builds still
 * swapped a new folder in for an existing one: a leftover of such a build is still put right.
 */
function retiredPrefix(target: string): string {
  return `${RETIRED_PREFIX}${path.basename(target).replace(/^[._]+/, "")}-`;
}

/** Cleans up after a build that died: stale staging folders go; a half-done swap is undone. */
function recover(root: string, target: string): void {
  const retired = retiredPrefix(target);
  for (const name of readdirSync(root)) {
    const full = path.join(root, name);
    if (name.startsWith(STAGING_PREFIX) && !isRunning(Number(name.slice(STAGING_PREFIX.length)))) {
      rmSync(full, { recursive: true, force: true });
    }
    if (name.startsWith(retired)) {
      if (existsSync(target)) rmSync(full, { recursive: true, force: true });
      else renameSync(full, target);
    }
  }
}

/** Whether a build with this process id is still running (its staging folder is in use). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
