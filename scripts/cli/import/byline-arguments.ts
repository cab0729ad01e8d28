/**
 * Checks `--author` and `--kind` against the contract and the project's author profiles, as the
 * build would: an entry written like a slug must be a profile's (with the closest suggested), a
 * name a typing slip from a profile's is refused (`--author "{name: Tan Hui Yi}"` for a
 * different person, shown as written),
 * the kind one of the contract's (with the closest suggested), and an opinion piece signed.
 */
import { isSlugLike, profileFor, profileIndex, profileSlip } from "../../content/author-entries.ts";
import type { BylineEntry } from "../../content/byline-entry.ts";
import type { ContentIssue } from "../../content/issues.ts";
import { ARTICLE_KINDS, type ArticleKind } from "../../content/kinds.ts";
import { loadProfiles } from "../../content/load-author.ts";
import { closestName, editDistance } from "../../content/suggest.ts";
import { argumentIssue } from "../wire/command.ts";
import { COMMAND, type ImportValues } from "./options.ts";
import type { ImportRequest } from "./request.ts";

/** `{name: Tan Hui Yi}`: a name printed as written, never taken for a profile's. */
const AS_WRITTEN = /^\{\s*name:\s*(.+?)\s*\}$/;

function isKind(value: string): value is ArticleKind {
  return (ARTICLE_KINDS as readonly string[]).includes(value);
}

/** The checked byline and kind, ready for the request; problems go to `issues`. */
export function checkByline(
  values: Pick<ImportValues, "author" | "kind">,
  root: string,
  issues: ContentIssue[],
): Pick<ImportRequest, "authors" | "kind"> {
  const authors = (values.author ?? []).map((name) => name.replace(/\s+/g, " ").trim());
  const entries: BylineEntry[] = [];
  const index = profileIndex(loadProfiles(root).profiles);
  const slugs = [...index.bySlug.keys()];
  for (const author of authors) {
    const asWritten = AS_WRITTEN.exec(author)?.[1]?.trim();
    if (asWritten) {
      entries.push({ name: asWritten });
      continue;
    }
    if (author !== "") entries.push(author);
    const slip = profileFor(author, index) ? undefined : profileSlip(author, index);
    if (author === "") {
      issues.push(
        argumentIssue(
          COMMAND,
          "--author",
          "An --author is empty.",
          'Give a name, e.g. --author "Jane Tan", or a profile\'s slug.',
        ),
      );
    } else if (isSlugLike(author) && !profileFor(author, index)) {
      const close =
        closestName(author, slugs) ??
        slugs.reduce<string | undefined>(
          (best, slug) =>
            best === undefined || editDistance(author, slug) < editDistance(author, best)
              ? slug
              : best,
          undefined,
        );
      issues.push(
        argumentIssue(
          COMMAND,
          "--author",
          `"${author}" is written like an author profile's slug, but there is no content/authors/${author}.yaml.`,
          close
            ? `Did you mean --author ${close}? Or give the name as bylines print it, e.g. --author "Jane Tan".`
            : `Create content/authors/${author}.yaml first, or give the name as bylines print it, e.g. --author "Jane Tan".`,
        ),
      );
    } else if (slip) {
      issues.push(
        argumentIssue(
          COMMAND,
          "--author",
          `"${author}" matches no author profile, but it is a typing slip away from the profile "${slip.name}" (${slip.sourcePath}).`,
          `If you meant ${slip.name}, give --author "${slip.name}" (or --author ${slip.slug}). If this is a different person, give --author "{name: ${author}}" to print the name exactly as written.`,
        ),
      );
    }
  }
  let kind: ArticleKind | undefined;
  if (values.kind !== undefined) {
    if (isKind(values.kind)) {
      kind = values.kind;
    } else {
      const close = closestName(values.kind, ARTICLE_KINDS);
      issues.push(
        argumentIssue(
          COMMAND,
          "--kind",
          `"${values.kind}" is not a kind of article${close ? ` (did you mean "${close}"?)` : ""}.`,
          `Give one of ${ARTICLE_KINDS.join(", ")}.`,
        ),
      );
    }
  }
  if (kind === "opinion" && authors.filter(Boolean).length === 0) {
    issues.push(
      argumentIssue(
        COMMAND,
        "--author",
        "An opinion piece must be signed, but no --author was given.",
        'Add the writer, e.g. --author "Jane Tan" or --author jane-tan (a profile\'s slug).',
      ),
    );
  }
  return { ...(entries.length > 0 ? { authors: entries } : {}), ...(kind ? { kind } : {}) };
}
