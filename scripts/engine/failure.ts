/**
 * What a build that failed for a reason other than its content says: where it got to, what state
 * it left the published folder in, and what to do. It must be true: "nothing was published" only
 * when the folder was not touched.
 */
import { errorCode } from "./cache-write.ts";
import { PublishError } from "./transaction.ts";

/** The code of an error or of any error it wraps. */
function codeOf(error: unknown): string | undefined {
  for (let at: unknown = error; at instanceof Error; at = at.cause) {
    const code = errorCode(at);
    if (code) return code;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The lines printed for a failed build. `stage` says where it got to (`after making images`),
 * `output` names the published folder (`_site/`).
 */
export function failureReport(error: unknown, stage: string, output: string): string {
  const lines: string[] = [];
  if (error instanceof PublishError) {
    lines.push(`Build failed while publishing: ${messageOf(error)}`);
    if (error.condition === "untouched") {
      lines.push(
        `Nothing was published: ${output} is as it was before this build. The next \`npm run build\` publishes it.`,
      );
    } else if (error.condition === "partly updated") {
      lines.push(
        `${output} is partly updated (${error.done} of ${error.total} changes made): every file in it is whole and no page links to a file that is not there, but some pages are this build's and some the last one's. The next \`npm run build\` finishes the update.`,
      );
    } else {
      lines.push(
        `${output} holds this build's site, but the record of it was not saved. The next \`npm run build\` checks the files this build changed and records them.`,
      );
    }
  } else {
    lines.push(`Build failed ${stage}: ${messageOf(error)}`);
    lines.push(`Nothing was published: ${output} is as it was before this build.`);
  }
  // As the content reporter ends each problem: what to do about it.
  if (codeOf(error) === "ENOSPC") {
    lines.push("Fix: The disk is full: free some space, then run `npm run build` again.");
  } else if (error instanceof PublishError) {
    lines.push(
      "Fix: Run `npm run build` again; if it fails the same way, correct what the first line names.",
    );
  } else {
    lines.push(
      "Fix: Correct what the first line names, then run `npm run build` again (DEBUG=1 shows where the build stopped).",
    );
  }
  return lines.join("\n");
}
