/** A problem in an article body: the line of index.md it is on, what is wrong, and the fix. */
export interface BodyIssue {
  readonly line: number;
  readonly message: string;
  readonly fix: string;
}
