/**
 * Serialises structured data for a `<script type="application/ld+json">` element. The text is
 * inserted unescaped (it is not HTML), so anything that could end the element or open a comment
 * is written as a JSON `\u` escape instead: `<`, `>`, `&`, and the line separators U+2028/U+2029
 * that older parsers treat as line ends. JSON.parse gives back the exact text.
 *
 * @example serializeJsonLd({ headline: "</script>" }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
