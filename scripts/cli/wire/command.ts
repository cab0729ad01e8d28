/**
 * What `npm run import` and `npm run new` share: reading the command line, checking the
 * arguments against the site, and printing problems with the build's one reporter.
 */
import { accessSync, constants, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { DateTime } from "luxon";
import { parseOffsetDate } from "../../content/dates.ts";
import type { Checked, ContentIssue } from "../../content/issues.ts";
import { SLUG_PATTERN } from "../../content/load-article.ts";
import { loadSite } from "../../content/load-site.ts";
import type { Site } from "../../content/model.ts";
import { type ContentOptions, contentOptionsFromEnv } from "../../content/options.ts";
import { formatIssues } from "../../content/report.ts";
import { closestName, isTypingSlip } from "../../content/suggest.ts";
import type { MadeSlug } from "./slug.ts";

/** Something the tool did not map or had to leave out; printed, never an error. */
export interface Warning {
  readonly message: string;
  /** Text from the input that the editor may want to use by hand, quoted under the message. */
  readonly text?: string;
}

/**
 * A problem with the command line. The reporter groups issues by file; the command stands in
 * for one, as `SITE_URL (environment variable)` does in the build.
 */
export function argumentIssue(
  command: string,
  option: string,
  message: string,
  fix: string,
): ContentIssue {
  return { file: `npm run ${command} (command line)`, field: option, message, fix };
}

/**
 * The issue for a command line that `parseArgs` refused, in an editor's words: an unknown option
 * with the closest known one, a word starting with a hyphen (a headline like "-5C cold snap")
 * and how to pass it, an option without its value. Node's own wording otherwise.
 */
function unreadableArguments(
  command: string,
  error: unknown,
  usage: string,
  known: readonly string[],
  argv: readonly string[],
): ContentIssue {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    if (unknown.startsWith("--") && unknown !== "---") {
      // A typing slip only ("--sectoin"): "--bogus" is no near miss of "--focus".
      const meant = known.find((name) => isTypingSlip(unknown.slice(2), name));
      return argumentIssue(
        command,
        "arguments",
        `There is no option ${unknown}.`,
        meant
          ? `Did you mean --${meant}? ${usage}`
          : `The options are ${known.map((name) => `--${name}`).join(", ")}. ${usage}`,
      );
    }
    // Node names only the first letters ("-5" of "-5C cold snap"): the editor's whole text.
    const written = argv.find((argument) => argument.startsWith(unknown)) ?? unknown;
    return argumentIssue(
      command,
      "arguments",
      `"${written}" starts with a hyphen, so it is read as an option, and there is no such option.`,
      `To give text that starts with a hyphen (a headline like "-5C cold snap hits Seoul"), put -- before it, after the options: npm run ${command} -- --section asia -- "-5C cold snap hits Seoul". ${usage}`,
    );
  }
  const missing = /^Option '(-[^ ']+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && missing) {
    return argumentIssue(
      command,
      "arguments",
      `${missing} needs a value after it, and none was given.`,
      `Write the value after ${missing}, e.g. ${missing} asia. ${usage}`,
    );
  }
  return argumentIssue(command, "arguments", message.replace(/\.?$/, "."), usage);
}

/**
 * The project in the working folder, as the build sees it: its options from the environment
 * (BROADSHEET_NOW, PATH_PREFIX, SITE_URL) and its validated site configuration.
 */
function loadProject(
  env: NodeJS.ProcessEnv,
): Checked<{ readonly options: ContentOptions; readonly site: Site }> {
  let options: ContentOptions;
  try {
    options = contentOptionsFromEnv(env);
  } catch (error) {
    // contentOptionsFromEnv throws only for a BROADSHEET_NOW it cannot read.
    return {
      ok: false,
      issues: [
        {
          file: "BROADSHEET_NOW (environment variable)",
          field: "BROADSHEET_NOW",
          message: error instanceof Error ? error.message : String(error),
          fix: "Unset BROADSHEET_NOW to use the current time, or write it like 2019-06-23T12:00:00+08:00.",
        },
      ],
    };
  }
  const site = loadSite(options);
  return site.ok ? { ok: true, value: { options, site: site.value } } : site;
}

/** A command's option table, as `parseArgs` takes it. */
type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** The option values `parseArgs` gives for a command's option table. */
export type OptionValues<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true }>
>["values"];

/** A command line read and its project loaded, or the exit code the command stops with. */
export type CommandStart<T extends ParseArgsOptionsConfig> =
  | { readonly exit: number }
  | {
      readonly values: OptionValues<T>;
      readonly positionals: readonly string[];
      readonly options: ContentOptions;
      readonly site: Site;
    };

/**
 * What every command does first: read the command line strictly, answer `--help`, and load
 * the project's site configuration, printing any problem with the build's reporter.
 */
export function startCommand<T extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  config: T,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): CommandStart<T> {
  let parsed: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    printIssues([
      unreadableArguments(command, error, `Use it like this: ${usage}`, Object.keys(config), argv),
    ]);
    return { exit: 1 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(`Usage: ${usage}`);
    return { exit: 0 };
  }
  const project = loadProject(env);
  if (!project.ok) {
    printIssues(project.issues);
    return { exit: 1 };
  }
  return { values: parsed.values, positionals: parsed.positionals, ...project.value };
}

/** Prints issues to stderr with the build's reporter, in colour on a terminal. */
export function printIssues(issues: readonly ContentIssue[]): void {
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  console.error(formatIssues(issues, color));
}

/** Prints warnings to stderr, each with the input text it concerns. */
export function printWarnings(warnings: readonly Warning[]): void {
  for (const warning of warnings) {
    console.error(`⚠ ${warning.message}`);
    if (warning.text !== undefined) console.error(`    ${JSON.stringify(warning.text)}`);
  }
}

/** Checks `--section` against the site's sections, suggesting the closest one. */
export function checkSection(
  command: string,
  value: string | undefined,
  site: Site,
): ContentIssue | undefined {
  const sections = site.sections.map((section) => section.slug);
  const list = `one of the site's sections: ${sections.join(", ")}`;
  if (value === undefined || value.trim() === "") {
    return argumentIssue(command, "--section", "No section was given.", `Add --section, ${list}.`);
  }
  if (sections.includes(value)) return undefined;
  const close = closestName(value, sections);
  return argumentIssue(
    command,
    "--section",
    `"${value}" is not a section of this site.`,
    `${close ? `Did you mean --section ${close}? ` : ""}Use ${list} (see content/_data/site.yaml).`,
  );
}

/** Checks `--date` with the build's own date rules. */
export function checkDate(
  command: string,
  value: string | undefined,
): { date: DateTime } | { issue: ContentIssue } {
  const example = "e.g. --date 2019-06-23T11:05:00+08:00";
  if (value === undefined || value.trim() === "") {
    return {
      issue: argumentIssue(
        command,
        "--date",
        "No publication date was given.",
        `Add --date with the time and UTC offset, ${example}.`,
      ),
    };
  }
  const parsed = parseOffsetDate(value);
  if (!parsed.ok) {
    return {
      issue: argumentIssue(
        command,
        "--date",
        parsed.message,
        `Write the date as ISO 8601 with its UTC offset, ${example}.`,
      ),
    };
  }
  return { date: parsed.value };
}

/** What the editor should know about a slug made from a headline, if anything. */
export function slugWarning(made: MadeSlug): Warning | undefined {
  switch (made.kind) {
    case "transliterated":
      return undefined;
    case "partial":
      return {
        message: `Some letters of the headline have no plain ASCII spelling and are not in the slug "${made.slug}": ${made.dropped}. Choose the slug yourself with --slug if it does not read well.`,
      };
    case "fallback":
      return {
        message: `The headline could not be spelled in ASCII letters, so the article's slug (the last part of its URL) is "${made.slug}". Choose a readable one with --slug, e.g. --slug china-us-trade-talks.`,
      };
  }
}

/** Checks a `--slug` the editor chose. */
export function checkSlug(command: string, slug: string): ContentIssue | undefined {
  if (SLUG_PATTERN.test(slug)) return undefined;
  return argumentIssue(
    command,
    "--slug",
    `"${slug}" is not a valid slug (it becomes the article's URL).`,
    "Use lowercase letters a-z, digits and single hyphens, e.g. --slug kim-receives-letter.",
  );
}

/**
 * Where a file named on the command line is. npm runs scripts from the project root, but an
 * editor types paths relative to the folder they are in, which npm passes on as INIT_CWD.
 */
export function resolveInput(given: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), given);
}

/**
 * Checks that a file named on the command line is a readable regular file. `file` is how the
 * issue names it: the path as the editor typed it.
 */
export function checkReadableFile(absolute: string, file: string): ContentIssue | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    return {
      file,
      message: `There is no file ${file} (looked for ${absolute}).`,
      fix: "Check the path: it is read from the folder you ran the command in.",
    };
  }
  if (!isFile) {
    return {
      file,
      message: `${file} is a folder or a device, not a file.`,
      fix: "Name the file itself.",
    };
  }
  try {
    accessSync(absolute, constants.R_OK);
  } catch {
    return {
      file,
      message: `${file} cannot be read (permission denied).`,
      fix: "Make the file readable (chmod +r) or copy it somewhere you can read it.",
    };
  }
  return undefined;
}

/** Reads a file named on the command line, or says why it cannot be read. */
export function readInputFile(absolute: string, file: string): Uint8Array | ContentIssue {
  const problem = checkReadableFile(absolute, file);
  if (problem) return problem;
  try {
    return readFileSync(absolute);
  } catch (error) {
    return {
      file,
      message: `${file} could not be read (${error instanceof Error ? error.message : String(error)}).`,
      fix: "Check that the file is readable and try again.",
    };
  }
}

/** The page's address on the dev server (`npm start`), under the site's path prefix. */
export function previewUrl(site: Site, articleUrl: string): string {
  return `http://localhost:8080${site.pathPrefix}${articleUrl.replace(/^\//, "")}`;
}

/**
 * What `npm run new` and `npm run import` say about the draft they wrote: it stays off the site
 * until the editor publishes it, and how.
 */
export function publishHint(file: string): string[] {
  return [
    "It is a draft (draft: true): npm start shows it, but builds leave it out until you publish it.",
    `To publish: in ${file}, change draft: true to draft: false (or delete that line), then run npm run build.`,
  ];
}
