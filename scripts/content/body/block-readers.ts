/**
 * The `:::` blocks a body may hold, read from their lines: `::: gallery` (two or more body
 * photos, one per line) and `::: pullquote <attribution>` (one paragraph of plain text). Every
 * problem is reported at its line of index.md, with the fix.
 */
import type { MarkdownIt, Token } from "markdown-it";
import { closestName } from "../suggest.ts";
import type { BlockLine, BlockMeta } from "./block-rules.ts";
import type { BodyBlock, BodyPhoto } from "./blocks.ts";
import type { BodyIssue } from "./issues.ts";
import { isLoneImage, photoFromImage } from "./photo-syntax.ts";

/** The blocks Broadsheet knows, by the name after `:::`. */
export const BLOCK_NAMES = ["gallery", "pullquote"] as const;

/** What reading a block gives: the block when it is sound, and what is wrong with it. */
export interface BlockReading {
  readonly block?: BodyBlock;
  readonly issues: readonly BodyIssue[];
  /** How many body photos the block holds, valid or not: the next photo's index moves past them. */
  readonly photos: number;
  /**
   * The sound photos of a block that has a mistake: not shown, but their files are still looked
   * for, so a missing one is reported in the same run as the block's mistake.
   */
  readonly unshown?: readonly BodyPhoto[];
}

/** Where the block's lines sit: its own line in index.md, and the offset of body lines. */
export interface BlockPlace {
  /** The 1-based line of index.md of the opening `:::` line. */
  readonly line: number;
  /** Added to a 0-based body line to give the line of index.md. */
  readonly offset: number;
}

const PHOTO_EXAMPLE = '![What the photo shows](photo.jpg "Caption. PHOTO: CREDIT")';

/** The plain text of an inline token: text and code, breaks as spaces. */
export function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return " ";
      return "";
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

function gallery(
  md: MarkdownIt,
  lines: readonly BlockLine[],
  place: BlockPlace,
  firstIndex: number,
): BlockReading {
  const issues: BodyIssue[] = [];
  const photos: BodyPhoto[] = [];
  let count = 0;
  for (const { text, line } of lines) {
    if (text.trim() === "") continue;
    const at = place.offset + line;
    const inline = md.parseInline(text.trim(), {})[0];
    if (!isLoneImage(inline)) {
      issues.push({
        line: at,
        message: `Line ${at} is inside the gallery opened on line ${place.line} but is not a photo: a gallery holds only photos, one per line.`,
        fix: `Write each photo on its own line as ${PHOTO_EXAMPLE}, and move other text after the gallery's closing ::: line.`,
      });
      continue;
    }
    const image = inline?.children?.find((child) => child.type === "image");
    if (!image) continue;
    const read = photoFromImage(image, at, firstIndex + count);
    count++;
    if ("issue" in read) issues.push(read.issue);
    else photos.push(read.photo);
  }
  if (count === 0) {
    issues.push({
      line: place.line,
      message: `The gallery on line ${place.line} holds no photos.`,
      fix: `Write two or more photos inside it, one per line: ${PHOTO_EXAMPLE}.`,
    });
  } else if (count === 1) {
    issues.push({
      line: place.line,
      message: `The gallery on line ${place.line} holds one photo: a gallery shows two or more.`,
      fix: "Add another photo to the gallery, or take the photo out of the ::: gallery block to show it on its own.",
    });
  }
  const sound = issues.length === 0;
  return sound
    ? { block: { kind: "gallery", photos }, issues, photos: count }
    : { issues, photos: count, unshown: photos };
}

function pullquote(md: MarkdownIt, meta: BlockMeta, place: BlockPlace): BlockReading {
  const paragraphs = meta.lines
    .map((line) => line.text.trim())
    .join("\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const opening = `::: pullquote${meta.args.trim() ? ` ${meta.args.trim()}` : ""}`;
  if (paragraphs.length === 0) {
    return {
      issues: [
        {
          line: place.line,
          message: `The pull quote on line ${place.line} is empty.`,
          fix: `Write the quote on the lines between "${opening}" and the closing ::: line.`,
        },
      ],
      photos: 0,
    };
  }
  if (paragraphs.length > 1) {
    return {
      issues: [
        {
          line: place.line,
          message: `The pull quote on line ${place.line} holds ${paragraphs.length} paragraphs: a pull quote is one.`,
          fix: "Keep one paragraph (no blank line inside the block), or make each paragraph its own ::: pullquote.",
        },
      ],
      photos: 0,
    };
  }
  // Plain text: emphasis marks are dropped (the words stay), quotes curled as in the running
  // text. A link's address or a photo would be lost, so they are mistakes, not dropped.
  const inline = md.parseInline(paragraphs[0] ?? "", {})[0];
  const lost = (inline?.children ?? []).find(
    (child) => child.type === "link_open" || child.type === "image",
  );
  if (lost) {
    const first = meta.lines.find((line) => line.text.trim() !== "");
    const at = first ? place.offset + first.line : place.line;
    const what = lost.type === "image" ? "a photo" : "a link";
    return {
      issues: [
        {
          line: at,
          message: `The pull quote on line ${place.line} holds ${what}: a pull quote is plain text, and ${what === "a photo" ? "the photo" : "the link's address"} would not be shown.`,
          fix:
            what === "a photo"
              ? "Move the photo to a line of its own after the closing ::: line."
              : "Write the quote's words without the [text](address) link, and put the link in the running text.",
        },
      ],
      photos: 0,
    };
  }
  const text = inlineText(inline);
  const attribution = meta.args.replace(/\s+/g, " ").trim();
  return {
    block: { kind: "pullquote", text, ...(attribution ? { attribution } : {}) },
    issues: [],
    photos: 0,
  };
}

/** Reads one `:::` block. `firstIndex` is the index its first photo would take. */
export function readBlock(
  md: MarkdownIt,
  name: string,
  meta: BlockMeta,
  place: BlockPlace,
  firstIndex: number,
): BlockReading {
  if (name === "") {
    return {
      issues: [
        {
          line: place.line,
          message: `Line ${place.line} (:::) closes a block, but no block is open.`,
          fix: "Remove the line, or open the block above it with ::: gallery or ::: pullquote.",
        },
      ],
      photos: 0,
    };
  }
  if (meta.unclosed) {
    // An open gallery runs to the end of the body: its photos are still looked for (their
    // files' mistakes come in the same run), but what else follows is not judged as its lines.
    const open = name === "gallery" ? gallery(md, meta.lines, place, firstIndex) : undefined;
    const unshown = open
      ? [...(open.unshown ?? []), ...(open.block?.kind === "gallery" ? open.block.photos : [])]
      : [];
    return {
      issues: [
        {
          line: place.line,
          message: `The "::: ${name}" block opened on line ${place.line} is never closed.`,
          fix: "Add a line holding only ::: after the block's last line.",
        },
      ],
      photos: 0,
      ...(unshown.length > 0 ? { unshown } : {}),
    };
  }
  if (name === "gallery") return gallery(md, meta.lines, place, firstIndex);
  if (name === "pullquote") return pullquote(md, meta, place);
  const near = closestName(name, BLOCK_NAMES);
  return {
    issues: [
      {
        line: place.line,
        message: `"::: ${name}" on line ${place.line} is not a block Broadsheet knows (only ${BLOCK_NAMES.join(" and ")}).`,
        fix: near
          ? `Write "::: ${near}" if that is what you meant.`
          : "Use ::: gallery (two or more photos) or ::: pullquote <who said it>, and close it with a line holding only :::.",
      },
    ],
    photos: 0,
  };
}
