/**
 * Slugs editors pick (a front's stories and banner link, an article's `related`) checked against
 * the articles: a slug that names no article folder is an error at its line, with the slug the
 * editor probably meant; a story picked twice on one front is an error at the second pick.
 * Drafts and embargoed stories are articles: picking them is how a front is prepared the night
 * before (they are left out until published; see scripts/site/fronts.ts).
 */

import type { FrontFile, Place } from "./front-model.ts";
import type { ContentIssue } from "./issues.ts";
import { closestName, editDistance } from "./suggest.ts";

/** Every article an editor may pick, by slug (its folder's name). */
export interface KnownArticles {
  /** Every article folder, valid or not (an invalid one's own problems are reported). */
  readonly slugs: ReadonlySet<string>;
  /** Valid articles' headlines, for an editor who wrote a headline instead of a slug. */
  readonly titles: ReadonlyMap<string, string>;
}

/** Headlines are matched without case or surrounding space. */
export function titleKey(title: string): string {
  return title.trim().toLowerCase();
}

/** The fix for a slug that names no article: the closest slug, or the story with that headline. */
export function slugSuggestion(written: string, known: KnownArticles, what: string): string {
  const byTitle = known.titles.get(titleKey(written.replace(/-/g, " ")));
  if (byTitle)
    return `Did you mean "${byTitle}" (the story with that headline)? Write its slug, the name of its folder under content/articles.`;
  const slugs = [...known.slugs];
  if (slugs.length === 0)
    return `There are no articles yet: ${what} once its folder is under content/articles.`;
  const close = closestName(written, slugs);
  if (close)
    return `Did you mean "${close}"? Correct the slug (the name of the story's folder under content/articles).`;
  let nearest = slugs[0] as string;
  let best = editDistance(written, nearest);
  for (const slug of slugs) {
    const distance = editDistance(written, slug);
    if (distance < best) {
      best = distance;
      nearest = slug;
    }
  }
  return `No slug is close; the nearest is "${nearest}". Write the name of the story's folder under content/articles, or ${what} once it exists.`;
}

function at(place: Place): { line?: number; column?: number } {
  return {
    ...(place.line === undefined ? {} : { line: place.line }),
    ...(place.column === undefined ? {} : { column: place.column }),
  };
}

/** Every picked slug and banner link of every front that names no article, and every repeat. */
export function frontPickIssues(
  fronts: readonly FrontFile[],
  known: KnownArticles,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const front of fronts) {
    const file = front.sourcePath;
    const first = new Map<string, { container: number; line?: number }>();
    for (const [index, container] of (front.containers ?? []).entries()) {
      for (const [position, pick] of container.stories.entries()) {
        const field = `containers.${index}.stories.${position}`;
        if (!known.slugs.has(pick.slug)) {
          issues.push({
            file,
            ...at(pick.at),
            field,
            message: `"${pick.slug}" names no article: there is no folder content/articles/${pick.slug}.`,
            fix: slugSuggestion(pick.slug, known, "pick it"),
          });
          continue;
        }
        const earlier = first.get(pick.slug);
        if (earlier) {
          const where = `container ${earlier.container + 1}${earlier.line ? ` (line ${earlier.line})` : ""}`;
          issues.push({
            file,
            ...at(pick.at),
            field,
            message: `"${pick.slug}" is already picked in ${where}: a story appears at most once on a front.`,
            fix: "Remove one of the two picks.",
          });
          continue;
        }
        first.set(pick.slug, {
          container: index,
          ...(pick.at.line === undefined ? {} : { line: pick.at.line }),
        });
      }
    }
    const link = front.breaking?.link;
    if (link?.kind === "article" && !known.slugs.has(link.slug)) {
      issues.push({
        file,
        ...at(link.at),
        field: "breaking.link",
        message: `"${link.slug}" names no article, and is not an https address.`,
        fix: slugSuggestion(link.slug, known, "link to it"),
      });
    }
  }
  return issues;
}

/** An article's hand-picked related stories, and where to find its file. */
export interface RelatingArticle {
  readonly slug: string;
  readonly sourcePath: string;
  readonly related: readonly string[];
}

/**
 * Every `related` entry that names no article, names the article itself, or repeats an earlier
 * entry. `locate` finds where an entry was written (the file is read again only for an entry
 * that is wrong, so valid builds read nothing).
 */
export function relatedIssues(
  articles: Iterable<RelatingArticle>,
  known: KnownArticles,
  locate: (sourcePath: string, index: number) => { line: number; column: number } | undefined,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const article of articles) {
    const seen = new Set<string>();
    article.related.forEach((slug, index) => {
      const problem = !known.slugs.has(slug)
        ? {
            message: `"${slug}" names no article: there is no folder content/articles/${slug}.`,
            fix: slugSuggestion(slug, known, "add it"),
          }
        : slug === article.slug
          ? {
              message: `"${slug}" is this article itself.`,
              fix: "Remove it: related stories are other stories.",
            }
          : seen.has(slug)
            ? { message: `"${slug}" is listed twice.`, fix: "Remove the second entry." }
            : undefined;
      seen.add(slug);
      if (!problem) return;
      const where = locate(article.sourcePath, index);
      issues.push({
        file: article.sourcePath,
        ...(where ? { line: where.line, column: where.column } : {}),
        field: `related.${index}`,
        ...problem,
      });
    });
  }
  return issues;
}
