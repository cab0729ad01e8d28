import type { z } from "zod";
import type { Checked, ContentIssue } from "./issues.ts";
import { type IssueContext, schemaIssues } from "./schema-issues.ts";
import { decodeUtf8, isIssue, type SourceParts, splitFrontMatter } from "./source-file.ts";
import { type ParsedYaml, parseYaml } from "./yaml.ts";

/** A YAML mapping validated against a schema, with the parsed document kept for positions. */
export interface ValidatedYaml<T> {
  readonly value: T;
  readonly yaml: ParsedYaml;
}

type Schema<T> = z.ZodType<T>;
type Hints = Omit<IssueContext, "file" | "yaml" | "fenceLine"> & {
  /**
   * Rules between fields, run on the parsed mapping whether or not the schema passed (a rule
   * checks only the fields it compares, each parsed on its own), so one run reports them with
   * every other problem of the file.
   */
  readonly crossField?: (
    data: Readonly<Record<string, unknown>>,
    context: IssueContext,
  ) => ContentIssue[];
};

/**
 * Parses YAML text and validates it as a mapping against `schema`. Every problem is returned,
 * each with the file's own line numbers (`firstLine` is where the YAML starts).
 */
export function validateYaml<T>(
  text: string,
  file: string,
  firstLine: number,
  schema: Schema<T>,
  hints: Hints,
): Checked<ValidatedYaml<T>> {
  const yaml = parseYaml(text, file, firstLine);
  if (Array.isArray(yaml)) return { ok: false, issues: yaml };
  if (
    yaml.data === null ||
    yaml.data === undefined ||
    typeof yaml.data !== "object" ||
    Array.isArray(yaml.data)
  ) {
    const what = Array.isArray(yaml.data)
      ? "a list"
      : yaml.data == null
        ? "empty"
        : "a single value";
    // YAML from line 1 is a whole file (the site configuration), not an article's front
    // matter: name it as the editor knows it, and show its own fields as the example.
    const [subject, example] =
      firstLine > 1
        ? ["The front matter", "title: ..., date: ..., section: ..."]
        : [
            "The file",
            (hints.fields[""] ?? [])
              .slice(0, 3)
              .map((name) => `${name}: ...`)
              .join(", "),
          ];
    return {
      ok: false,
      issues: [
        {
          file,
          line: firstLine,
          message: `${subject} is ${what}, not a set of fields.`,
          fix: `Write one field per line as name: value (${example}), with no leading dash.`,
        },
      ],
    };
  }
  const context: IssueContext = { ...hints, file, yaml, fenceLine: Math.max(1, firstLine - 1) };
  const result = schema.safeParse(yaml.data);
  const crossField = hints.crossField?.(yaml.data as Record<string, unknown>, context) ?? [];
  if (!result.success) {
    return { ok: false, issues: [...schemaIssues(result.error, context), ...crossField] };
  }
  if (crossField.length > 0) return { ok: false, issues: crossField };
  return { ok: true, value: { value: result.data, yaml } };
}

/** Reads an article file's bytes into front matter and body, refusing non-UTF-8 and non-YAML. */
export function readSource(bytes: Uint8Array, file: string): SourceParts | ContentIssue {
  const decoded = decodeUtf8(bytes, file);
  if (isIssue(decoded)) return decoded;
  return splitFrontMatter(decoded.text, file);
}
