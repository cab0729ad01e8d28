/**
 * From markdown-it's tokens to the typed body: running text is rendered to HTML by the one safe
 * renderer, in runs between the blocks that components render (photos, galleries, pull quotes,
 * embeds). Every misplaced photo, unknown or broken block and unusable embed link is reported
 * at its line of index.md.
 */
import type { Env, MarkdownIt, Token } from "markdown-it";
import { inlineText, readBlock } from "./block-readers.ts";
import type { BlockMeta, UrlMeta } from "./block-rules.ts";
import type { BodyBlock, BodyPhoto } from "./blocks.ts";
import { embedSlip, slipWords } from "./embed-slips.ts";
import { PROVIDER_NAMES, recognizeUrl } from "./embed-url.ts";
import type { BodyIssue } from "./issues.ts";
import { isLoneImage, photoFromImage } from "./photo-syntax.ts";

export interface ReadBody {
  readonly blocks: readonly BodyBlock[];
  readonly issues: readonly BodyIssue[];
  /** Paragraphs made for URL lines that are plain links: their links count as the body's. */
  readonly made: readonly Token[];
  /** Sound photos of blocks with a mistake (see BlockReading): their files are still checked. */
  readonly unshown: readonly BodyPhoto[];
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/**
 * A paragraph holding a link to `url`, as CommonMark makes of `<url>` alone on a line. Made
 * from the inline parse: a block parse would see the URL line again.
 */
function linkParagraph(md: MarkdownIt, url: string, line: number): Token[] {
  const [inline] = md.parseInline(`<${url}>`, {});
  if (!inline) return [];
  const Made = inline.constructor as TokenClass;
  const open = new Made("paragraph_open", "p", 1);
  const close = new Made("paragraph_close", "p", -1);
  for (const token of [open, inline, close]) {
    token.map = [line, line + 1];
    token.block = true;
  }
  return [open, inline, close];
}

/**
 * Reads the top-level tokens of a body. `offset` turns a 0-based body line into the line of
 * index.md.
 */
export function readBody(
  md: MarkdownIt,
  tokens: readonly Token[],
  env: Env,
  offset: number,
): ReadBody {
  const blocks: BodyBlock[] = [];
  const issues: BodyIssue[] = [];
  const made: Token[] = [];
  const unshown: BodyPhoto[] = [];
  const consumed = new Set<Token>();
  let pending: Token[] = [];
  let photoIndex = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const html = md.renderer.render(pending, md.options, env);
    if (html.trim() !== "") blocks.push({ kind: "html", html });
    pending = [];
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const line = offset + (token.map?.[0] ?? 0);
    if (token.type === "body_block") {
      const reading = readBlock(
        md,
        token.info,
        // The block rule put it there (block-rules.ts).
        token.meta as unknown as BlockMeta,
        { line, offset },
        photoIndex,
      );
      photoIndex += reading.photos;
      issues.push(...reading.issues);
      unshown.push(...(reading.unshown ?? []));
      if (reading.block) {
        flush();
        blocks.push(reading.block);
      }
      continue;
    }
    if (token.type === "body_url") {
      const url = recognizeUrl(token.content);
      const slip = url.kind === "link" ? embedSlip(token.content) : undefined;
      const caption = captionOf(md, token.meta as UrlMeta | null, offset, issues);
      if (url.kind === "embed") {
        flush();
        blocks.push({
          kind: "embed",
          embed: url.embed,
          ...(caption ? { caption } : {}),
        });
      } else if (slip) {
        issues.push({ line, ...slipWords(slip, token.content, line) });
      } else if (url.kind === "short-link") {
        const name = PROVIDER_NAMES[url.provider];
        issues.push({
          line,
          message: `The ${name} link on line ${line} (${token.content}) is a short link: which post it names is known only once it is looked up, so it cannot be embedded.`,
          fix: `Open it in a browser and paste the full address it leads to instead, e.g. ${url.full}.`,
        });
      } else {
        const paragraph = linkParagraph(md, token.content, line - offset);
        made.push(...paragraph);
        pending.push(...paragraph);
      }
      continue;
    }
    const inline = tokens[index + 1];
    if (token.type === "paragraph_open" && token.level === 0 && isLoneImage(inline) && inline) {
      consumed.add(inline);
      const image = inline.children?.find((child) => child.type === "image") as Token;
      const read = photoFromImage(image, offset + (inline.map?.[0] ?? 0), photoIndex++);
      if ("issue" in read) issues.push(read.issue);
      else {
        flush();
        blocks.push({ kind: "photo", photo: read.photo });
      }
      index += 2; // the inline token and paragraph_close
      continue;
    }
    pending.push(token);
  }
  flush();
  issues.push(...misplacedImages(tokens, consumed, offset));
  return { blocks, issues, made, unshown };
}

/**
 * The embed's `Caption:` line as plain text (Markdown marks dropped, quotes curled, as a pull
 * quote's); an empty one is reported at its line.
 */
function captionOf(
  md: MarkdownIt,
  meta: UrlMeta | null,
  offset: number,
  issues: BodyIssue[],
): string | undefined {
  if (!meta) return undefined;
  const text = inlineText(md.parseInline(meta.caption, {})[0]);
  if (text !== "") return text;
  const line = offset + meta.line;
  issues.push({
    line,
    message: `The caption on line ${line} is empty.`,
    fix: "Write what the embedded post shows after Caption:, e.g. Caption: Flood water in Kampung Melayu on Monday. Or remove the line.",
  });
  return undefined;
}

/** Why an image in `inline` is not a body photo, from the blocks around it. */
function placeOf(open: readonly string[]): string | undefined {
  if (open.includes("blockquote_open")) return "inside a quote";
  if (open.includes("list_item_open")) return "inside a list";
  if (open.includes("heading_open")) return "in a heading";
  if (open.includes("th_open") || open.includes("td_open")) return "in a table";
  return undefined;
}

/** Images that are not alone in a top-level paragraph: each is an error at its line. */
function misplacedImages(
  tokens: readonly Token[],
  consumed: ReadonlySet<Token>,
  offset: number,
): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const open: string[] = [];
  for (const token of tokens) {
    if (token.nesting === 1) open.push(token.type);
    if (token.nesting === -1) open.pop();
    if (token.type !== "inline" || consumed.has(token) || !token.children) continue;
    const place = placeOf(open);
    const images = token.children.filter((child) => child.type === "image").length;
    let line = offset + (token.map?.[0] ?? 0);
    if (!place && images > 1 && textless(token)) {
      // Photos one under the other: one mistake, most likely a gallery without its block.
      const last = line + token.children.filter((child) => child.type === "softbreak").length;
      issues.push({
        line,
        message: `The photos on ${last > line ? `lines ${line} to ${last}` : `line ${line}`} share one paragraph: each photo stands alone.`,
        fix: "Leave a blank line between the photos, or put them together in a ::: gallery block.",
      });
      continue;
    }
    let inLink = false;
    for (const child of token.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      if (child.type === "link_open") inLink = true;
      if (child.type === "link_close") inLink = false;
      if (child.type !== "image") continue;
      const name = String(child.attrGet("src") ?? "");
      const alone = "Put the image on a line of its own, with a blank line before and after it.";
      const message = place
        ? `is ${place}: a body photo stands on its own, between paragraphs.`
        : inLink
          ? "is inside a link: a body photo cannot be a link."
          : "shares its paragraph with text.";
      issues.push({ line, message: `The photo on line ${line} (${name}) ${message}`, fix: alone });
    }
  }
  return issues;
}

/** True when an inline token holds images and line breaks only. */
function textless(inline: Token): boolean {
  return (inline.children ?? []).every(
    (child) =>
      child.type === "image" ||
      child.type === "softbreak" ||
      child.type === "hardbreak" ||
      (child.type === "text" && child.content.trim() === ""),
  );
}
