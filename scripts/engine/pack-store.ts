/**
 * The build cache's storage: objects (parsed articles, rendered pages, search-index files)
 * appended to pack files and found again by a {@link PackRef} the build state keeps. A cold build
 * of 100,000 articles would otherwise create hundreds of thousands of small files, and on most
 * disks creating a file costs several times more than appending the same bytes to an open one.
 *
 * Each process appends to packs of its own (named by time, process and chance), so workers never
 * share one. A ref names the object's hash, and every read checks it: a pack cut short, garbled
 * or deleted reads as missing, and what it held is made again, never trusted. Packs nobody
 * refers to any more are deleted, and sparse ones rewritten, by {@link PackStore.collect}.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { healingWrite } from "./cache-write.ts";
import { faultPoint } from "./fault.ts";
import { sha256 } from "./hashing.ts";

/** Where an object is: its pack, its place in it, and the hash its bytes must have. */
export interface PackRef {
  readonly pack: string;
  readonly offset: number;
  readonly length: number;
  /** SHA-256 of the bytes, cut to 128 bits (32 hex characters). */
  readonly hash: string;
}

/** The hash a ref carries for some bytes. */
export function objectHash(bytes: Uint8Array): string {
  return sha256(bytes).slice(0, 32);
}

/**
 * A pack grows to this size, then the next object starts a new one: small enough that
 * rewriting a sparse pack is cheap, large enough that a big build makes few files.
 *
 * @default 64 MiB
 */
const PACK_LIMIT = 64 * 2 ** 20;

/**
 * A pack whose live bytes fall below this share of its size is rewritten by `collect`.
 *
 * @default 0.5
 */
const SPARSE = 0.5;

const PACK_SUFFIX = ".pack";

/** A new pack: appended to, never followed through a link planted in its place. */
const PACK_FLAGS =
  constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW;

export class PackStore {
  readonly #dir: string;
  readonly #root: string;
  #writing: { name: string; fd: number; size: number } | undefined;
  readonly #readers = new Map<string, number>();

  /** `root` is the cache folder the store lives in: anything damaged in the way is cleared within it. */
  constructor(dir: string, root: string = path.dirname(dir)) {
    this.#dir = dir;
    this.#root = root;
  }

  get dir(): string {
    return this.#dir;
  }

  /** Appends `bytes`; returns where they are. */
  append(bytes: Uint8Array): PackRef {
    let pack = this.#writing;
    if (!pack || pack.size + bytes.length > PACK_LIMIT) {
      if (pack) closeSync(pack.fd);
      const name = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString("hex")}${PACK_SUFFIX}`;
      const file = path.join(this.#dir, name);
      // A file (or a dangling link) where the store's folder belongs is cleared, once.
      const fd = healingWrite(file, this.#root, () => openSync(file, PACK_FLAGS));
      pack = { name, fd, size: fstatSync(fd).size };
      this.#writing = pack;
    }
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(pack.fd, bytes, written, bytes.length - written);
    }
    const ref = {
      pack: pack.name,
      offset: pack.size,
      length: bytes.length,
      hash: objectHash(bytes),
    };
    pack.size += bytes.length;
    return ref;
  }

  /** The object's bytes, or undefined when its pack is gone, short or holds other bytes. */
  read(ref: PackRef): Buffer | undefined {
    const fd = this.#reader(ref.pack);
    if (fd === undefined) return undefined;
    const bytes = Buffer.allocUnsafe(ref.length);
    let read = 0;
    try {
      while (read < ref.length) {
        const got = readSync(fd, bytes, read, ref.length - read, ref.offset + read);
        if (got === 0) return undefined;
        read += got;
      }
    } catch {
      return undefined;
    }
    return objectHash(bytes) === ref.hash ? bytes : undefined;
  }

  /** The size of a pack, or undefined when it is not there as a plain file. */
  sizeOf(pack: string): number | undefined {
    try {
      const stats = lstatSync(path.join(this.#dir, pack));
      return stats.isFile() ? stats.size : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether the object can be read back intact. */
  holds(ref: PackRef): boolean {
    return this.read(ref) !== undefined;
  }

  /** Closes the files this process has open (the dev server lives across many builds). */
  close(): void {
    if (this.#writing) closeSync(this.#writing.fd);
    this.#writing = undefined;
    for (const fd of this.#readers.values()) closeSync(fd);
    this.#readers.clear();
  }

  #reader(pack: string): number | undefined {
    const open = this.#readers.get(pack);
    if (open !== undefined) return open;
    try {
      const fd = openSync(path.join(this.#dir, pack), "r");
      this.#readers.set(pack, fd);
      return fd;
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the objects `live` refers to and drops the rest: packs nobody refers to are deleted;
   * packs mostly garbage have their live objects copied into a new pack. Returns the refs that
   * moved (old ref's key → new ref), for the caller to record before the old packs go; call
   * {@link PackStore.remove} with the returned `doomed` packs once the new refs are saved.
   */
  collect(live: Iterable<PackRef>): { moved: Map<string, PackRef>; doomed: string[] } {
    const byPack = new Map<string, PackRef[]>();
    for (const ref of live) {
      const refs = byPack.get(ref.pack);
      if (refs) refs.push(ref);
      else byPack.set(ref.pack, [ref]);
    }
    const moved = new Map<string, PackRef>();
    const doomed: string[] = [];
    for (const name of this.#packs()) {
      if (name === this.#writing?.name) continue;
      const refs = byPack.get(name);
      if (!refs) {
        doomed.push(name);
        continue;
      }
      // A pack that cannot even be looked at (a looping link) is kept as it is: its objects
      // read as missing, and their owners make them again.
      const size = this.sizeOf(name) ?? 0;
      const liveBytes = refs.reduce((sum, ref) => sum + ref.length, 0);
      if (size === 0 || liveBytes / size >= SPARSE) continue;
      for (const ref of refs) {
        const bytes = this.read(ref);
        // A damaged object is not carried over: its owner reads it as missing and makes it again.
        if (bytes) moved.set(refKey(ref), this.append(bytes));
      }
      doomed.push(name);
    }
    return { moved, doomed };
  }

  /** Deletes every pack no ref in `live` points into; returns how many went. */
  sweep(live: Iterable<PackRef>): number {
    const used = new Set([...live].map((ref) => ref.pack));
    const doomed = this.#packs().filter((name) => !used.has(name) && name !== this.#writing?.name);
    this.remove(doomed);
    return doomed.length;
  }

  /** Deletes packs (after the refs that replaced theirs are saved). */
  remove(packs: readonly string[]): void {
    for (const name of packs) {
      const fd = this.#readers.get(name);
      if (fd !== undefined) closeSync(fd);
      this.#readers.delete(name);
      faultPoint(`remove pack ${name}`);
      // Recursive: a folder standing where a pack belongs goes too.
      rmSync(path.join(this.#dir, name), { recursive: true, force: true });
    }
  }

  #packs(): string[] {
    try {
      return readdirSync(this.#dir).filter((name) => name.endsWith(PACK_SUFFIX));
    } catch {
      return [];
    }
  }
}

/** A ref's identity, for maps of moved refs. */
export function refKey(ref: PackRef): string {
  return `${ref.pack}:${ref.offset}:${ref.length}:${ref.hash}`;
}
