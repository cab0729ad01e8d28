/**
 * When the last build's image of a photo can stand, shared by the three media stages (articles'
 * photos, standing pages' body photos, authors' photos): its source file has the same
 * fingerprint, it was made by this image code, and for this image CDN setting. Otherwise it is
 * made again (from the media cache when it can).
 */
import { statSync } from "node:fs";
import { madeFor } from "../media/files.ts";
import type { MediaOptions } from "../media/types.ts";
import { fingerprintOf } from "./fingerprint.ts";
import type { ImageEntry } from "./state.ts";

/** The fingerprint of a photo's source file (links followed); "" when it cannot be read. */
export function sourceFingerprint(file: string): string {
  try {
    return fingerprintOf(statSync(file));
  } catch {
    return "";
  }
}

/** Whether `before`, the last build's image, stands for a source whose fingerprint is `print`. */
export function reusableImage(
  before: ImageEntry | undefined,
  print: string,
  options: Partial<MediaOptions>,
): before is ImageEntry {
  return (
    before !== undefined &&
    print !== "" &&
    before.fingerprint === print &&
    before.code === (options.codeVersion ?? "") &&
    madeFor(before.image, options.cdn)
  );
}
