/**
 * A file name that names no file, against the files that are there: `Street.JPG` when
 * `street.jpg` is beside index.md (names are case-sensitive on the servers that build sites, not
 * on the laptops that write them), or `phto.jpg` for `photo.jpg`. The fix then names the file
 * that exists, in the editor's own words.
 */
import { readdirSync } from "node:fs";
import { isTypingSlip } from "./suggest.ts";

/** The file in `folder` the editor most likely meant by `name`, or undefined. */
export function intendedFile(folder: string, name: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return undefined;
  }
  const lower = name.toLowerCase();
  return (
    entries.find((entry) => entry.toLowerCase() === lower) ??
    entries.find((entry) => isTypingSlip(name, entry))
  );
}

/**
 * The fix for a missing file: the one that exists, or where to put it. `where` is the folder as
 * the editor knows it (`content/articles/floods/`).
 */
export function missingFileFix(
  folder: string,
  name: string,
  write: (intended: string) => string,
  where: string,
  otherwise: string,
): string {
  const intended = intendedFile(folder, name);
  if (!intended) return otherwise;
  const how =
    intended.toLowerCase() === name.toLowerCase()
      ? "file names are case-sensitive on the server that builds the site"
      : "check the spelling";
  return `There is ${intended} in ${where}: write ${write(intended)} (${how}), or put ${name} there.`;
}
