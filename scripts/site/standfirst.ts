/**
 * A card's standfirst: what the editor wrote, as written; a standfirst the build took from the
 * first paragraph (cut at a word boundary to fit a meta description) is cut again at the end of
 * its last whole sentence, so a card never stops mid-phrase. Only when even the first sentence is
 * too long does the card keep the word boundary and its ellipsis.
 */

/** Words whose full stop ends no sentence: "Mr. Kim", "Dr. Tan", "No. 10", "U.S. officials". */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "no",
  "gen",
  "lt",
  "col",
  "sgt",
  "capt",
  "gov",
  "sen",
  "rep",
  "jr",
  "sr",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "e.g",
  "i.e",
]);

/** The defaults and why. */
export const STANDFIRST_DEFAULTS = {
  /** Below this, a cut at a sentence leaves too little to choose by: keep the word cut. */
  minimum: 40,
} as const;

/** Whether the full stop at `index` of `text` ends a sentence. */
function endsSentence(text: string, index: number): boolean {
  const char = text.charAt(index);
  if (char === "!" || char === "?") return true;
  if (char !== ".") return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(0, index))?.[1] ?? "";
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // Initials and acronyms with stops: "U.S.", "J. K."
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.length <= 3) return false;
  return true;
}

/**
 * `description` cut for a card. `written` says the editor wrote it (shown as written); a derived
 * one ends in `…` when the build cut it.
 */
export function cardStandfirst(description: string, written: boolean): string {
  const text = description.replace(/\s+/g, " ").trim();
  if (written || !text.endsWith("…")) return text;
  // The last sentence end (a stop, then a closing quote or bracket at most) before the cut,
  // looked for from the end: the plan cuts every card of the archive on every build, and a
  // search from the start tested every full stop of every standfirst.
  const closers = /["'\u201d\u2019)\]]/;
  for (let index = text.length - 2; index >= 0; index--) {
    if (!endsSentence(text, index)) continue;
    let end = index + 1;
    while (closers.test(text.charAt(end))) end++;
    if (text.charAt(end) !== " ") continue;
    return end >= STANDFIRST_DEFAULTS.minimum ? text.slice(0, end) : text;
  }
  return text;
}
