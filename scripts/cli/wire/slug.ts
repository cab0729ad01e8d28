/**
 * ASCII slugs for the files an editor's tools create: an article's folder (the last part of its
 * URL) and, for the authors issue, an author profile's file name. ASCII survives being pasted
 * into mail, chat, spreadsheets and shells unchanged, and every file system spells it one way.
 *
 * Transliteration is `@sindresorhus/slugify` with its `@sindresorhus/transliterate`, which are
 * maintained for many scripts (Latin, Greek, Cyrillic, Arabic, Vietnamese, Georgian, Armenian...)
 * so Broadsheet keeps no tables of its own. What this module adds: the site's language picks the
 * language-specific spellings, a headline that cannot be spelled in ASCII gets a stable fallback
 * name, and the editor is told which letters were left out.
 *
 * Topic pages are different: `topicSlug` in `scripts/site/urls.ts` keeps non-Latin letters, so a
 * Chinese tag gets a readable topic URL instead of a transliteration nobody would type.
 */
import { createHash } from "node:crypto";
import slugify, { type Options as SlugifyOptions } from "@sindresorhus/slugify";
import transliterate from "@sindresorhus/transliterate";

/** Long enough for any headline's words to read well; short enough for every file system. */
const MAX_SLUG_LENGTH = 80;

/**
 * Apostrophes join a word rather than split it (`O'Neil` is `oneil`, as in topic URLs); the
 * library keeps them apart except before a final s or t. Typographic ones count the same.
 */
const APOSTROPHES: ReadonlyArray<[string, string]> = ["'", "\u2019", "\u02bc", "\u2018", "`"].map(
  (mark) => [mark, ""],
);

export type MadeSlug =
  | { readonly kind: "transliterated"; readonly slug: string }
  /** Some letters had no ASCII spelling and were left out of the slug. */
  | { readonly kind: "partial"; readonly slug: string; readonly dropped: string }
  /** Too little of the text could be spelled in ASCII: a stable name from its hash. */
  | { readonly kind: "fallback"; readonly slug: string; readonly dropped: string };

/**
 * The slug for a headline: lowercase ASCII words joined by single hyphens, apostrophes dropped,
 * accents stripped, other scripts transliterated, at most 80 characters without breaking a word.
 * A headline mostly in a script with no ASCII spelling (Chinese, Japanese...) gets
 * `article-<8 hex digits>` instead. `language` is the site's BCP 47 tag: `de` spells ü as ue,
 * `sv` as u; a language without rules of its own (English) gets the library's defaults.
 *
 * @example slugFromHeadline("North Korea's Kim Jong Un receives personal letter from Trump, KCNA says").slug
 * // "north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says"
 * @example slugFromHeadline("Путин встретился с Си").slug // "putin-vstretilsya-s-si"
 * @example slugFromHeadline("中美恢复贸易谈判").slug // "article-" + 8 hex digits
 */
export function slugFromHeadline(headline: string, language?: string): MadeSlug {
  return asciiSlug(headline, "article", language);
}

/**
 * The slug for an author's profile (`content/authors/<slug>.yaml`) from the name as bylines
 * print it, by the same rules as an article's: `Nguyễn Thị Minh` is `nguyen-thi-minh`,
 * `Søren O'Neil` is `soren-oneil`, and a name with no ASCII spelling gets `author-<8 hex digits>`.
 *
 * @example profileSlug("Jane Tan").slug // "jane-tan"
 */
export function profileSlug(name: string, language?: string): MadeSlug {
  return asciiSlug(name, "author", language);
}

/** The slug of `text`, or `<fallbackPrefix>-<hash>` when too little of it is ASCII-spellable. */
function asciiSlug(text: string, fallbackPrefix: string, language: string | undefined): MadeSlug {
  const spelling = { customReplacements: APOSTROPHES, ...(language ? { locale: language } : {}) };
  // "iPhone" is one word in a headline, not "i-phone".
  const options: SlugifyOptions = { ...spelling, decamelize: false };
  const slug = truncate(slugify(text, options));
  const letters = unspelled(text, transliterate(text, spelling)).join("");
  const kept = slug.replace(/[^a-z0-9]/g, "").length;
  if (!/[a-z]/.test(slug) || [...letters].length > kept) {
    const hash = createHash("sha256").update(text.normalize("NFC")).digest("hex").slice(0, 8);
    return { kind: "fallback", slug: `${fallbackPrefix}-${hash}`, dropped: letters };
  }
  return letters ? { kind: "partial", slug, dropped: letters } : { kind: "transliterated", slug };
}

/**
 * The letters and digits of `text` that its transliteration left in another script (slugify
 * drops them silently; the editor is told), quoted as written: the library strips diacritics
 * from what it leaves, so "で" comes back as "て" and is matched by its base letter.
 */
function unspelled(text: string, transliterated: string): string[] {
  const base = (char: string) => char.normalize("NFD").replace(/\p{M}/gu, "");
  const left = new Set([...transliterated].filter(isForeignLetter).map(base));
  return [...text.normalize("NFC")].filter((char) => isForeignLetter(char) && left.has(base(char)));
}

/** A letter or digit outside ASCII. */
function isForeignLetter(char: string): boolean {
  return /[^\0-\x7f]/.test(char) && /[\p{L}\p{N}]/u.test(char);
}

/** Cuts a long slug at the last hyphen that fits, so no word is broken. */
function truncate(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1).lastIndexOf("-");
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH);
}
