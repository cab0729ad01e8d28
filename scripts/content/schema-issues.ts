import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";
import { closestName } from "./suggest.ts";
import type { ParsedYaml } from "./yaml.ts";

/** What the mapping needs to know about the file being validated. */
export interface IssueContext {
  readonly file: string;
  readonly yaml: ParsedYaml;
  /** The line of the opening `---`, for fields that are missing altogether. */
  readonly fenceLine?: number;
  /** Known field names by level (`""`, `image`, ...), for suggestions. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /**
   * How to fix a problem in a field; `value` is what the editor wrote there, so the fix can be
   * made from it (the date with the site's offset, the section's slug).
   */
  fix(field: string, value?: unknown): string;
}

/**
 * Turns schema-validation failures into the project's issue shape, with the line and column
 * where the YAML parser saw the field and a "did you mean" for misspelt names.
 */
export function schemaIssues(error: z.ZodError, context: IssueContext): ContentIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((step): step is string | number => typeof step !== "symbol");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => unknownField(path, key, context));
    }
    const field = dotted(path);
    const missing = issue.message === "is required";
    // A missing field has no line of its own: a nested one is reported at its group's key; a
    // top-level one at the opening ---, not at whichever field happens to come first.
    const position = missing
      ? path.length > 1
        ? context.yaml.locate(path.slice(0, -1), "key")
        : undefined
      : context.yaml.locate(path);
    const line = position?.line ?? (missing && path.length === 1 ? context.fenceLine : undefined);
    return [
      {
        file: context.file,
        ...(line === undefined ? {} : { line }),
        ...(position && !missing ? { column: position.column } : {}),
        field,
        // Some messages (the date parser's) are whole sentences already: one full stop, not two.
        message: `${readable(path) || "The front matter"} ${issue.message.replace(/\.$/, "")}.`,
        fix: context.fix(field, valueAt(context.yaml.data, path)),
      },
    ];
  });
}

function unknownField(
  path: readonly (string | number)[],
  key: string,
  context: IssueContext,
): ContentIssue {
  const level = path.filter((step) => typeof step === "string").join(".");
  const known = context.fields[level] ?? [];
  const suggestion = closestName(key, known);
  const position = context.yaml.locate([...path, key], "key");
  const field = dotted([...path, key]);
  return {
    file: context.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    field,
    message: `"${field}" is not a known field.`,
    fix: suggestion
      ? `Did you mean "${suggestion}"? Rename the field, or remove it.`
      : `Remove it. Known fields${level ? ` of ${level}` : ""}: ${known.join(", ")}.`,
  };
}

/** The value written at `path`, or undefined. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function dotted(path: readonly (string | number)[]): string {
  return path.map(String).join(".");
}

/**
 * A field as an editor reads it in a message: list entries counted from 1 (`tags, entry 2,`;
 * `corrections, entry 3: text`), where `field` keeps the dotted path (`tags.1`).
 */
function readable(path: readonly (string | number)[]): string {
  let words = "";
  let afterEntry = false;
  for (const step of path) {
    if (typeof step === "number") {
      words += `, entry ${step + 1}`;
      afterEntry = true;
    } else {
      words += words === "" ? step : afterEntry ? `: ${step}` : `.${step}`;
      afterEntry = false;
    }
  }
  return afterEntry ? `${words},` : words;
}
