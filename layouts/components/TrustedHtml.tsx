import { jsxTemplate } from "preact/jsx-runtime";

/**
 * HTML inserted as it is, with no wrapping element, so the body's paragraphs stay children of
 * the story's column. Only for HTML made by Broadsheet's Markdown renderer (raw HTML off, links
 * checked): never for text an editor typed. Uses the template form of Preact's JSX runtime
 * (what its precompiling transform emits), which preact-render-to-string writes out verbatim.
 */
export function TrustedHtml({ html }: { readonly html: string }) {
  return jsxTemplate([html]);
}
