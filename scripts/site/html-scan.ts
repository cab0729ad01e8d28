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

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0c, 0x0d]);

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Where `</name` starts (in any case) from `from`, or the end of the text. */
function indexOfEndTag(html: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    const found = html.indexOf("</", at);
    if (found === -1) return html.length;
    if (html.slice(found + 2, found + 2 + name.length).toLowerCase() === name) return found;
    at = found + 2;
  }
}

/** Skips white space from `cursor`. */
function skipSpace(html: string, cursor: number): number {
  let at = cursor;
  while (SPACE.has(html.charCodeAt(at))) at++;
  return at;
}

/** Moves `cursor` past a run of characters that `stops` does not end. */
function runUntil(html: string, cursor: number, stops: (code: number) => boolean): number {
  let at = cursor;
  while (at < html.length && !stops(html.charCodeAt(at))) at++;
  return at;
}

const endsName = (code: number) => SPACE.has(code) || code === 0x3e || code === 0x2f;
const endsAttribute = (code: number) => endsName(code) || code === 0x3d;
const endsBareValue = (code: number) => SPACE.has(code) || code === 0x3e;

/** Reads a start tag's attributes from `cursor` (just after its name) to its `>`. */
function readAttributes(
  html: string,
  start: number,
): { attributes: Record<string, string>; end: number; selfClosing: boolean } {
  const attributes: Record<string, string> = {};
  let cursor = start;
  while (cursor < html.length) {
    cursor = skipSpace(html, cursor);
    const code = html.charCodeAt(cursor);
    if (code === 0x3e /* > */) return { attributes, end: cursor + 1, selfClosing: false };
    if (code === 0x2f /* / */) {
      if (html.charCodeAt(cursor + 1) === 0x3e) {
        return { attributes, end: cursor + 2, selfClosing: true };
      }
      cursor++;
      continue;
    }
    const nameEnd = runUntil(html, cursor, endsAttribute);
    const name = html.slice(cursor, nameEnd).toLowerCase();
    cursor = skipSpace(html, nameEnd);
    let value = "";
    if (html.charCodeAt(cursor) === 0x3d /* = */) {
      cursor = skipSpace(html, cursor + 1);
      const quote = html.charCodeAt(cursor);
      if (quote === 0x22 || quote === 0x27) {
        const close = html.indexOf(quote === 0x22 ? '"' : "'", cursor + 1);
        const stop = close === -1 ? html.length : close;
        value = decodeEntities(html.slice(cursor + 1, stop));
        cursor = stop + 1;
      } else {
        const stop = runUntil(html, cursor, endsBareValue);
        value = decodeEntities(html.slice(cursor, stop));
        cursor = stop;
      }
    }
    if (name !== "" && !(name in attributes)) attributes[name] = value;
  }
  return { attributes, end: html.length, selfClosing: false };
}

/** Reads `html`, reporting every tag and every run of text to `handler`. */
export function scanHtml(html: string, handler: ScanHandler): void {
  const length = html.length;
  let position = 0;
  const text = (from: number, to: number) => {
    if (to > from) handler.ontext(decodeEntities(html.slice(from, to)));
  };
  while (position < length) {
    const open = html.indexOf("<", position);
    if (open === -1) break;
    const next = html.charCodeAt(open + 1);
    if (next === 0x21 /* ! */) {
      // A doctype or a comment: nothing the checks read.
      text(position, open);
      const comment = html.startsWith("<!--", open);
      const close = comment ? html.indexOf("-->", open + 4) : html.indexOf(">", open);
      position = close === -1 ? length : close + (comment ? 3 : 1);
      continue;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = closing ? open + 2 : open + 1;
    if (!isNameStart(html.charCodeAt(nameStart))) {
      // A "<" that opens no tag is text, reported with the text around it.
      const following = html.indexOf("<", open + 1);
      const stop = following === -1 ? length : following;
      text(position, stop);
      position = stop;
      continue;
    }
    text(position, open);
    const nameEnd = runUntil(html, nameStart, endsName);
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (closing) {
      const close = html.indexOf(">", nameEnd);
      handler.onclosetag(name);
      position = close === -1 ? length : close + 1;
      continue;
    }
    const { attributes, end, selfClosing } = readAttributes(html, nameEnd);
    position = end;
    handler.onopentag(name, attributes);
    if (VOID.has(name) || selfClosing) {
      handler.onclosetag(name);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = indexOfEndTag(html, name, position);
      if (close > position) {
        const raw = html.slice(position, close);
        handler.ontext(name === "script" || name === "style" ? raw : decodeEntities(raw));
      }
      position = close;
    }
  }
  text(position, length);
}
