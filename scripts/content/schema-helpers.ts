import { z } from "zod";
import { parseOffsetDate } from "./dates.ts";

/** How a YAML value looks to an editor, for "must be text, not a number" messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  return `"${String(value)}"`;
}

/** Plain text; a missing value is reported as missing, anything else by what it is. */
export const text = () =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? "is required" : `must be text, not ${describeValue(issue.input)}`,
  });

/** Non-empty plain text, trimmed. */
export const line = () => text().trim().min(1, { error: "is empty" });

/** An optional field: YAML's empty value (`field:` with nothing after it) counts as absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);

/** A list of non-empty text entries. */
export const textList = () =>
  z.array(line(), {
    error: (issue) => `must be a list, not ${describeValue(issue.input)}`,
  });

/** A file name beside index.md: no folders, no way out of the article's folder. */
export const fileName = () =>
  line()
    .regex(/^[^/\\]+$/, { error: "must be a file name beside index.md, without folders" })
    .refine((name) => name !== "." && name !== ".." && !name.startsWith("."), {
      error: "must be a visible file name beside index.md",
    });

/**
 * The error for a field that must be a group of indented fields: zod's own ("expected object,
 * received string") means nothing to an editor who wrote `image: photo.jpg`.
 */
export const group = (example: string) => ({
  error: (issue: { code?: string; input?: unknown }) =>
    issue.code !== "invalid_type"
      ? undefined
      : issue.input === undefined
        ? "is required"
        : `must be a group of fields on indented lines (${example}), not ${describeValue(issue.input)}`,
});

/** An ISO 8601 date-time with offset, parsed to a luxon DateTime. */
export const dateTime = () =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? "is required"
          : `must be a date and time, not ${describeValue(issue.input)}`,
    })
    .transform((value, context) => {
      const parsed = parseOffsetDate(value);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    });
