/**
 * The editor's form for standing pages (content/pages/<slug>/index.md): a label and a line of
 * help for each field of the page schema, the policy choices in an editor's words, and the body
 * field under its own name (a page has text, not a story).
 */
import { POLICIES, type Policy } from "../content/page-schema.ts";
import type { FieldHints } from "./field-hints.ts";
import type { CmsField } from "./fields.ts";

/** What each policy is called in the form. */
const POLICY_LABELS: { readonly [policy in Policy]: string } = {
  corrections: "Corrections policy",
  ethics: "Ethics policy",
  "publishing-principles": "Publishing principles",
  diversity: "Diversity policy",
  ownership: "Ownership and funding",
  masthead: "Masthead",
  "unnamed-sources": "Unnamed sources policy",
  "fact-checking": "Fact-checking policy",
  feedback: "Feedback policy",
};

export const PAGE_HINTS: FieldHints = {
  title: { label: "Title", hint: "The page's heading and its link text in the footer." },
  description: {
    label: "Description",
    widget: "text",
    hint: "One line saying what the page is for. Leave empty to use the first paragraph.",
  },
  policy: {
    label: "Policy",
    hint: "The policy this page states, named in the publisher's data for search engines. One page per policy.",
    choices: () => POLICIES.map((policy) => ({ label: POLICY_LABELS[policy], value: policy })),
  },
  footer: { label: "In the footer", hint: "Link this page from every page's footer." },
  order: { label: "Order", hint: "Its place among the footer's links: lower numbers first." },
  updated: { label: "Last updated", hint: "Shown on the page as its last update." },
};

/** The page's text: the same Markdown and body syntax as an article's. */
export function pageBodyField(articleBody: CmsField): CmsField {
  // A copy, not shared lists: config.yml would otherwise write them as YAML anchors and aliases.
  return {
    ...structuredClone(articleBody),
    label: "Text",
    hint: "Paragraphs, ## headings, lists, links, > quotes. A photo goes on its own line with alt text. Links to the site's pages start with /.",
  };
}
