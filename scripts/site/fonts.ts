/**
 * The site's type, self-hosted: Newsreader (drawn by Production Type for news on screens) for
 * headlines and reading, Source Sans 3 for labels, times and the site's furniture. Each family's
 * variable WOFF2 files come from its `@fontsource-variable` package, only the subsets the site's
 * text uses, published under content-hashed names (assets.ts) and described by `@font-face`
 * rules written here, which the build puts at the head of the site's stylesheet.
 *
 * So that text is never invisible and never moves: `font-display: optional` (TYPE_DEFAULTS says
 * why not `swap`) shows text within ~100 ms in a
 * fallback face, and each fallback face is a local system font (Times New Roman or its metric
 * twin Liberation Serif; Arial or Liberation Sans; Noto Serif and Roboto on Android) resized with
 * `size-adjust` and given the web font's ascent, descent and line gap, computed from Capsize's
 * metrics, so the swap changes no line's height and hardly any line's length (CLS 0).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type WeightRange, weightInstance } from "./font-instance.ts";

/** A font's vertical metrics and average character width, as `@capsizecss/metrics` gives them. */
export interface FontMetrics {
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly unitsPerEm: number;
  readonly xWidthAvg: number;
}

/** A local font the fallback face can use, by its full and PostScript names. */
interface LocalFont {
  /** Capsize's name for its metrics (`timesNewRoman`). */
  readonly metrics: string;
  /** Names `local()` can find, regular then bold, on each platform (with its metric twins). */
  readonly regular: readonly string[];
  readonly bold: readonly string[];
  readonly italic: readonly string[];
}

interface FamilySpec {
  /** The CSS family name pages use. */
  readonly family: string;
  /** The `@fontsource-variable` package, and its file names' stem. */
  readonly packageName: string;
  readonly stem: string;
  /** Capsize's name for the web font's metrics. */
  readonly metrics: string;
  /**
   * The weights the site's stylesheets use, to which the variable files' weight axis is cut
   * (font-instance.ts): the packages' lighter and heavier ends are bytes no page shows.
   */
  readonly weights: WeightRange;
  readonly styles: readonly ("normal" | "italic")[];
  /** The generic family last in the stack. */
  readonly generic: "serif" | "sans-serif";
  /** The local fonts standing in while the web font loads, in order of preference. */
  readonly fallbacks: readonly LocalFont[];
  /** The custom property the stylesheet reads the stack from. */
  readonly property: "--serif" | "--sans";
  /** How the face shows while it loads (TYPE_DEFAULTS says why each). */
  readonly display: "swap" | "optional";
}

const TIMES: LocalFont = {
  metrics: "timesNewRoman",
  regular: ["Times New Roman", "TimesNewRomanPSMT", "Liberation Serif", "LiberationSerif"],
  bold: [
    "Times New Roman Bold",
    "TimesNewRomanPS-BoldMT",
    "Liberation Serif Bold",
    "LiberationSerif-Bold",
  ],
  italic: [
    "Times New Roman Italic",
    "TimesNewRomanPS-ItalicMT",
    "Liberation Serif Italic",
    "LiberationSerif-Italic",
  ],
};

const NOTO_SERIF: LocalFont = {
  metrics: "notoSerif",
  regular: ["Noto Serif", "NotoSerif"],
  bold: ["Noto Serif Bold", "NotoSerif-Bold"],
  italic: ["Noto Serif Italic", "NotoSerif-Italic"],
};

const ARIAL: LocalFont = {
  metrics: "arial",
  regular: ["Arial", "ArialMT", "Liberation Sans", "LiberationSans"],
  bold: ["Arial Bold", "Arial-BoldMT", "Liberation Sans Bold", "LiberationSans-Bold"],
  italic: ["Arial Italic", "Arial-ItalicMT", "Liberation Sans Italic", "LiberationSans-Italic"],
};

const ROBOTO: LocalFont = {
  metrics: "roboto",
  regular: ["Roboto", "Roboto-Regular"],
  bold: ["Roboto Bold", "Roboto-Bold"],
  italic: ["Roboto Italic", "Roboto-Italic"],
};

/**
 * From body text (400) to the front's lead headline (800): every `font-weight` in assets/css
 * is in this range (a test reads them), so a lighter or heavier design must widen it here.
 */
const SITE_WEIGHTS: WeightRange = { min: 400, max: 800 };

/** The type and why each choice. */
export const TYPE_DEFAULTS = {
  /**
   * The scripts the site's text is written in: Latin, with latin-ext for names with accents
   * (Nguyễn aside: Vietnamese would need its own subset). Each subset is a file of its own with
   * a `unicode-range`, so a page downloads latin-ext only when its text has such a letter.
   */
  subsets: ["latin", "latin-ext"] as const,
  families: [
    {
      family: "Newsreader",
      packageName: "@fontsource-variable/newsreader",
      stem: "newsreader",
      metrics: "newsreader",
      weights: SITE_WEIGHTS,
      // Italics in the body (emphasis, titles of works) are the serif's own italic.
      styles: ["normal", "italic"],
      generic: "serif",
      fallbacks: [TIMES, NOTO_SERIF],
      property: "--serif",
      // Preloaded, so it is there before the first paint on all but slow first visits; a page
      // whose font comes later keeps the metric-matched fallback (see the sans below for why).
      display: "optional",
    },
    {
      family: "Source Sans 3",
      packageName: "@fontsource-variable/source-sans-3",
      stem: "source-sans-3",
      metrics: "sourceSans3",
      weights: SITE_WEIGHTS,
      // Labels and furniture are never italic: no italic file is published.
      styles: ["normal"],
      generic: "sans-serif",
      fallbacks: [ARIAL, ROBOTO],
      property: "--sans",
      // `optional`, not `swap`: a late swap moves words even with matched metrics, since each
      // word's width still differs a little: labels in a row (the sections' bar, the dateline
      // before a paragraph's first words) moved at a CLS of 0.016 on a phone, and a serif swap
      // rewrapped an archive's headlines at 0.09. A page keeps the fallback when the font is not
      // there within the first ~100 ms (text is never hidden longer); the next page has it from
      // the cache.
      display: "optional",
    },
  ] satisfies readonly FamilySpec[],
} as const;

/** One font file the site publishes, before it is hashed. */
export interface FontFile {
  /** e.g. `newsreader-latin-wght-normal.woff2`: the asset's name before its hash. */
  readonly name: string;
  readonly bytes: Buffer;
  readonly family: string;
  readonly style: "normal" | "italic";
  readonly weights: string;
  readonly unicodeRange: string;
  /** Its `font-display`. */
  readonly display: "swap" | "optional";
  /** The face headlines and text are set in first: the page preloads it. */
  readonly critical: boolean;
}

const require = createRequire(import.meta.url);

/** A package's folder in node_modules. */
function packageFolder(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** The font files the site publishes, in a fixed order, cut to the site's weights. */
export async function fontFiles(): Promise<FontFile[]> {
  const files: FontFile[] = [];
  for (const spec of TYPE_DEFAULTS.families) {
    const folder = packageFolder(spec.packageName);
    const ranges = JSON.parse(readFileSync(path.join(folder, "unicode.json"), "utf8")) as Record<
      string,
      string
    >;
    for (const style of spec.styles) {
      for (const subset of TYPE_DEFAULTS.subsets) {
        const range = ranges[subset];
        if (!range) throw new Error(`${spec.packageName} has no ${subset} subset`);
        const name = `${spec.stem}-${subset}-wght-${style}.woff2`;
        const source = readFileSync(path.join(folder, "files", name));
        files.push({
          name,
          bytes: await weightInstance(name, source, range, spec.weights),
          family: spec.family,
          style,
          weights: `${spec.weights.min} ${spec.weights.max}`,
          unicodeRange: range,
          display: spec.display,
          critical: spec === TYPE_DEFAULTS.families[0] && style === "normal" && subset === "latin",
        });
      }
    }
  }
  return files;
}

/** A font's metrics from `@capsizecss/metrics`. */
export function capsizeMetrics(name: string): FontMetrics {
  return require(`@capsizecss/metrics/${name}`) as FontMetrics;
}

/** The overrides that make `fallback` take the room `font` takes (as Capsize and next/font do). */
export function fallbackOverrides(
  font: FontMetrics,
  fallback: FontMetrics,
): { sizeAdjust: number; ascent: number; descent: number; lineGap: number } {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  return {
    sizeAdjust,
    ascent: font.ascent / em,
    descent: Math.abs(font.descent) / em,
    lineGap: font.lineGap / em,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
const quoted = (name: string) => `"${name}"`;

/** The fallback family's name for the nth local font of a family. */
function fallbackName(family: string, index: number): string {
  return index === 0 ? `${family} fallback` : `${family} fallback ${index + 1}`;
}

/**
 * The `@font-face` rules and the stacks: `urlOf` gives a font file's URL relative to the
 * stylesheet (both live in /assets/, so the rules hold under any path prefix).
 */
export function fontFaceCss(files: readonly FontFile[], urlOf: (file: FontFile) => string): string {
  const rules: string[] = [];
  for (const file of files) {
    rules.push(
      `@font-face{font-family:${quoted(file.family)};font-style:${file.style};font-weight:${file.weights};` +
        `font-display:${file.display};src:url(${urlOf(file)}) format("woff2");unicode-range:${file.unicodeRange}}`,
    );
  }
  const stacks: string[] = [];
  for (const spec of TYPE_DEFAULTS.families) {
    const font = capsizeMetrics(spec.metrics);
    spec.fallbacks.forEach((local, index) => {
      const o = fallbackOverrides(font, capsizeMetrics(local.metrics));
      const metrics = `size-adjust:${percent(o.sizeAdjust)};ascent-override:${percent(o.ascent)};descent-override:${percent(o.descent)};line-gap-override:${percent(o.lineGap)}`;
      const face = (names: readonly string[], weight: string, style: string) =>
        `@font-face{font-family:${quoted(fallbackName(spec.family, index))};font-style:${style};font-weight:${weight};` +
        `src:${names.map((name) => `local(${quoted(name)})`).join(",")};${metrics}}`;
      // A real bold for bold text: a synthesised one is wider than the web font's.
      rules.push(face(local.regular, "100 549", "normal"), face(local.bold, "550 900", "normal"));
      if ((spec.styles as readonly string[]).includes("italic"))
        rules.push(face(local.italic, "100 900", "italic"));
    });
    const stack = [
      quoted(spec.family),
      ...spec.fallbacks.map((_, index) => quoted(fallbackName(spec.family, index))),
      spec.generic,
    ].join(",");
    stacks.push(`${spec.property}:${stack}`);
  }
  return `${rules.join("\n")}\n:root{${stacks.join(";")}}\n`;
}
