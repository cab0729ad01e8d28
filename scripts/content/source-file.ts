import type { ContentIssue } from "./issues.ts";

/** An article file split into its YAML front matter and Markdown body. */
export interface SourceParts {
  /** The YAML between the fences, exactly as written. */
  readonly yaml: string;
  /** 1-based line of the file on which the YAML starts (the line after the opening fence). */
  readonly yamlLine: number;
  /** The Markdown after the closing fence. */
  readonly body: string;
  /** 1-based line of the file on which the body starts. */
  readonly bodyLine: number;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const UTF8_LENIENT = new TextDecoder("utf-8", { fatal: false });

/**
 * Decodes a file as UTF-8, refusing anything else: a silent substitution would change
 * what the editor wrote. The byte-order mark, if any, is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | ContentIssue {
  if (bytes.length === 0) {
    return {
      file,
      line: 1,
      message: "The file is empty.",
      fix: "Write the front matter (title, date, section) between --- lines, then the article text.",
    };
  }
  // UTF-16 (what some Windows editors call "Unicode"): a byte-order mark, or a zero byte beside
  // every ASCII letter. Said as such: the Latin-1 guess below would send the editor wrong.
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0))
  ) {
    return {
      file,
      line: 1,
      message: 'The file is saved as UTF-16 ("Unicode"), not UTF-8.',
      fix: 'Save the file as UTF-8 in your editor ("Save with encoding" → UTF-8) and build again.',
    };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    // The fatal decoder does not say where; the lenient one marks the first bad byte with U+FFFD.
    const lenient = UTF8_LENIENT.decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")));
    const lines = before.split("\n");
    return {
      file,
      line: lines.length,
      column: (lines.at(-1)?.length ?? 0) + 1,
      message: "The file is not valid UTF-8 (it looks like Latin-1 or Windows-1252).",
      fix: 'Save the file as UTF-8 in your editor ("Save with encoding" → UTF-8) and build again.',
    };
  }
}

const FENCE = /^---[ \t]*$/;
const OPENING = /^---([^\r\n]*)$/;

/**
 * Splits a decoded article into YAML front matter and body. Only a plain `---` fence is
 * accepted: `---js` and friends would be executed by Eleventy, so they are refused outright
 * and never run.
 */
export function splitFrontMatter(text: string, file: string): SourceParts | ContentIssue {
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? "";
  const opening = OPENING.exec(first);
  if (!opening) {
    return {
      file,
      line: 1,
      message: "The file does not start with front matter.",
      fix: "Start the file with a line of three dashes (---), the YAML fields, and another --- line.",
    };
  }
  const language = (opening[1] ?? "").trim();
  if (language !== "" && language !== "yaml") {
    return {
      file,
      line: 1,
      column: 4,
      message: `Front matter in "${language}" is not allowed: only YAML is read, and it is never run as code.`,
      fix: "Replace the first line with plain --- and write the fields as YAML (title: ..., date: ...).",
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return {
      file,
      line: 1,
      message: "The front matter is never closed: no second --- line was found.",
      fix: "Add a line with three dashes (---) after the last front-matter field, before the article text.",
    };
  }
  return {
    yaml: lines.slice(1, close).join("\n"),
    yamlLine: 2,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}

/** True when a value returned by the helpers above is an issue rather than a result. */
export function isIssue(value: object): value is ContentIssue {
  return "message" in value && "fix" in value;
}
