/**
 * The front matter of a standing page (CONTENT.md, "Standing pages"): `content/pages/<slug>/index.md`
 * with a title, and optionally a description, the publisher's policy it states, whether the
 * footer links it and in which order, and when it was last updated. Nothing else: a page is not
 * news, so it has no date, section, byline or dateline.
 */
import { z } from "zod";
import { choice } from "./kinds.ts";
import { dateTime, line, optional } from "./schema-helpers.ts";

/**
 * The policies a page may state, each named in the publisher's structured data by the
 * NewsMediaOrganization property of scripts/site/publisher.ts, in the contract's order.
 */
export const POLICIES = [
  "corrections",
  "ethics",
  "publishing-principles",
  "diversity",
  "ownership",
  "masthead",
  "unnamed-sources",
  "fact-checking",
  "feedback",
] as const;

export type Policy = (typeof POLICIES)[number];

export const pageFrontMatterSchema = z.strictObject({
  title: line().max(200, { error: "is longer than 200 characters" }),
  description: optional(line()),
  policy: optional(choice(POLICIES, "a policy the publisher's structured data can name")),
  footer: optional(z.boolean({ error: "must be true or false" })),
  order: optional(
    z
      .number({ error: "must be a number, e.g. order: 3" })
      .int({ error: "must be a whole number, e.g. order: 3" }),
  ),
  updated: optional(dateTime()),
});

export type PageFrontMatter = z.output<typeof pageFrontMatterSchema>;

/** Every field a page may have, for "did you mean" suggestions. */
export const PAGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(pageFrontMatterSchema.shape),
};

/** How to fix a problem in each field of a page, shown under the message. */
export function pageFieldFix(field: string): string {
  switch (field) {
    case "title":
      return 'Write the page\'s heading as plain text of 1 to 200 characters, in quotes if it contains ": ", e.g. title: Corrections policy.';
    case "description":
      return "Write one line of plain text saying what the page is for, or remove the field to use the first paragraph.";
    case "policy":
      return `Write one of ${POLICIES.join(", ")}, or remove policy for a page that states none.`;
    case "footer":
      return "Write footer: true to link the page from every page's footer, or remove the field.";
    case "order":
      return "Write the page's place among the footer's links as a whole number, e.g. order: 3 (lower numbers come first).";
    case "updated":
      return "Write when the page last changed, with its UTC offset, e.g. updated: 2026-12-01T09:00:00+08:00.";
    default:
      return "Check the field against the standing pages section of CONTENT.md (title, description, policy, footer, order, updated).";
  }
}
