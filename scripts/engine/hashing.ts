/**
 * The build's fingerprints: SHA-256 everywhere, written as hex. Keys are cut to 128 bits (32 hex
 * characters): enough that two different inputs never meet, short enough for a state of a
 * million pages.
 */
import { createHash } from "node:crypto";

/** The full SHA-256 of some bytes or text, in hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A key made of parts: each part is written with its length first, so `["ab", "c"]` and
 * `["a", "bc"]` never give the same key.
 *
 * @example keyOf("article", codeVersion, recordKey) // "3f9a…" (32 hex characters)
 */
export function keyOf(...parts: readonly (string | number | undefined)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const text = part === undefined ? "\u0000undefined" : String(part);
    hash.update(`${text.length}:`).update(text);
  }
  return hash.digest("hex").slice(0, 32);
}

/** The key of a JSON-able value, as serialised (objects keep their key order). */
export function jsonKey(value: unknown): string {
  return keyOf(JSON.stringify(value));
}
