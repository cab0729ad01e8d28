/**
 * Reads the wire file named on the command line: UTF-8 text with a headline and a story under
 * it, parsed into its parts by `wire/parse.ts`. Anything else is an issue that says how to fix it.
 */
import type { ContentIssue } from "../../content/issues.ts";
import { decodeUtf8, isIssue } from "../../content/source-file.ts";
import { readInputFile, resolveInput } from "../wire/command.ts";
import { parseWire, type WireStory } from "../wire/parse.ts";

/** Reads and parses the wire file, refusing anything but UTF-8 text with a headline and a body. */
export function readWire(
  given: string,
  env: NodeJS.ProcessEnv,
  promotion: string,
): { story: WireStory } | { issues: ContentIssue[] } {
  const bytes = readInputFile(resolveInput(given, env), given);
  if (isIssue(bytes)) return { issues: [bytes] };
  const decoded = decodeUtf8(bytes, given);
  if (isIssue(decoded)) {
    // decodeUtf8's advice for an empty file is about articles' front matter.
    return {
      issues: [bytes.length === 0 ? { ...decoded, fix: "Export the wire story again." } : decoded],
    };
  }
  const parsed = parseWire(decoded.text, { promotion });
  if (parsed.ok) return { story: parsed.story };
  return {
    issues: [
      parsed.problem === "empty"
        ? {
            file: given,
            line: parsed.line,
            message: "The wire file has no text.",
            fix: "Export the wire story again: the headline on the first line, then the story.",
          }
        : {
            file: given,
            line: parsed.line,
            message: "The wire file has a headline but no story under it.",
            fix: "Export the whole wire story: the headline on the first line, then its paragraphs.",
          },
    ],
  };
}
