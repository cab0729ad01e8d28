/**
 * The site's icons, kept between builds. Making them from the logo means loading sharp and
 * drawing seven PNGs, about 0.1 s and 28 MB of memory on every build that renders anything,
 * for bytes that change only with the logo or the icon code. One checked file holds the last
 * icons made with the key they were made under; a build whose key matches reads them, any
 * other makes them again and replaces the file. A missing, damaged or foreign file reads as
 * no icons, so the icons are made as a cold build makes them, never taken on trust.
 */
import path from "node:path";
import type { LogoIcons } from "../site/icons.ts";
import { makeLogoIcons } from "../site/icons.ts";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";
import { keyOf, sha256 } from "./hashing.ts";
import type { BuildTarget } from "./target.ts";

const KIND = "logo-icons";
const VERSION = 1;

/** The icons as the file keeps them: the PNGs in base64. */
interface StoredIcons {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly appleTouch: string;
  readonly manifest: readonly string[];
  readonly ico: readonly string[];
}

export function iconCachePath(target: BuildTarget): string {
  return path.join(target.cacheDir, "icons.json");
}

function isStored(value: unknown): value is StoredIcons {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = (list: unknown) =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  return (
    typeof v.key === "string" &&
    typeof v.width === "number" &&
    typeof v.height === "number" &&
    typeof v.appleTouch === "string" &&
    strings(v.manifest) &&
    strings(v.ico)
  );
}

const fromBase64 = (text: string) => Buffer.from(text, "base64");

/**
 * An icon maker for `loadAssets` that reuses the icons at `file` when they were made from the
 * same logo bytes by the same code: `codeVersion` is `iconCodeVersion` (build-code-keys.ts: the
 * icon code, the packages it imports with sharp's version, libvips' build and Node's version).
 */
export function cachedLogoIcons(
  file: string,
  codeVersion: string,
  root: string = path.dirname(file),
): (logo: Buffer) => Promise<LogoIcons> {
  return async (logo) => {
    const key = keyOf(codeVersion, sha256(logo));
    const read = readCheckedJson<unknown>(file, KIND, VERSION);
    if (read.ok && isStored(read.value) && read.value.key === key) {
      const stored = read.value;
      return {
        size: { width: stored.width, height: stored.height },
        appleTouch: fromBase64(stored.appleTouch),
        manifest: stored.manifest.map(fromBase64),
        ico: stored.ico.map(fromBase64),
      };
    }
    const made = await makeLogoIcons(logo);
    const stored: StoredIcons = {
      key,
      width: made.size.width,
      height: made.size.height,
      appleTouch: made.appleTouch.toString("base64"),
      manifest: made.manifest.map((png) => png.toString("base64")),
      ico: made.ico.map((png) => png.toString("base64")),
    };
    writeCheckedJson(file, KIND, VERSION, stored, { atomic: true, root });
    return made;
  };
}
