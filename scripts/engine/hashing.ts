/**
 * The build's fingerprints: SHA-256 everywhere, written as hex. Keys are cut to 128 bits (32 hex
 * characters): enough that two different inputs never meet, short enough for a state of a
 * million pages.
 */
import { hash } from "node:crypto";

/** The full SHA-256 of some bytes or text, in hex. */
export function sha256(data: string | Uint8Array): string {
  // One-shot hashing: a build computes hundreds of thousands of keys, and a Hash object per key
  // costs more than hashing its few hundred bytes.
  return hash("sha256", data, "hex");
}

/**
 * A key made of parts: each part is written with its length first, so `["ab", "c"]` and
 * `["a", "bc"]` never give the same key.
 *
 * @example keyOf("article", codeVersion, recordKey) // "3f9a…" (32 hex characters)
 */
export function keyOf(...parts: readonly (string | number | undefined)[]): string {
  let framed = "";
  for (const part of parts) {
    const text = part === undefined ? "\u0000undefined" : String(part);
    framed += `${text.length}:${text}`;
  }
  return sha256(framed).slice(0, 32);
}

/** The key of a JSON-able value, as serialised (objects keep their key order). */
export function jsonKey(value: unknown): string {
  return keyOf(JSON.stringify(value));
}
