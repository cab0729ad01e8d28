import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** What an 11ty.tsx template's render function returns: a page component, or text (feeds). */
type Rendered = VNode | string;

interface TemplateContext {
  defaultRenderer(data: unknown): Promise<Rendered> | Rendered;
}

/**
 * Eleventy's compile step for `.11ty.tsx` templates: a component becomes an HTML document
 * (escaping is the JSX runtime's default); a string (an XML feed, say) passes through.
 */
export function renderPage(this: TemplateContext, data: unknown): Promise<string> {
  return Promise.resolve(this.defaultRenderer(data)).then((result) =>
    typeof result === "string" ? result : `<!DOCTYPE html>\n${renderToString(result)}`,
  );
}
