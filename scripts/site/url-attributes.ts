/**
 * Which attribute values of a page are URLs. The output check looks for `javascript:` URLs, which
 * the Content-Security-Policy blocks, only where a browser would follow one: a headline that
 * starts "JavaScript: ..." is text wherever it is shown (a `<title>`, an Open Graph title, an
 * `alt`), and must build as text.
 */
import { srcsetUrls } from "./srcset.ts";

/** Attributes whose value is one URL, in any element (HTML's URL-valued attributes). */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "poster",
  "data",
  "cite",
  "background",
  "manifest",
  "ping",
  // The embed facades' frame, loaded by script when the reader asks for it.
  "data-embed-src",
]);

/** `<meta property|name="...">` whose `content` is a URL. */
const URL_META = new Set([
  "og:url",
  "og:image",
  "og:image:url",
  "og:image:secure_url",
  "og:video",
  "og:video:url",
  "og:video:secure_url",
  "og:audio",
  "og:audio:url",
  "twitter:image",
  "twitter:image:src",
  "twitter:url",
  "twitter:player",
]);

/** A URL found in an attribute, with the attribute it was in (`href`, `content`). */
export interface AttributeUrl {
  readonly attribute: string;
  readonly url: string;
}

/** The URLs in an element's attributes: URL-valued attributes, srcset candidates, URL metas. */
export function attributeUrls(
  element: string,
  attributes: Readonly<Record<string, string>>,
): AttributeUrl[] {
  const urls: AttributeUrl[] = [];
  for (const [attribute, value] of Object.entries(attributes)) {
    if (URL_ATTRIBUTES.has(attribute)) urls.push({ attribute, url: value });
    else if (attribute === "srcset" || attribute === "imagesrcset") {
      for (const url of srcsetUrls(value)) urls.push({ attribute, url });
    }
  }
  if (element === "meta" && attributes.content !== undefined) {
    const name = (attributes.property ?? attributes.name ?? "").trim().toLowerCase();
    if (URL_META.has(name)) urls.push({ attribute: "content", url: attributes.content });
    if ((attributes["http-equiv"] ?? "").trim().toLowerCase() === "refresh") {
      // `5; url=/next/`: the URL after `url=`.
      const target = /;\s*url\s*=\s*['"]?([^'"]*)/i.exec(attributes.content)?.[1];
      if (target !== undefined) urls.push({ attribute: "content", url: target });
    }
  }
  return urls;
}

/**
 * Whether a browser would run a URL as script: `javascript:` in any case, after the leading
 * spaces and controls it strips and the tabs and newlines it drops anywhere (`java\tscript:`).
 */
export function isScriptUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip exactly these.
  const cleaned = url.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, "");
  return /^javascript:/i.test(cleaned);
}
