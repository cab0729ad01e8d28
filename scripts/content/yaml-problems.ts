/**
 * YAML syntax errors in words an editor understands, each once, at the line that is wrong.
 *
 * The parser reports what it saw where it noticed it: two tabs under `sections:` gave five
 * errors, three of them about "implicit map keys" on correct lines, one advising to close a
 * quote there was none of. An editor needs the cause: a tab is found by reading the lines
 * themselves (every tab-indented line, in one message), and otherwise the first error is the
 * one explained (the rest follow from it), besides repeated fields, which are each their own.
 */
import type { YAMLError } from "yaml";
import type { ContentIssue } from "./issues.ts";

/** Where an offset in the YAML text is, as a line and column of the file. */
type Locate = (offset: number) => { readonly line: number; readonly column: number };

export interface YamlText {
  readonly text: string;
  readonly file: string;
  /** The file line the YAML starts on (1 for a whole YAML file). */
  readonly firstLine: number;
  readonly locate: Locate;
}

/** "lines 6, 7 and 9" */
function lineList(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(", ")} and ${lines.at(-1)}`;
}

/** One issue for every line indented with a tab, at the first; none when there is no such line. */
export function tabIssue(yaml: YamlText): ContentIssue | undefined {
  const lines = yaml.text
    .split("\n")
    .map((text, index) => ({ text, line: index + yaml.firstLine }))
    .filter(({ text }) => /^[ \t]*\t/.test(text) && text.trim() !== "");
  const [first] = lines;
  if (!first) return undefined;
  const numbers = lines.map(({ line }) => line);
  const subject = numbers.length === 1 ? "A tab indents" : "Tabs indent";
  return {
    file: yaml.file,
    line: first.line,
    column: 1,
    message: `${subject} ${lineList(numbers)}: YAML reads only spaces as indentation.`,
    fix: `Replace the tab${numbers.length === 1 ? "" : "s"} at the start of ${numbers.length === 1 ? "that line" : "those lines"} with spaces: two for each level, as the other indented lines have.`,
  };
}

/** The line of the file at `line`, as written. */
function textOf(yaml: YamlText, line: number): string {
  return yaml.text.split("\n")[line - yaml.firstLine] ?? "";
}

/** `key: value` as written on a line, when it reads like one. */
function fieldOf(text: string): { key: string; value: string } | undefined {
  const match = /^\s*(?:-\s+)?([^\s:#][^:]*?):\s+(.*)$/.exec(text);
  return match ? { key: match[1] ?? "", value: (match[2] ?? "").trim() } : undefined;
}

/** A value in double quotes, inner quotes escaped: what YAML reads back as the text. */
function quoted(value: string): string {
  return JSON.stringify(value);
}

const INDENT_FIX =
  "Start the fields of one group at the same column, two spaces further in than the group's name (under image:, src: and alt: both two spaces in), and top-level fields at the start of the line.";

/** What is said about one error; `line` when the error is on another line than noticed. */
interface Words {
  readonly message: string;
  readonly fix: string;
  readonly line?: number;
}

/** The words for one parser error noticed on `line`. */
function explain(yaml: YamlText, problem: YAMLError, line: number): Words {
  const text = textOf(yaml, line);
  const field = fieldOf(text);
  const said = (problem.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  switch (problem.code) {
    case "BAD_DQ_ESCAPE":
      return {
        message: `The value on line ${line} has a backslash (\\) that YAML reads as the start of an escape it does not know.`,
        fix: "Write a backslash as \\\\ inside double quotes, or put the value in single quotes instead.",
      };
    case "MISSING_CHAR":
      return {
        message: `The quote opened on line ${line} is never closed.`,
        fix: "Close the quote: a value that starts with \" or ' must end with the same mark on that line.",
      };
    case "DUPLICATE_KEY": {
      const key = field?.key ?? text.trim().replace(/:.*$/, "");
      return {
        message: `The field "${key}" is written a second time on line ${line}.`,
        fix: "Each field may appear once: delete or merge the repeated one.",
      };
    }
    case "BAD_SCALAR_START": {
      const value = field?.value ?? "";
      return {
        message: `The value on line ${line} starts with ${value.charAt(0) || "a reserved character"}, which YAML keeps for its own use.`,
        fix: `Put the value in quotes: ${field ? `${field.key}: ${quoted(value)}` : 'name: "value"'}.`,
      };
    }
    case "UNEXPECTED_TOKEN":
      return {
        message: `Line ${line} goes on after its value's closing quote.`,
        fix: `Quote the whole value; inside double quotes write a quote as \\", e.g. ${field ? `${field.key}: ${quoted(field.value.replace(/^"|"$/g, ""))}` : 'title: "\\"Kim\\" says"'}.`,
      };
    case "BLOCK_AS_IMPLICIT_KEY":
      if (field && /:\s/.test(field.value)) {
        return {
          message: `The value on line ${line} holds ": ", which YAML reads as the start of another field.`,
          fix: `Put the value in quotes: ${field.key}: ${quoted(field.value)}.`,
        };
      }
      return {
        message: `Line ${line} is indented differently from the field above it.`,
        fix: INDENT_FIX,
      };
    case "MULTILINE_IMPLICIT_KEY":
      if (!text.includes(":")) {
        const [name = "name", ...rest] = text.trim().split(/\s+/);
        return {
          message: `Line ${line} has no colon between the field's name and its value.`,
          fix: `Write it as name: value, e.g. ${name}: ${rest.join(" ") || "..."}.`,
        };
      }
      return {
        message: `Line ${line} is indented differently from the field above it.`,
        fix: INDENT_FIX,
      };
    case "BAD_INDENT":
      if (/flow sequence/i.test(said)) return unclosedList(yaml, line);
      return {
        message: `Line ${line} is indented differently from the fields above it.`,
        fix: INDENT_FIX,
      };
    case "TAG_RESOLVE_FAILED":
      return {
        message: `Line ${line} holds a YAML tag (a word starting with !).`,
        fix: "Remove the !tag: front matter holds plain values only.",
      };
    default:
      return {
        message: `Line ${line} is not valid YAML (${said.replace(/\.$/, "")}).`,
        fix: 'Write each field as "name: value", indent nested fields with two spaces, and quote values that contain ": " or start with a special character.',
      };
  }
}

/** A `[` list never closed: the parser notices on a later line; the editor needs the list's. */
function unclosedList(yaml: YamlText, noticed: number): Words {
  let line = noticed;
  for (let at = noticed; at >= yaml.firstLine; at--) {
    const text = textOf(yaml, at);
    if (text.includes("[") && !text.includes("]")) {
      line = at;
      break;
    }
  }
  const field = fieldOf(textOf(yaml, line));
  return {
    line,
    message: `The list opened with [ on line ${line} is never closed with ].`,
    fix: `End the list on the same line: ${field ? `${field.key}: ${field.value}]` : "tags: [North Korea, Nuclear talks]"}.`,
  };
}

/**
 * The issues for a document the parser refused: tab-indented lines if any (in one issue), else
 * the first error explained, and every repeated field. `openingQuote` finds where an unclosed
 * quote began (yaml.ts knows the document's nodes).
 */
export function yamlIssues(
  yaml: YamlText,
  problems: readonly YAMLError[],
  openingQuote: (problem: YAMLError) => number | undefined,
): ContentIssue[] {
  const tabs = tabIssue(yaml);
  if (tabs) return [tabs];
  const sorted = [...problems].sort((a, b) => a.pos[0] - b.pos[0]);
  const [first] = sorted;
  const chosen = sorted.filter((problem) => problem === first || problem.code === "DUPLICATE_KEY");
  return chosen.map((problem) => {
    const position = yaml.locate(openingQuote(problem) ?? problem.pos[0]);
    const words = explain(yaml, problem, position.line);
    const line = words.line ?? position.line;
    return {
      file: yaml.file,
      line,
      ...(line === position.line ? { column: position.column } : {}),
      message: words.message,
      fix: words.fix,
    };
  });
}
