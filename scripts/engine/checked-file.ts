/**
 * Cache files that prove their own integrity. A cache is a hint, never the truth: each file
 * starts with a line naming what it holds, its format version and the SHA-256 of everything
 * after that line, so a file that was truncated, garbled or written by another version reads as
 * missing and is rebuilt, never trusted. Writes go to a temporary name and are renamed into
 * place, so a build killed halfway leaves the old file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { errorCode, healingWrite } from "./cache-write.ts";
import { faultPoint } from "./fault.ts";
import { sha256 } from "./hashing.ts";

/** Temporary files start with this; sweeps remove any an interrupted build left. */
export const TEMPORARY_PREFIX = ".tmp-";

/**
 * Removes the temporary files a killed build left in `dir` (a write of `state.json` or of the
 * journal cut short before its rename). Call it holding the build lock: no other build of the
 * target writes there then, so every temporary file but this process's own is stale.
 */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const own = `${TEMPORARY_PREFIX}${process.pid}-`;
  for (const name of names) {
    if (!name.startsWith(TEMPORARY_PREFIX) || name.startsWith(own)) continue;
    faultPoint(`remove temporary file ${name}`);
    rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** A unique temporary name beside `file`. */
export function temporaryBeside(file: string): string {
  return path.join(
    path.dirname(file),
    `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}-${path.basename(file)}`,
  );
}

/**
 * Writes `bytes` to `file` through a temporary name and a rename, so the old file stays whole
 * until the new one is. `root` is the cache folder the file belongs to: a damaged entry in the
 * way (a folder where the file belongs, a file where a folder belongs) is cleared within it.
 */
export function writeFileAtomically(
  file: string,
  bytes: string | Uint8Array,
  root = path.dirname(file),
): void {
  healingWrite(file, root, () => {
    const temporary = temporaryBeside(file);
    try {
      writeWith(temporary, bytes, NEW_FILE);
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  });
}

/**
 * Runs a write into `file`, creating its folder only when the write finds it missing: most
 * folders exist already, and asking first would cost a system call per file.
 */
export function intoFolderOf<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    return write();
  }
}

/**
 * Opening flags of a store file: created or truncated, never followed through a link (a link
 * planted in the cache must not make the build write elsewhere on the machine).
 */
const STORE_FILE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
/** Opening flags of a temporary file: it must be new. */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Writes a whole file opened with `flags` (numeric: Node's typings take only string flags). */
function writeWith(file: string, bytes: string | Uint8Array, flags: number): void {
  const fd = openSync(file, flags, 0o666);
  try {
    writeFileSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file of a store whose every read checks the bytes (by checksum or by the hash in its
 * name): no temporary file and rename are needed, because a file cut short by a crash is never
 * trusted, only written again. On busy disks this halves the cost of a cold build's writes.
 * `root` is the store's folder, within which anything in the way is cleared.
 */
export function writeStoreFile(
  file: string,
  bytes: string | Uint8Array,
  root = path.dirname(file),
): void {
  healingWrite(file, root, () => writeWith(file, bytes, STORE_FILE));
}

/** The first line of a checked file: `broadsheet <kind> <version> <sha256>`. */
function header(kind: string, version: number, body: string): string {
  return `broadsheet ${kind} ${version} ${sha256(body)}\n`;
}

/**
 * Writes a JSON value as a checked file of `kind` and format `version`. `atomic` (the build
 * state, its chunks, the journal) goes through a temporary file and a rename, so the old file
 * stays whole until the new one is; store entries skip that, their checksum being enough.
 * `root` is the cache folder within which anything in the way is cleared.
 */
export function writeCheckedJson(
  file: string,
  kind: string,
  version: number,
  value: unknown,
  options: { readonly atomic?: boolean; readonly root?: string } = {},
): void {
  const body = JSON.stringify(value);
  const text = header(kind, version, body) + body;
  if (options.atomic) writeFileAtomically(file, text, options.root);
  else writeStoreFile(file, text, options.root);
}

const NEWLINE = 0x0a;

/** Why a checked file could not be used. */
export type CheckedReadFailure = "missing" | "damaged" | "other version";

/**
 * Reads a checked file: its value, or why it cannot be trusted (absent, damaged, or written by
 * another format version).
 */
export function readCheckedJson<T>(
  file: string,
  kind: string,
  version: number,
):
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly why: CheckedReadFailure } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // Absent is "missing"; anything else in its place (a folder, a looping link, an unreadable
    // file) cannot be trusted either, and is not the same as never having been written.
    return { ok: false, why: errorCode(error) === "ENOENT" ? "missing" : "damaged" };
  }
  const newline = bytes.indexOf(NEWLINE);
  const [magic, foundKind, foundVersion, checksum] = bytes.toString("utf8", 0, newline).split(" ");
  if (newline === -1 || magic !== "broadsheet" || foundKind !== kind) {
    return { ok: false, why: "damaged" };
  }
  if (foundVersion !== String(version)) return { ok: false, why: "other version" };
  // The checksum is over the body's bytes (the same digest as over its text, which `header`
  // hashes as UTF-8): hashing bytes skips encoding a state of a hundred megabytes back again.
  const body = bytes.subarray(newline + 1);
  if (sha256(body) !== checksum) return { ok: false, why: "damaged" };
  try {
    return { ok: true, value: JSON.parse(body.toString("utf8")) as T };
  } catch {
    return { ok: false, why: "damaged" };
  }
}
