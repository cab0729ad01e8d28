import { serializeJsonLd } from "../../scripts/site/json-ld.ts";

/**
 * Structured data as a JSON-LD data block. Its text is escaped by serializeJsonLd so nothing in
 * it can end the element; it is data, not script, so the CSP does not need to allow it.
 */
export function JsonLd({ graph }: { readonly graph: unknown }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(graph) }}
    />
  );
}
