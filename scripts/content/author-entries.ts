/**
 * An article's `authors` entries against the author profiles (CONTENT.md, "Authors"): an entry
 * equal to a profile's slug or to its name links to that profile; any other entry is a name
 * shown as written, except one written like a slug, which must be a profile's (a typo in a slug
 * would otherwise print `jane-tna` in a byline), and one a typing slip away from a profile's name
 * or slug (`Tan Hui Ye` for the profile "Tan Hui Yee": the byline would lose its link and photo,
 * and the story its place on the author's page). A different person with a name that close is
 * written `{name: Tan Hui Yi}`, which is never checked against the profiles.
 */
import { type BylineEntry, isWrittenAsIs } from "./byline-entry.ts";
import { locateInArticle, locateInYamlFile, readFrontMatter } from "./field-place.ts";
import type { ContentIssue } from "./issues.ts";
import type { ProfileCard } from "./load-author.ts";
import { closestName, editDistance, isTypingSlip } from "./suggest.ts";

/** Lowercase a-z, 0-9 and hyphens: what an entry looks like when it means a profile's slug. */
const SLUG_LIKE = /^[a-z0-9-]+$/;

/** The profiles, found by slug and by name. */
export interface ProfileIndex {
  readonly bySlug: ReadonlyMap<string, ProfileCard>;
  readonly byName: ReadonlyMap<string, ProfileCard>;
}

/** Indexes profiles (sorted by slug, so a repeated name resolves the same way every build). */
export function profileIndex(profiles: Iterable<ProfileCard>): ProfileIndex {
  const sorted = [...profiles].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const byName = new Map<string, ProfileCard>();
  for (const profile of sorted) if (!byName.has(profile.name)) byName.set(profile.name, profile);
  return { bySlug: new Map(sorted.map((profile) => [profile.slug, profile])), byName };
}

/** The profile an entry links to: by slug first, then by name. */
export function profileFor(entry: string, index: ProfileIndex): ProfileCard | undefined {
  return index.bySlug.get(entry) ?? index.byName.get(entry);
}

/** Whether an entry is written like a slug, and so must name a profile. */
export function isSlugLike(entry: string): boolean {
  return SLUG_LIKE.test(entry);
}

/** An article's authors and where to find its file, for checking them. */
export interface AuthoredArticle {
  readonly sourcePath: string;
  readonly authors: readonly BylineEntry[];
}

/**
 * Entries written like a slug that match no profile, each reported at its line with the closest
 * profile suggested. `root` is the project root: the article is read again only to place an
 * entry that is wrong, so valid builds read nothing. Slugs in `invalid` have a profile file
 * that did not load: its own problems are reported, not the articles naming it.
 */
export function unknownAuthorIssues(
  articles: Iterable<AuthoredArticle>,
  index: ProfileIndex,
  root: string,
  invalid: ReadonlySet<string> = new Set(),
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const article of articles) {
    article.authors.forEach((entry, position) => {
      if (isWrittenAsIs(entry) || profileFor(entry, index) || invalid.has(entry)) return;
      const problem = isSlugLike(entry)
        ? {
            message: `"${entry}" is written like an author profile's slug, but there is no profile ${entry}.yaml.`,
            fix: suggestion(entry, index),
          }
        : slipIssue(entry, index);
      if (!problem) return;
      const where = locateInArticle(root, article.sourcePath, ["authors", position]);
      issues.push({
        file: article.sourcePath,
        ...(where ? { line: where.line, column: where.column } : {}),
        field: `authors.${position}`,
        ...problem,
      });
    });
  }
  return issues;
}

/**
 * A name a typing slip away from a profile's name or slug: most likely the profile, misspelt.
 * Undefined when no profile is that close (a name without a profile, shown as written).
 */
function slipIssue(
  entry: string,
  index: ProfileIndex,
): { message: string; fix: string } | undefined {
  const profile = profileSlip(entry, index);
  if (!profile) return undefined;
  return {
    message: `"${entry}" matches no author profile, but it is a typing slip away from the profile "${profile.name}" (${profile.sourcePath}): as written, the byline would not link to that profile or show its photo, and the story would be missing from the author's page.`,
    fix: `If you meant ${profile.name}, write ${profile.name} (or its slug, ${profile.slug}). If this is a different person, write {name: ${entry}} to show the name exactly as written.`,
  };
}

/** The profile whose name or slug `entry` is a typing slip away from, if any. */
export function profileSlip(entry: string, index: ProfileIndex): ProfileCard | undefined {
  return [...index.bySlug.values()].find(
    (candidate) => isTypingSlip(entry, candidate.name) || isTypingSlip(entry, candidate.slug),
  );
}

/** The fix for an entry that names no profile: the closest one, or how to make one. */
function suggestion(entry: string, index: ProfileIndex): string {
  const create = `create content/authors/${entry}.yaml (name: and the author's name)`;
  const asName = "or write a name without a profile as it should be printed, e.g. Jane Tan";
  const slugs = [...index.bySlug.keys()];
  if (slugs.length === 0) return `There are no author profiles yet: ${create}, ${asName}.`;
  const close = closestName(entry, slugs);
  if (close) return `Did you mean "${close}"? Correct the entry, ${create}, ${asName}.`;
  const nearest = slugs.reduce((best, slug) =>
    editDistance(entry, slug) < editDistance(entry, best) ? slug : best,
  );
  return `The closest profile is "${nearest}". Correct the entry, ${create}, ${asName}.`;
}

/** Profiles that share a name: an entry written as that name could not tell them apart. */
export function repeatedNameIssues(profiles: Iterable<ProfileCard>, root: string): ContentIssue[] {
  const first = new Map<string, ProfileCard>();
  const issues: ContentIssue[] = [];
  for (const profile of [...profiles].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const other = first.get(profile.name);
    if (!other) {
      first.set(profile.name, profile);
      continue;
    }
    const where = locateInYamlFile(root, profile.sourcePath, ["name"]);
    issues.push({
      file: profile.sourcePath,
      ...(where ? { line: where.line, column: where.column } : {}),
      field: "name",
      message: `${other.sourcePath} has the same name, "${profile.name}": a byline naming it could not tell the two apart.`,
      fix: "Give each profile the name its bylines print, with a middle initial or the like if two people share a name, or remove the duplicate profile.",
    });
  }
  return issues;
}

/**
 * The `authors` written in files that did not load (a mistake elsewhere in them): their entries
 * are checked with the valid ones', so an unknown or misspelt author is reported in the same run
 * as the file's other mistakes. Only entries written as the contract has them are taken; a
 * malformed `authors` field is the file's own mistake, already reported.
 */
export function authorsOfUnloaded(root: string, files: Iterable<string>): AuthoredArticle[] {
  const found: AuthoredArticle[] = [];
  for (const sourcePath of files) {
    const data = readFrontMatter(root, sourcePath)?.data;
    const written = (data as { authors?: unknown } | null | undefined)?.authors;
    if (!Array.isArray(written)) continue;
    const authors = written.filter(
      (entry): entry is BylineEntry =>
        (typeof entry === "string" && entry.trim() !== "") ||
        (typeof entry === "object" &&
          entry !== null &&
          typeof (entry as { name?: unknown }).name === "string"),
    );
    if (authors.length > 0) found.push({ sourcePath, authors });
  }
  return found;
}
