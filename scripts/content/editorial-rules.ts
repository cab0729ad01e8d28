/**
 * The editorial rules an article's fields must keep together, beyond each field's own schema,
 * and what they change in the body: opinion is signed, corrections are shown oldest first, and
 * a sponsored piece's links are marked as paid for.
 */
import { z } from "zod";
import { type ArticleFrontMatter, dateOrderIssues } from "./article-schema.ts";
import type { BodyBlock } from "./body/blocks.ts";
import type { ContentIssue } from "./issues.ts";
import { type ArticleKind, kindSchema } from "./kinds.ts";
import type { Correction } from "./model.ts";
import { optional, textList } from "./schema-helpers.ts";
import { type IssueContext, schemaIssues } from "./schema-issues.ts";
import type { ParsedYaml } from "./yaml.ts";

/**
 * An opinion piece speaks for the person who wrote it, so it must say who that is. Reported at
 * the `authors` line when the list is there but empty, else at the `kind` line.
 */
export function unsignedOpinion(
  fields: Pick<ArticleFrontMatter, "kind" | "authors">,
  yaml: ParsedYaml,
  file: string,
): ContentIssue | undefined {
  if (fields.kind !== "opinion" || (fields.authors ?? []).length > 0) return undefined;
  const position = yaml.locate([fields.authors ? "authors" : "kind"]);
  return {
    file,
    ...(position ? { line: position.line, column: position.column } : {}),
    field: "authors",
    message: "The article is an opinion piece but names no author: opinion must be signed.",
    fix: "Add the writer, e.g. authors: [jane-tan] (a profile's slug) or authors: [Jane Tan], or change kind if the piece is not opinion.",
  };
}

/**
 * Every rule between an article's fields, each run whenever the fields it compares are valid on
 * their own, so they are reported with the file's other problems in one run: `updated` and
 * corrections dated before `date`, and an unsigned opinion piece.
 */
export function articleFieldRules(
  data: Readonly<Record<string, unknown>>,
  context: IssueContext,
): ContentIssue[] {
  const dates = dateOrderIssues(data);
  const issues =
    dates.length > 0
      ? schemaIssues(
          new z.ZodError(
            dates.map((issue) => ({ code: "custom" as const, input: undefined, ...issue })),
          ),
          context,
        )
      : [];
  const kind = optional(kindSchema()).safeParse(data.kind);
  const authors = optional(textList()).safeParse(data.authors);
  if (kind.success && authors.success) {
    const unsigned = unsignedOpinion(
      { kind: kind.data, authors: authors.data },
      context.yaml,
      context.file,
    );
    if (unsigned) issues.push(unsigned);
  }
  return issues;
}

/** The corrections in the order they were made (the contract asks for oldest first; a slip in
 * the order must not misdate the article's last change). */
export function inDateOrder(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => a.date.toMillis() - b.date.toMillis());
}

/**
 * A sponsored piece's links are paid placements: search engines ask for `rel="sponsored"` on
 * each. Links live only in the body's running text, which is the Markdown renderer's own
 * output, in which every link opens with `<a href=` (text and attribute values are escaped, so
 * nothing else can look like one); captions and pull quotes are plain text.
 */
export function markSponsoredLinks(blocks: readonly BodyBlock[], kind: ArticleKind): BodyBlock[] {
  if (kind !== "sponsored") return [...blocks];
  return blocks.map((block) =>
    block.kind === "html"
      ? { kind: "html", html: block.html.replaceAll("<a href=", '<a rel="sponsored" href=') }
      : block,
  );
}
