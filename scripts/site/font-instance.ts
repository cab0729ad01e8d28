/**
 * A variable font cut to the weights the site uses. The `@fontsource-variable` files carry the
 * whole weight axis (Newsreader 200–800, Source Sans 3 200–900), and the deltas for weights no
 * page asks for are bytes every reader downloads before the first screen can use the font:
 * limiting the axis to TYPE_DEFAULTS' range with HarfBuzz's instancer (through `subset-font`)
 * takes Newsreader's Latin roman from 58 KB to 40 KB, and every weight in the range is drawn
 * exactly as before. The same pass keeps every character of the file's `unicode-range`, with
 * every glyph the font's features reach from them (tabular figures, ligatures, ...): only glyphs
 * the browser would never use for this file go (Source Sans 3's Latin file: 29 KB to 24 KB).
 *
 * HarfBuzz runs as WebAssembly and takes ~0.3 s a file, so each cut is kept (`.cache/fonts/`,
 * kept-derivation.ts), keyed by the font's bytes, the range and the instancer's versions;
 * `subset-font` is loaded only when one changed. The cut is a function of
 * those inputs alone, so a cold and an incremental build publish the same bytes.
 */
import { keyOf, sha256 } from "../engine/hashing.ts";
import { installedVersion, KeptDerivations } from "./kept-derivation.ts";

/** Each cut, base64, by its file's name. */
const KEPT = new KeptDerivations("fonts");

/** A weight range, as in `@font-face`'s `font-weight: 400 800`. */
export interface WeightRange {
  readonly min: number;
  readonly max: number;
}

/** Every character a CSS `unicode-range` (`U+0000-00FF,U+0131,U+4??`) names, as a string. */
export function charactersOf(unicodeRange: string): string {
  const points: number[] = [];
  for (const part of unicodeRange.split(",")) {
    const match = /^\s*U\+([0-9A-F?]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match?.[1]) throw new Error(`not a unicode-range: ${part}`);
    const first = Number.parseInt(match[1].replaceAll("?", "0"), 16);
    const last = Number.parseInt(match[2] ?? match[1].replaceAll("?", "F"), 16);
    for (let point = first; point <= last; point++) {
      // Lone surrogates are not characters.
      if (point < 0xd800 || point > 0xdfff) points.push(point);
    }
  }
  return String.fromCodePoint(...points);
}

const INSTANCER = `subset-font ${installedVersion("subset-font")} harfbuzzjs ${installedVersion("harfbuzzjs")}`;

/**
 * `bytes` (the WOFF2 file `name`, which serves `unicodeRange`) with its weight axis limited to
 * `weights`, as WOFF2; or `bytes` as they are when the cut is no smaller (Source Sans 3's
 * latin-ext file grows by 4%: its deltas are few and the package's encoder packs tighter). A
 * damaged or stale cache entry is cut again; a cache that cannot be written is skipped.
 */
export async function weightInstance(
  name: string,
  bytes: Buffer,
  unicodeRange: string,
  weights: WeightRange,
): Promise<Buffer> {
  const key = keyOf(INSTANCER, weights.min, weights.max, unicodeRange, sha256(bytes));
  const kept = KEPT.read(name, key);
  if (kept !== undefined) return Buffer.from(kept, "base64");
  const { default: subsetFont } = await import("subset-font");
  const instanced: Buffer = await subsetFont(bytes, charactersOf(unicodeRange), {
    targetFormat: "woff2",
    variationAxes: { wght: { min: weights.min, max: weights.max } },
  });
  const cut = instanced.length < bytes.length ? instanced : bytes;
  KEPT.keep(name, key, cut.toString("base64"));
  return cut;
}
