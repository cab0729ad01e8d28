/**
 * Wire copy is plain text, but the article body is Markdown: a reporter's `#1 seed`, `> 50 dead`
 * or `*Exclusive*` would otherwise turn into a heading, a quote or emphasis. Each function here
 * escapes only what would form markup, so ordinary copy (the seed's included) is unchanged.
 */

/**
 * Escapes one paragraph of plain text (one line, trimmed) so the Markdown renderer shows it as
 * written.
 *
 * @example escapeMarkdown("# 1 seed out") // "\\# 1 seed out"
 * @example escapeMarkdown("Kim said \"yes\".") // unchanged
 */
export function escapeMarkdown(paragraph: string): string {
  return escapeLineStart(escapeInline(paragraph));
}

/** Characters that form markup anywhere in a line. */
function escapeInline(text: string): string {
  return (
    text
      // First, so the backslashes added below are not doubled.
      .replace(/\\/g, "\\\\")
      .replace(/[`*[]/g, (char) => `\\${char}`)
      // An underscore inside a word never forms emphasis (snake_case); at a word's edge it may.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
      // An autolink or (were raw HTML ever allowed) a tag; "a < b" is left alone.
      .replace(/<(?=[A-Za-z/!?])/g, "\\<")
      // An entity such as &amp; would show as "&".
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
      // Strikethrough needs two tildes; a single "~10%" stays as it is.
      .replace(/~{2,}/g, (run) => run.replace(/~/g, "\\~"))
  );
}

/**
 * Characters that start a block (heading, quote, list, rule, a `:::` gallery or pull quote) only
 * at the start of a line, and a line that is one URL, which would become an embed or a link.
 */
function escapeLineStart(text: string): string {
  return text
    .replace(/^:(?=::)/, "\\:")
    .replace(/^(https?):(?=\/\/\S+$)/i, "$1\\:")
    .replace(/^([#>])/, "\\$1")
    .replace(/^([-+])(?=\s|$)/, "\\$1")
    .replace(/^(-)(?= *-(?: *-)+ *$)/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * The article body: each paragraph escaped, paragraphs separated by one blank line, ending with
 * a newline.
 */
export function bodyMarkdown(paragraphs: readonly string[]): string {
  return `${paragraphs.map(escapeMarkdown).join("\n\n")}\n`;
}
