/**
 * markdown-it block rules for what a body holds beyond CommonMark, at the top level only (a
 * list or a quote keeps its text as text):
 *
 * - `::: <name> [arguments]` ... `:::`: a block (a gallery, a pull quote). Its lines are kept
 *   as written in one `body_block` token, for the body's reader to check and type; an opening
 *   line never closed, or a closing line with nothing open, is kept too, to be reported.
 * - a line holding nothing but a URL: a `body_url` token. An embed's URL (see embed-url.ts), or
 *   one meant as an embed that cannot be one (embed-slips.ts), stands alone even when typed
 *   right under a line of text; any other URL only when it is a paragraph of its own, so a link
 *   pasted inside a sentence stays in its sentence. A `Caption: <text>` line right under an
 *   embed's URL is its caption, kept in the token's meta.
 */
import type { MarkdownIt, StateBlock } from "markdown-it";
import { embedSlip } from "./embed-slips.ts";
import { recognizeUrl } from "./embed-url.ts";

/** A line of a block as written, with its line in the body (0-based). */
export interface BlockLine {
  readonly text: string;
  readonly line: number;
}

/** What a `body_block` token's `meta` holds. */
export interface BlockMeta {
  /** The words after the block's name: a pull quote's attribution. */
  readonly args: string;
  /** The lines between the opening and the closing line. */
  readonly lines: readonly BlockLine[];
  /** True when no closing `:::` line was found before the end of the body. */
  readonly unclosed: boolean;
}

const OPENING = /^:::[ \t]*([^\s:]*)[ \t]*(.*?)[ \t]*$/;
const CLOSING = /^:::[ \t]*$/;
const URL_LINE = /^(?:<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>]+))$/i;
const CAPTION_LINE = /^caption:(.*)$/i;

/** What a `body_url` token's `meta` holds when its URL has a caption line under it. */
export interface UrlMeta {
  /** The caption as written after `Caption:`, trimmed. */
  readonly caption: string;
  /** The caption's line in the body (0-based). */
  readonly line: number;
}

/** A line's text without its indentation, and whether it is indented as code. */
function lineAt(state: StateBlock, line: number): { text: string; code: boolean } {
  const start = state.bMarks[line] ?? 0;
  const shift = state.tShift[line] ?? 0;
  const end = state.eMarks[line] ?? start;
  return {
    text: state.src.slice(start + shift, end),
    code: (state.sCount[line] ?? 0) - state.blkIndent >= 4,
  };
}

function blockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  if (state.level !== 0) return false;
  const { text, code } = lineAt(state, startLine);
  if (code || !text.startsWith(":::")) return false;
  const opening = OPENING.exec(text);
  if (!opening) return false;
  if (silent) return true;
  const name = opening[1] ?? "";
  let next = startLine + 1;
  const lines: BlockLine[] = [];
  let closed = name === "";
  // A line of `:::` alone with nothing open above it closes nothing: kept as an empty block.
  while (!closed && next < endLine) {
    const inside = lineAt(state, next);
    if (!inside.code && CLOSING.test(inside.text)) {
      closed = true;
      break;
    }
    lines.push({ text: state.src.slice(state.bMarks[next], state.eMarks[next]), line: next });
    next++;
  }
  const token = state.push("body_block", "div", 0);
  token.info = name;
  token.map = [startLine, Math.min(next + 1, endLine)];
  token.meta = { args: opening[2] ?? "", lines, unclosed: !closed } satisfies BlockMeta;
  state.line = Math.min(next + 1, endLine);
  return true;
}

function urlRule(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  if (state.level !== 0) return false;
  const { text, code } = lineAt(state, startLine);
  if (code || !/^<?https?:/i.test(text)) return false;
  const match = URL_LINE.exec(text.trim());
  const url = match?.[1] ?? match?.[2];
  if (!url) return false;
  const known = recognizeUrl(url).kind !== "link" || embedSlip(url) !== undefined;
  // Interrupting a paragraph, or starting one that goes on: only an embed stands alone. A link
  // stands alone when its line is a paragraph of its own, or one of a column of URL lines.
  const following = startLine + 1 < endLine ? lineAt(state, startLine + 1).text.trim() : "";
  const alone = following === "" || URL_LINE.test(following);
  if (silent) return known;
  if (!known && !alone) return false;
  const caption = known ? CAPTION_LINE.exec(following) : null;
  const end = caption ? startLine + 2 : startLine + 1;
  const token = state.push("body_url", "", 0);
  token.content = url;
  token.map = [startLine, end];
  if (caption) {
    token.meta = { caption: (caption[1] ?? "").trim(), line: startLine + 1 } satisfies UrlMeta;
  }
  state.line = end;
  return true;
}

/** Adds the body's block rules to a markdown-it instance. */
export function bodyBlockRules(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "body_block", blockRule, { alt: ["paragraph"] });
  md.block.ruler.before("paragraph", "body_url", urlRule, { alt: ["paragraph"] });
}
