/**
 * XML output for feeds and sitemaps, built with xmlbuilder2 rather than by joining strings:
 * the builder escapes text and attributes, declares namespaces once on the root element, and
 * (with `wellFormed`) refuses to write a document an XML parser would reject.
 */
import { create } from "xmlbuilder2";

/** An element under construction. */
export type XmlElement = ReturnType<typeof create>;

/** The namespaces Broadsheet writes, by the prefix it writes them with. */
export const NAMESPACES = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  media: "http://search.yahoo.com/mrss/",
  sitemap: "http://www.sitemaps.org/schemas/sitemap/0.9",
  news: "http://www.google.com/schemas/sitemap-news/0.9",
} as const;

/** Characters XML 1.0 does not allow anywhere, not even escaped (controls, lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as XML can carry it: characters XML 1.0 forbids (a stray control character pasted
 * into an article, say) are dropped. Escaping `<`, `&` and `>` is the builder's job.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** A new document whose root element is `name` in `namespace`, with these attributes. */
export function xmlRoot(
  namespace: string | null,
  name: string,
  attributes: Readonly<Record<string, string>> = {},
): XmlElement {
  const document = create({ version: "1.0", encoding: "UTF-8" });
  return namespace === null
    ? document.ele(name, attributes)
    : document.ele(namespace, name, attributes);
}

/**
 * Adds `<name>text</name>` to `parent` (in the parent's namespace unless `name` has a prefix
 * declared on the root) and returns the parent, for chaining.
 */
export function addText(
  parent: XmlElement,
  name: string,
  text: string,
  attributes: Readonly<Record<string, string>> = {},
): XmlElement {
  parent.ele(name, cleanAttributes(attributes)).txt(xmlText(text));
  return parent;
}

/** Attribute values with forbidden characters dropped. */
export function cleanAttributes(
  attributes: Readonly<Record<string, string | number>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key, xmlText(String(value))]),
  );
}

/** The finished document: indented, checked for well-formedness, ending with a newline. */
export function serializeXml(root: XmlElement): string {
  return `${root.end({ prettyPrint: true, wellFormed: true })}\n`;
}
