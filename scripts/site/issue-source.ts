/**
 * Naming where a problem the output check found on an article's page came from. The check reads
 * built HTML, but the person who can act on its message is the editor of the article, or the
 * developer who needs to know which article shows the bug: so a problem on an article's page is
 * reported at the article's index.md, with the field (or body line) whose text it is about when
 * that text can be found, and the page named in the message.
 */
import { entryName } from "../content/byline-entry.ts";
import type { ArticleCard } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";

/** The article's fields as an editor wrote them, by name, for finding a value's source. */
function writtenFields(card: ArticleCard): [string, string][] {
  const fields: [string, string | undefined][] = [
    ["title", card.title],
    ["description", card.standfirst],
    ["dateline", card.dateline],
    ["image.alt", card.image?.alt],
    ["image.caption", card.image?.caption],
    ["image.credit", card.image?.credit],
    ["video.title", card.video?.title],
    ["video.description", card.video?.description],
    ...card.tags.map((tag): [string, string] => ["tags", tag]),
    ...card.sources.map((source): [string, string] => ["sources", source]),
    ...card.authors.map((author): [string, string] => ["authors", entryName(author)]),
  ];
  return fields.filter((field): field is [string, string] => (field[1] ?? "").trim().length > 0);
}

/** The field or body line a value on the page came from, when it can be told. */
export function sourceOf(
  card: ArticleCard,
  value: string | undefined,
): { readonly field?: string; readonly line?: number } {
  if (value === undefined || value.trim() === "") return {};
  const link = card.bodyLinks.find((candidate) => candidate.url === value);
  if (link) return { line: link.line };
  const needle = value.trim();
  const field = writtenFields(card).find(
    ([, text]) => text === needle || (needle.length >= 3 && text.includes(needle)),
  );
  return field ? { field: field[0] } : {};
}

/**
 * A problem found on `page` (an output file) of `card`'s article, reported at the article: its
 * index.md, the field or line `value` came from when known, the page named in the message.
 */
export function atArticle(
  issue: ContentIssue,
  card: ArticleCard,
  page: string,
  value?: string,
): ContentIssue {
  const source = sourceOf(card, value);
  return {
    ...issue,
    file: card.sourcePath,
    ...(source.line === undefined ? {} : { line: source.line }),
    ...(source.field ? { field: source.field } : {}),
    message: `On its page _site/${page}: ${issue.message}`,
  };
}
