/**
 * A fast single-pass reader of the HTML Broadsheet itself writes, with htmlparser2's handler
 * interface (open tag with attributes, text, close tag). The output check reads every page a
 * build renders, and a full HTML parser spent more time on that than rendering the pages did.
 *
 * It relies on what the renderer guarantees: every attribute value is double-quoted with `"` and
 * `<` escaped, text never holds a raw `<`, scripts hold no `</script`, and there are no comments.
 * Void elements and `<x />` are closed at once, as htmlparser2 reports them.
 * tests/site/html-scan.test.ts checks it against htmlparser2 on every kind of built page.
 */

/** What the scanner reports, as htmlparser2's Parser handler does. */
export interface ScanHandler {
  onopentag(name: string, attributes: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(["script", "style", "title", "textarea"]);

const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** Decodes the character references the renderer writes. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, decimal: string, hex: string, name: string) => {
    if (name) return NAMED[name] ?? whole;
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (source === "") return attributes;
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? "").toLowerCase();
    if (name in attributes) continue;
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

/** Reads `html`, reporting every tag and every run of text to `handler`. */
export function scanHtml(html: string, handler: ScanHandler): void {
  TAG.lastIndex = 0;
  let position = 0;
  for (;;) {
    const match = TAG.exec(html);
    if (!match) break;
    if (match.index > position) handler.ontext(decodeEntities(html.slice(position, match.index)));
    position = TAG.lastIndex;
    const [, closing, rawName = "", rawAttributes = "", selfClosing] = match;
    const name = rawName.toLowerCase();
    if (closing) {
      handler.onclosetag(name);
      continue;
    }
    handler.onopentag(name, attributesOf(rawAttributes));
    if (VOID.has(name) || selfClosing) {
      handler.onclosetag(name);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, position);
      const stop = end === -1 ? html.length : end;
      if (stop > position) {
        const text = html.slice(position, stop);
        handler.ontext(name === "script" || name === "style" ? text : decodeEntities(text));
      }
      position = stop;
      TAG.lastIndex = stop;
    }
  }
  if (position < html.length) handler.ontext(decodeEntities(html.slice(position)));
}
