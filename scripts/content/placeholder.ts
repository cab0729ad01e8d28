/**
 * The line `npm run new` starts a story's body with: obviously not a story. A story about to be
 * published that still holds it is a mistake (a draft may hold it: it is being written).
 */
import type { ContentIssue } from "./issues.ts";

/** The placeholder, as `npm run new` writes it. */
export const PLACEHOLDER_LINE = "Write the story here.";

/** The issue for a body still holding the placeholder line, at its line of the file. */
export function placeholderIssue(
  body: string,
  file: string,
  bodyLine: number,
): ContentIssue | undefined {
  const at = body.split(/\r?\n/).findIndex((line) => line.trim() === PLACEHOLDER_LINE);
  if (at === -1) return undefined;
  return {
    file,
    line: bodyLine + at,
    message: `The story still holds npm run new's placeholder line, "${PLACEHOLDER_LINE}", and it is not a draft: it would be published as it stands.`,
    fix: "Replace that line with the story, or keep draft: true until it is written.",
  };
}
