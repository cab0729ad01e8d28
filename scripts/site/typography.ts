/**
 * Typographic quotes for what readers see: an editor types straight quotes (`"`, `'`) in a
 * headline, a standfirst, a caption or a name, and pages show curly ones, as the body's running
 * text has them. Display only: components call {@link curl} where they print a field; the stored
 * text, structured data, feeds and sitemaps keep what the editor wrote (docs/output.md,
 * "Typography").
 *
 * English rules, including the cases simple curling gets wrong:
 * - an apostrophe inside or after a word is `’` (Korea’s, the Joneses’);
 * - an elision at a word's start is `’`, not an opening quote: ’90s, ’em, ’tis, rock ’n’ roll;
 * - a quote after whitespace, an opening bracket, a dash or another opening quote opens (`“`,
 *   `‘`), anywhere else it closes (`”`, `’`); single quotes nest inside double ones;
 * - after a digit, outside a quotation, `'` and `"` are feet and inches: 5′11″.
 * Quotes already curly are left as they are.
 */

const OPENS_AFTER = /[\s([{\u2014\u2013\-/\u201c\u2018]/;
const DIGIT = /\d/;
const WORD = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Words English writes with a leading apostrophe (lowercase; the rest of the word follows). */
const ELISIONS = ["n'", "n ", "em", "tis", "twas", "til", "cause", "bout", "nuff"] as const;

/** Whether the text after a leading `'` makes it an elision: ’90s, ’n’, ’em, ’tis. */
function isElision(rest: string): boolean {
  if (/^\d\d(?:s\b|\b)/.test(rest)) return true;
  const lower = rest.toLowerCase();
  return ELISIONS.some((word) => {
    if (!lower.startsWith(word)) return false;
    const after = lower.charAt(word.length);
    return word.endsWith("'") || word.endsWith(" ") || after === "" || !WORD.test(after);
  });
}

/** `text` with straight quotes and apostrophes made typographic. */
export function curl(text: string): string {
  if (!text.includes("'") && !text.includes('"')) return text;
  let out = "";
  let openDouble = 0;
  let openSingle = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    // What was written before, as already curled: a quote just opened opens a nested one.
    const before = out.charAt(out.length - 1);
    const after = text.charAt(index + 1);
    if (char === '"') {
      if (DIGIT.test(before) && openDouble === 0) out += "\u2033";
      else if (before === "" || OPENS_AFTER.test(before)) {
        out += "\u201c";
        openDouble++;
      } else {
        out += "\u201d";
        openDouble = Math.max(0, openDouble - 1);
      }
      continue;
    }
    if (char !== "'") {
      out += char;
      continue;
    }
    if (DIGIT.test(before) && openSingle === 0 && !LETTER.test(after)) {
      out += "\u2032"; // feet, or minutes of arc: 5′11″
    } else if (
      WORD.test(before) ||
      before === "." ||
      before === "," ||
      before === "!" ||
      before === "?"
    ) {
      out += "\u2019"; // an apostrophe, or a closing quote
      if (!WORD.test(after) && openSingle > 0) openSingle--;
    } else if (isElision(text.slice(index + 1))) {
      out += "\u2019";
    } else if (before === "" || OPENS_AFTER.test(before)) {
      if (after === "" || /\s/.test(after)) out += "\u2019";
      else {
        out += "\u2018";
        openSingle++;
      }
    } else {
      out += "\u2019";
      openSingle = Math.max(0, openSingle - 1);
    }
  }
  return out;
}
