/**
 * Where the lead photo goes when a video leads the story: after the body's first paragraph, so
 * that on a phone the story's first words are on the first screen, under the video (the contract
 * keeps the video first), and the photo follows them.
 */
import type { BodyBlock } from "../content/body/blocks.ts";

/**
 * The body split after its first paragraph: `before` holds it (and anything before it), `after`
 * the rest. A body whose first block is not running text, or has no paragraph, is all `after`.
 */
export function splitAfterFirstParagraph(blocks: readonly BodyBlock[]): {
  before: BodyBlock[];
  after: BodyBlock[];
} {
  const [first, ...rest] = blocks;
  if (first?.kind !== "html") return { before: [], after: [...blocks] };
  // markdown-it writes each paragraph as `<p>...</p>\n`: the first one ends at the first `</p>`.
  const end = first.html.indexOf("</p>");
  if (!first.html.startsWith("<p>") || end === -1) return { before: [], after: [...blocks] };
  const cut = end + "</p>".length;
  const head = first.html.slice(0, cut);
  const tail = first.html.slice(cut).replace(/^\n/, "");
  return {
    before: [{ ...first, html: `${head}\n` }],
    after: tail.trim() === "" ? rest : [{ ...first, html: tail }, ...rest],
  };
}
