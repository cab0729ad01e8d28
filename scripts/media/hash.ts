import { createHash } from "node:crypto";

/** The SHA-256 of some bytes or text, in hex: the identity of sources and cache entries. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
