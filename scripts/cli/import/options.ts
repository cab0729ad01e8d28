/**
 * The command line of `npm run import`: its options, as `parseArgs` reads them, and the usage
 * line every argument problem quotes. A new flag is one entry here, checked in `arguments.ts`.
 */
import type { OptionValues } from "../wire/command.ts";

/** The command's name, as the reporter prints it: `npm run import (command line)`. */
export const COMMAND = "import";

export const USAGE =
  "npm run import -- <wire.txt> --section <slug> --date <ISO 8601 with offset> " +
  '[--photo <file> --alt "<text>" [--focus <x>,<y>]] ' +
  '[--video-id <digits> --video-thumbnail <file> [--video-title "<text>"]] ' +
  '[--tags "<tag>, <tag>"] [--author "<name or profile slug>" ...] [--kind <kind>] ' +
  "[--slug <slug>] [--publish] [--force]";

export const OPTIONS = {
  section: { type: "string" },
  date: { type: "string" },
  photo: { type: "string" },
  alt: { type: "string" },
  focus: { type: "string" },
  "video-id": { type: "string" },
  "video-thumbnail": { type: "string" },
  "video-title": { type: "string" },
  tags: { type: "string" },
  // One flag per author, as a name may hold a comma ("Tan, Jr."): --author a --author b.
  author: { type: "string", multiple: true },
  kind: { type: "string" },
  slug: { type: "string" },
  // Imports are drafts, so wire copy is read before it is published; --publish skips that.
  publish: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** The option values as read, before any is checked. */
export type ImportValues = OptionValues<typeof OPTIONS>;
