import type { ContentIssue } from "./issues.ts";

/** Formats issues for a terminal, grouped by file, in the order they were found. */
export function formatIssues(issues: readonly ContentIssue[], color = false): string {
  const paint = (code: string, value: string) =>
    color ? `\u001b[${code}m${value}\u001b[0m` : value;
  const byFile = new Map<string, ContentIssue[]>();
  for (const issue of issues) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  const blocks = [...byFile.entries()].map(([file, fileIssues]) => {
    const lines = fileIssues.map((issue) => {
      const where = `${file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ""}` : ""}`;
      const field = issue.field ? ` ${paint("1", `[${issue.field}]`)}` : "";
      return `  ${paint("31", "✖")} ${where}${field}\n    ${issue.message}\n    ${paint("2", "Fix:")} ${issue.fix}`;
    });
    return `${paint("4", file)}\n${lines.join("\n")}`;
  });
  const files = byFile.size;
  const summary = `${issues.length} problem${issues.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}.`;
  return `${blocks.join("\n\n")}\n\n${paint("31", summary)}`;
}
