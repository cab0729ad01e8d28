import type { Env, Token } from "markdown-it";
import MarkdownIt from "markdown-it";
import { bodyBlockRules } from "./body/block-rules.ts";
import { type BodyBlock, type BodyPhoto, bodyPhotos } from "./body/blocks.ts";
import type { BodyIssue } from "./body/issues.ts";
import { isLoneImage } from "./body/photo-syntax.ts";
import { readBody } from "./body/read-body.ts";

/**
 * The one Markdown renderer. Articles are untrusted input, so:
 * - `html: false`: raw HTML is shown as text, never rendered;
 * - links are checked by {@link isSafeLink}: `javascript:`, `vbscript:`, `file:` and every
 *   `data:` target stay as text;
 * - an image alone in its paragraph, a `:::` block and a URL alone on a line become typed blocks
 *   (photos, galleries, pull quotes, embeds: see body/) that layout components render, photos
 *   through the media pipeline; an image anywhere else is an error, and is never an `<img>`;
 * - typographer on for curly quotes, but the `replacements` rule is off because it rewrites
 *   what reporters wrote: "section 5(c)" would become "section 5©".
 */
const md = new MarkdownIt("default", { html: false, linkify: false, typographer: true }).disable(
  "replacements",
);

md.validateLink = isSafeLink;
md.use(bodyBlockRules);

// A body `#` heading would be a second <h1> beside the headline: render it one level down.
md.core.ruler.push("demote_h1", (state) => {
  for (const token of state.tokens) {
    if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") {
      token.tag = "h2";
    }
  }
});

// The dateline ("WASHINGTON (REUTERS) -") opens the first paragraph of text, as in print.
md.core.ruler.push("dateline", (state) => {
  const lead = (state.env as RenderEnv).dateline;
  if (!lead) return;
  const open = state.tokens.findIndex(
    (token, index) =>
      token.type === "paragraph_open" && token.level === 0 && !isLoneImage(state.tokens[index + 1]),
  );
  const inline = open === -1 ? undefined : state.tokens[open + 1];
  if (inline?.type === "inline" && inline.children) {
    inline.children.unshift(datelineToken(state.Token, lead), textToken(state.Token, " "));
    return;
  }
  // No paragraph to open (the body starts with a heading or a list): the dateline stands alone.
  const paragraph = new state.Token("paragraph_open", "p", 1);
  const content = new state.Token("inline", "", 0);
  content.children = [datelineToken(state.Token, lead)];
  state.tokens.unshift(paragraph, content, new state.Token("paragraph_close", "p", -1));
});

md.renderer.rules.image = (tokens, index) => {
  const token = tokens[index];
  const source = `![${token?.content ?? ""}](${token?.attrGet("src") ?? ""})`;
  return md.utils.escapeHtml(source);
};

md.renderer.rules.dateline = (tokens, index) =>
  `<span class="dateline">${md.utils.escapeHtml(tokens[index]?.content ?? "")}</span>`;

type TokenConstructor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

function datelineToken(TokenClass: TokenConstructor, content: string): Token {
  const token = new TokenClass("dateline", "span", 0);
  token.content = content;
  return token;
}

function textToken(TokenClass: TokenConstructor, content: string): Token {
  const token = new TokenClass("text", "", 0);
  token.content = content;
  return token;
}

interface RenderEnv extends Env {
  dateline?: string;
}

/** Link targets that may become links: anything but script and data schemes. */
export function isSafeLink(url: string): boolean {
  // markdown-it checks the link after percent-encoding it, so a tab typed as &#9; arrives as
  // "java%09script:": decode the escapes first, or the check below never sees the tab.
  const decoded = url.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  // Browsers ignore whitespace and control characters inside a scheme: "java\tscript:" runs.
  const scheme = Array.from(decoded)
    .filter((char) => {
      const code = char.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join("")
    .toLowerCase();
  return !/^(javascript|vbscript|file|data):/.test(scheme);
}

/** A link in a body, as rendered, with the body line it is on (0-based, from the body's start). */
export interface RenderedLink {
  readonly href: string;
  readonly line: number;
}

/** A rendered body: its blocks, the plain text for descriptions and search, its links. */
export interface RenderedBody {
  /** Running text as safe HTML, between photos, galleries, pull quotes and embeds. */
  readonly blocks: readonly BodyBlock[];
  readonly text: string;
  /** The plain text of the first paragraph, if the body has one. */
  readonly firstParagraph?: string;
  /** Every link the body makes, in order. */
  readonly links: readonly RenderedLink[];
  /** Misplaced photos, broken blocks, unusable embed links: each at its line of index.md. */
  readonly issues: readonly BodyIssue[];
  /** Every photo whose file must exist: those shown, and the sound ones of blocks with a mistake. */
  readonly photos: readonly BodyPhoto[];
}

/**
 * Renders an article body to typed blocks of safe HTML and media, with the dateline lead-in in
 * its first paragraph of text. `firstLine` is the line of index.md the body starts on: blocks
 * and issues carry lines of index.md.
 *
 * @example renderBody("Kim received a letter.", "SEOUL (AFP) -").blocks
 * // [{ kind: "html", html: '<p><span class="dateline">SEOUL (AFP) -</span> Kim received a letter.</p>\n' }]
 */
export function renderBody(markdown: string, dateline?: string, firstLine = 1): RenderedBody {
  const env: RenderEnv = dateline ? { dateline } : {};
  const tokens = md.parse(markdown, env);
  const read = readBody(md, tokens, env, firstLine);
  return {
    blocks: read.blocks,
    text: plainParagraphs(tokens).join("\n\n"),
    firstParagraph: firstParagraphText(tokens),
    links: bodyLinks([...tokens, ...read.made]),
    issues: read.issues,
    photos: [...bodyPhotos(read.blocks), ...read.unshown],
  };
}

/**
 * The links of a body with their lines: a link's line is its block's first line plus the line
 * breaks before it, so an editor is sent to the line that holds it.
 */
function bodyLinks(tokens: readonly Token[]): RenderedLink[] {
  const links: RenderedLink[] = [];
  for (const token of tokens) {
    if (token.type !== "inline" || !token.children) continue;
    let line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      const href = child.type === "link_open" ? child.attrGet("href") : null;
      if (href !== null) links.push({ href: String(href), line });
    }
  }
  return links;
}

function plainText(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return " ";
      return "";
    })
    .join("")
    .trim();
}

function plainParagraphs(tokens: readonly Token[]): string[] {
  return tokens
    .filter((token) => token.type === "inline")
    .map(plainText)
    .filter(Boolean);
}

function firstParagraphText(tokens: readonly Token[]): string | undefined {
  // The dateline's own paragraph (when the body opens with a heading) is not the first paragraph.
  for (const [index, token] of tokens.entries()) {
    const inline = tokens[index + 1];
    if (token.type !== "paragraph_open" || inline?.type !== "inline") continue;
    const textValue = plainText(inline);
    if (textValue) return textValue;
  }
  return undefined;
}

/**
 * A standfirst cut from the first paragraph: at most `max` characters, at a word boundary,
 * with an ellipsis when cut.
 *
 * @default max 160 (what search engines show of a meta description)
 */
export function excerpt(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const cut = room.lastIndexOf(" ");
  return `${(cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:.–—-]+$/, "")}…`;
}
