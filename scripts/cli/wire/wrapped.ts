/**
 * Wire copy wrapped at a fixed width: a paragraph broken over several lines. In copy that
 * separates its paragraphs with blank lines, a line broken mid-sentence (it ends in no stop,
 * question or exclamation mark, colon, closing quote or bracket) and the line right under it are
 * one paragraph; copy with no blank lines between paragraphs has one per line and is left as it
 * is. A line that starts like a list item (`- `, `* `, `• `, `1. `) or holds only an address (an
 * embed) keeps its own paragraph. Every join is reported, so nothing changes untold.
 */

/** A line of the copy, with its 1-based number in the file. */
export interface NumberedLine {
  readonly number: number;
  readonly text: string;
}

/** Lines `from` to `to` of the file became one paragraph. */
export interface JoinedLines {
  readonly from: number;
  readonly to: number;
}

const LIST_ITEM = /^(?:[-*•]|\d{1,3}[.)])\s/;
const ADDRESS_ONLY = /^https?:\/\/\S+$/;
/** How a paragraph (or a sentence) ends: a line that ends so is not a wrapped one. */
const ENDS_SENTENCE = /[.!?:;"”’')\]…]$/;

/** The body's paragraphs, with wrapped lines joined, and which lines were joined. */
export function joinWrappedLines(lines: readonly NumberedLine[]): {
  readonly paragraphs: NumberedLine[];
  readonly joined: JoinedLines[];
} {
  const blankSeparated = lines.some(
    (line, index) => index > 0 && line.number > (lines[index - 1]?.number ?? 0) + 1,
  );
  if (!blankSeparated) return { paragraphs: [...lines], joined: [] };
  const paragraphs: NumberedLine[] = [];
  const joined: JoinedLines[] = [];
  let last = -1;
  for (const line of lines) {
    const previous = paragraphs.at(-1);
    const wrappedHere =
      previous !== undefined &&
      line.number === last + 1 &&
      !ENDS_SENTENCE.test(previous.text) &&
      !ADDRESS_ONLY.test(previous.text) &&
      !LIST_ITEM.test(line.text) &&
      !ADDRESS_ONLY.test(line.text);
    if (previous && wrappedHere) {
      paragraphs[paragraphs.length - 1] = {
        number: previous.number,
        text: `${previous.text} ${line.text}`,
      };
      const group = joined.at(-1);
      if (group && group.from === previous.number)
        joined[joined.length - 1] = { ...group, to: line.number };
      else joined.push({ from: previous.number, to: line.number });
    } else {
      paragraphs.push(line);
    }
    last = line.number;
  }
  return { paragraphs, joined };
}
