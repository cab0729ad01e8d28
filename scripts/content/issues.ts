/**
 * One shape for every problem Broadsheet reports about content, media or configuration,
 * so the build, `npm run import` and `npm run new` print them the same way.
 */
export interface ContentIssue {
  /** Path of the offending file, relative to the project root (forward slashes). */
  readonly file: string;
  /** 1-based line in `file`, where the parser knows it. */
  readonly line?: number;
  /** 1-based column in `file`, where the parser knows it. */
  readonly column?: number;
  /** The front-matter field, dotted for nested ones (`image.src`), when the problem is in one. */
  readonly field?: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it, in one sentence an editor can act on. */
  readonly fix: string;
}

/** The result of a step that validates untrusted input: a value, or every issue found. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ContentIssue[] };

/** Thrown when content is invalid; carries every issue so one run reports them all. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    const files = new Set(issues.map((issue) => issue.file)).size;
    super(
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`,
    );
    this.name = "ContentError";
    this.issues = issues;
  }
}
