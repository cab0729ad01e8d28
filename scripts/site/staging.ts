import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** The folder a build writes into before it becomes `_site/`. */
export interface Staging {
  /** Where this build writes. */
  readonly dir: string;
  /** The published folder it replaces. */
  readonly target: string;
  /** Swaps the staged folder in for the target and removes the old one. */
  commit(): void;
  /** Removes the staged folder (on failure). */
  discard(): void;
}

const STAGING_PREFIX = ".site-build-";
const RETIRED_PREFIX = ".site-old-";

/**
 * Stages a build beside `_site/` (same disk, so the swap is a rename, not a copy). Leftovers
 * of a build that was killed are cleaned up first, and an interrupted swap is rolled back, so
 * the published folder is always a complete build. Ctrl-C or a kill while building removes the
 * staged folder and leaves `_site/` untouched.
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
      const retired = path.join(root, `${retiredPrefix(target)}${process.pid}`);
      const hadTarget = existsSync(target);
      mkdirSync(path.dirname(target), { recursive: true });
      if (hadTarget) renameSync(target, retired);
      renameSync(dir, target);
      if (hadTarget) rmSync(retired, { recursive: true, force: true });
      release();
    },
  };
}

/** The name a replaced folder of `target` has while it is being removed: one per target. */
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
