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
 * Text as the builder must be handed it. Characters XML 1.0 forbids (a stray control character
 * pasted into an article, say) are dropped, and every `&` is written `&amp;` here: xmlbuilder2
 * leaves an `&` that looks like an entity (`&lt;`, `&nbsp;`, `&#38;`) unescaped, by design
 * (oozcitak/xmlbuilder2#117), which would turn an article's `&lt;script&gt;` into `<script>`
 * for feed readers and `&nbsp;` into an undefined entity. It leaves `&amp;` alone, so escaping
 * `&` first gives exact escaping; `<`, `>` and `"` are still the builder's.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(/&/g, "&amp;");
}

/** The namespace of `xml:lang` and `xml:base`, bound to `xml` in every document. */
const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/**
 * A new document whose root element is `name` in `namespace`, with these attributes:
 * `xmlns:<prefix>` ones declare the prefixes its descendants use, `xml:lang` is in the XML
 * namespace.
 */
export function xmlRoot(
  namespace: string | null,
  name: string,
  attributes: Readonly<Record<string, string>> = {},
): XmlElement {
  const document = create({ version: "1.0", encoding: "UTF-8" });
  const root = namespace === null ? document.ele(name) : document.ele(namespace, name);
  for (const [key, value] of Object.entries(cleanAttributes(attributes))) {
    if (key.startsWith("xml:")) root.att(XML_NAMESPACE, key, value);
    else root.att(key, value);
  }
  return root;
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

/** Attribute values prepared like text (see {@link xmlText}). */
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
