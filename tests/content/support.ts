/**
 * Shared pieces of the content-validation suite: one way to load a fixture, and one way to
 * assert that an issue names the right file, field, line and words.
 */
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import type { Checked, ContentIssue } from "../../scripts/content/issues.ts";
import { loadContent, type SiteContent } from "../../scripts/content/load.ts";
import type { Article } from "../../scripts/content/model.ts";
import type { ContentOptions } from "../../scripts/content/options.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

/** The build's "now" in every test: embargoes are measured from it. */
export const NOW = DateTime.fromISO("2026-01-01T00:00:00Z");

/** The path every issue about an article must name. */
export function articlePath(slug: string): string {
  return `content/articles/${slug}/index.md`;
}

/** Runs `body` against a fresh fixture project, removing it afterwards. */
export function withSite<T>(body: (site: FixtureSite) => T, options: { seed?: boolean } = {}): T {
  const site = createFixtureSite(options);
  try {
    return body(site);
  } finally {
    site.remove();
  }
}

/** Loads a fixture as a production build at {@link NOW} would. */
export function load(
  site: FixtureSite,
  overrides: Partial<ContentOptions> = {},
): Checked<SiteContent> {
  return loadContent({
    root: site.root,
    now: NOW,
    includeDrafts: false,
    includeFuture: false,
    ...overrides,
  });
}

/** Writes one article and loads the fixture: the shape of most tests here. */
export function loadOne(
  site: FixtureSite,
  slug: string,
  source: string | Uint8Array,
): Checked<SiteContent> {
  site.article(slug, source);
  return load(site);
}

/** Loads an article built from {@link articleSource} with `fields` changed. */
export function loadFields(
  fields: Record<string, string>,
  body?: string,
  slug = "an-article",
): { result: Checked<SiteContent>; file: string } {
  return withSite((site) => ({
    result: loadOne(site, slug, articleSource(fields, body)),
    file: articlePath(slug),
  }));
}

/** The loaded content, failing the test with the issues if there were any. */
export function expectValid(result: Checked<SiteContent>): SiteContent {
  if (!result.ok)
    assert.fail(`expected valid content, got:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

/** The issues, failing the test if the content loaded. */
export function expectInvalid<T>(result: Checked<T>): readonly ContentIssue[] {
  assert.equal(result.ok, false, "expected the content to be rejected");
  if (result.ok) throw new Error("unreachable");
  return result.issues;
}

export interface ExpectedIssue {
  readonly file: string;
  /** The field the issue must name; `null` when it must name none (a file-level problem). */
  readonly field?: string | null;
  readonly line?: number;
  readonly column?: number;
  /** Words (case-insensitive) or patterns the message must contain. */
  readonly message?: readonly (string | RegExp)[];
  /** Words (case-insensitive) or patterns the fix must contain. */
  readonly fix?: readonly (string | RegExp)[];
}

/**
 * Asserts the load failed with an issue for `expected.file` (and `expected.field`, when given)
 * whose line, column, message and fix are as expected; returns that issue.
 */
export function expectIssue<T>(result: Checked<T>, expected: ExpectedIssue): ContentIssue {
  const issues = expectInvalid(result);
  const candidates = issues.filter(
    (issue) =>
      issue.file === expected.file &&
      (expected.field === undefined ||
        (expected.field === null ? issue.field === undefined : issue.field === expected.field)),
  );
  const shown = JSON.stringify(issues, null, 2);
  assert.ok(
    candidates.length > 0,
    `no issue for ${expected.file}${expected.field ? ` field ${expected.field}` : ""}; got:\n${shown}`,
  );
  // With several issues for one field, the one that says the expected words is the one meant.
  const issue =
    candidates.find((candidate) => mentions(candidate.message, expected.message ?? [])) ??
    candidates[0];
  if (!issue) throw new Error("unreachable");
  if (expected.line !== undefined) assert.equal(issue.line, expected.line, `line of:\n${shown}`);
  if (expected.column !== undefined)
    assert.equal(issue.column, expected.column, `column of:\n${shown}`);
  assertMentions(issue.message, expected.message ?? [], "message");
  assertMentions(issue.fix, expected.fix ?? [], "fix");
  assert.ok(
    issue.message.trim().length > 0 && issue.fix.trim().length > 0,
    "message and fix are both said",
  );
  assert.doesNotMatch(issue.message, /\.\.$/, "the message ends with one full stop");
  return issue;
}

function mentions(text: string, words: readonly (string | RegExp)[]): boolean {
  return words.every((word) =>
    typeof word === "string" ? text.toLowerCase().includes(word.toLowerCase()) : word.test(text),
  );
}

function assertMentions(text: string, words: readonly (string | RegExp)[], what: string): void {
  for (const word of words) {
    assert.ok(
      mentions(text, [word]),
      `${what} ${JSON.stringify(text)} should mention ${String(word)}`,
    );
  }
}

/** A valid site configuration, written out so tests can break one line of it at a time. */
export const SITE_YAML = `name: The Broadsheet Times
url: https://www.broadsheet.example
language: en-SG
timeZone: Asia/Singapore
sections:
  - slug: singapore
    name: Singapore
  - slug: asia
    name: Asia
  - slug: world
    name: World
brightcove:
  accountId: "9876543210001"
  playerId: default
logo:
  src: logo.svg
  alt: The Broadsheet Times
promotion:
  text: Join ST's Telegram channel and get the latest breaking news delivered to you.
  url: https://t.me/straitstimes
`;

/** The 1-based line of `SITE_YAML`-like text on which `fragment` first appears. */
export function lineOf(text: string, fragment: string): number {
  const index = text.indexOf(fragment);
  assert.ok(index >= 0, `fixture text should contain ${fragment}`);
  return text.slice(0, index).split("\n").length;
}

/** The HTML of a body's running text (its html blocks, joined): what the page shows as text. */
export function bodyHtml(article: Pick<Article, "body"> | undefined): string {
  return (article?.body ?? []).map((block) => (block.kind === "html" ? block.html : "")).join("");
}
