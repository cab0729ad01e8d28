/**
 * Article slugs from headlines, in ASCII: the slug is the last part of the article's URL, and
 * an ASCII URL survives being pasted into mail, chat and spreadsheets unchanged.
 */
import { createHash } from "node:crypto";
import { suggestSlug } from "../../content/load-article.ts";

/** Letters that Unicode decomposition does not reduce to ASCII, by hand. */
const LATIN: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
  ŋ: "ng",
  ŧ: "t",
  ſ: "s",
};

/** Greek, after accents are stripped (ELOT 743, simplified). */
const GREEK: Readonly<Record<string, string>> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

/** Russian, Ukrainian and Belarusian Cyrillic (BGN/PCGN, simplified). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "yo",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const TRANSLITERATION: Readonly<Record<string, string>> = { ...LATIN, ...GREEK, ...CYRILLIC };

/** Long enough for any headline's words to read well; short enough for every file system. */
const MAX_SLUG_LENGTH = 80;

export type HeadlineSlug =
  | { readonly kind: "transliterated"; readonly slug: string }
  /** Some letters had no ASCII spelling and were left out of the slug. */
  | { readonly kind: "partial"; readonly slug: string; readonly dropped: string }
  /** Too little of the headline could be spelled in ASCII: a stable name from its hash. */
  | { readonly kind: "fallback"; readonly slug: string; readonly dropped: string };

/**
 * The slug for a headline: lowercase ASCII words joined by hyphens, apostrophes dropped, accents
 * stripped, Greek and Cyrillic transliterated. A headline mostly in a script with no simple
 * ASCII spelling (Chinese, Japanese, Arabic...) gets `article-<8 hex digits>` instead.
 *
 * @example slugFromHeadline("North Korea's Kim Jong Un receives personal letter from Trump, KCNA says").slug
 * // "north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says"
 * @example slugFromHeadline("Zürich café owners fear 'Brexit' fallout").slug
 * // "zurich-cafe-owners-fear-brexit-fallout"
 * @example slugFromHeadline("中美恢复贸易谈判").slug // "article-" + 8 hex digits
 */
export function slugFromHeadline(headline: string): HeadlineSlug {
  let ascii = "";
  let kept = 0;
  const dropped: string[] = [];
  const decomposed = headline
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    // Every apostrophe-like mark is dropped by suggestSlug once it is a plain one: "Korea's".
    .replace(/[‘ʼ´`]/g, "'");
  for (const char of decomposed) {
    const mapped = /^[\x20-\x7e]$/.test(char) ? char : TRANSLITERATION[char];
    if (mapped !== undefined) {
      ascii += mapped;
      if (/[a-z]/.test(mapped)) kept++;
    } else if (/[\p{L}\p{N}]/u.test(char)) {
      dropped.push(char);
      ascii += " ";
    } else {
      ascii += " ";
    }
  }
  const letters = dropped.join("");
  if (!/[a-z]/.test(ascii) || dropped.length > kept) {
    const hash = createHash("sha256").update(headline.normalize("NFC")).digest("hex").slice(0, 8);
    return { kind: "fallback", slug: `article-${hash}`, dropped: letters };
  }
  const slug = truncate(suggestSlug(ascii));
  return dropped.length > 0
    ? { kind: "partial", slug, dropped: letters }
    : { kind: "transliterated", slug };
}

/** Cuts a long slug at the last hyphen that fits, so no word is broken. */
function truncate(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1).lastIndexOf("-");
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH);
}
