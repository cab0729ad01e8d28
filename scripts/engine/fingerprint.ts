/**
 * Telling whether a file changed without reading it, as git's index does: its size, modification
 * and change times and inode. Any write, rename over it or metadata change alters at least one
 * of them; a tool that copies an old modification time back (`cp -p`) still gets a new change
 * time, which user programs cannot set. A match means the content hash recorded with the
 * fingerprint still holds; a mismatch costs a read and a hash, and a parse only when the hash
 * differs too.
 */
import type { BigIntStats, Stats } from "node:fs";

/**
 * Files modified this close to the moment they were looked at may change again within the same
 * tick of the file system's clock, unseen: their fingerprint is not trusted next time. Two
 * seconds covers the coarsest clocks in use (FAT); such files are only re-hashed, not re-parsed.
 *
 * @default 2000 ms
 */
export const RACY_WINDOW_MS = 2000;

/** A fingerprint that never matches: the file is hashed again next time. */
export const UNTRUSTED = "";

/**
 * A file's fingerprint, or {@link UNTRUSTED} when it was modified within {@link RACY_WINDOW_MS}
 * of `seenAt` (epoch ms).
 */
export function fingerprintOf(stats: Stats | BigIntStats, seenAt = Date.now()): string {
  const mtimeMs = Number(stats.mtimeMs);
  const ctimeMs = Number(stats.ctimeMs);
  if (seenAt - Math.max(mtimeMs, ctimeMs) < RACY_WINDOW_MS) return UNTRUSTED;
  return `${stats.size}:${mtimeMs}:${ctimeMs}:${stats.ino}:${stats.dev}`;
}
