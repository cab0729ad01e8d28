/**
 * Wire agencies as a newsroom writes them in `sources`. Datelines set agencies in capitals
 * (`(BLOOMBERG, REUTERS, AFP)`); the article credits them as they spell their own names, and
 * the page puts them back in capitals for the dateline lead.
 */

/**
 * Names that neither rule below gets right: abbreviations that stand for a longer name, and
 * names whose capitals are not simply the first letter of each word.
 */
const KNOWN_AGENCIES: Readonly<Record<string, string>> = {
  NYT: "The New York Times",
  NYTIMES: "The New York Times",
  "NEW YORK TIMES": "The New York Times",
  WSJ: "The Wall Street Journal",
  "WALL STREET JOURNAL": "The Wall Street Journal",
  WPOST: "The Washington Post",
  "WASHINGTON POST": "The Washington Post",
  "ABC NEWS": "ABC News",
  "CBS NEWS": "CBS News",
  "NBC NEWS": "NBC News",
  "BBC NEWS": "BBC News",
  "CNN BUSINESS": "CNN Business",
  DPA: "dpa",
};

/** Joining words kept lowercase inside a multi-word name ("Voice of America"). */
const SMALL_WORDS = new Set(["of", "the", "and", "for", "in", "on", "at", "de", "du", "la"]);

/** Short all-capital names are acronyms (AFP, AP, KCNA) and stay as they are. */
const MAX_ACRONYM_LENGTH = 4;

/**
 * The conventional spelling of an agency named in a dateline.
 *
 * @example agencyName("BLOOMBERG") // "Bloomberg"
 * @example agencyName("AFP") // "AFP"
 * @example agencyName("NYTIMES") // "The New York Times"
 * @example agencyName("VOICE OF AMERICA") // "Voice of America"
 */
export function agencyName(written: string): string {
  const name = written.replace(/\s+/g, " ").trim();
  const known = KNOWN_AGENCIES[name.toUpperCase()];
  if (known) return known;
  // An agency already written in mixed case is spelled as its reporter meant it.
  if (name !== name.toUpperCase()) return name;
  if (!name.includes(" ") && name.replace(/[^\p{L}]/gu, "").length <= MAX_ACRONYM_LENGTH) {
    return name;
  }
  return name
    .toLowerCase()
    .split(" ")
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : capitalise(word)))
    .join(" ");
}

/** "france-presse" → "France-Presse": every part of a hyphenated word gets its capital. */
function capitalise(word: string): string {
  return word.replace(
    /(^|[-'’])(\p{L})/gu,
    (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
  );
}
