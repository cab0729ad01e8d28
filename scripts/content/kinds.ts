/**
 * What sort of piece an article is, and what sort of note a correction is (CONTENT.md: `kind`,
 * `corrections`). Readers are told which pieces are opinion, analysis or paid for, so each kind
 * has the label readers see; news, the default, has none.
 */
import { z } from "zod";
import { describeValue } from "./schema-helpers.ts";
import { closestName } from "./suggest.ts";

/** Every kind of article, news (the default) first. */
export const ARTICLE_KINDS = [
  "news",
  "analysis",
  "opinion",
  "review",
  "explainer",
  "obituary",
  "sponsored",
  "live",
] as const;

export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** The label shown near the headline and on every card; news carries none. */
export const KIND_LABELS: { readonly [kind in ArticleKind]: string | undefined } = {
  news: undefined,
  analysis: "Analysis",
  opinion: "Opinion",
  review: "Review",
  explainer: "Explainer",
  obituary: "Obituary",
  sponsored: "Sponsored",
  live: "Live",
};

/**
 * A live blog's label once its coverage has ended: a reader must not take an old blog for one
 * still being written, and must still see that it is a stream of updates, not one story.
 */
export const LIVE_ENDED_LABEL = "Live coverage ended";

/** The label of a kind, if it has one; a live blog's reads {@link LIVE_ENDED_LABEL} once ended. */
export function kindLabel(kind: ArticleKind | undefined, ended = false): string | undefined {
  if (kind === "live" && ended) return LIVE_ENDED_LABEL;
  return kind === undefined ? undefined : KIND_LABELS[kind];
}

/** The two sorts of correction: a factual error put right, or something made clearer. */
export const CORRECTION_TYPES = ["correction", "clarification"] as const;

export type CorrectionType = (typeof CORRECTION_TYPES)[number];

/** "Correction", "Clarification": how a note is introduced to readers. */
export const CORRECTION_LABELS: { readonly [type in CorrectionType]: string } = {
  correction: "Correction",
  clarification: "Clarification",
};

/**
 * A choice among `values`, whose error names what was written and, when one is close, the value
 * the editor probably meant: `is "opinon", not a kind of article (did you mean "opinion"?)`.
 */
export function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) => {
      if (issue.input === undefined) return "is required";
      const written = describeValue(issue.input);
      const close = typeof issue.input === "string" ? closestName(issue.input, values) : undefined;
      return `is ${written}, not ${what}${close ? ` (did you mean "${close}"?)` : ""}`;
    },
  });
}

/** `kind`: one of {@link ARTICLE_KINDS}. */
export const kindSchema = () => choice(ARTICLE_KINDS, "a kind of article");

/** A correction's `type`: one of {@link CORRECTION_TYPES}. */
export const correctionTypeSchema = () => choice(CORRECTION_TYPES, "a type of correction");
