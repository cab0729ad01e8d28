/**
 * A body photo as the editor writes it: `![alt](file "Caption. PHOTO: CREDIT")`. The alt text is
 * required; the title is the caption, and a trailing `PHOTO: <CREDIT>` (or `GRAPHIC:`,
 * `VIDEO:`) is the credit, kept apart as the lead photo's is. The file must sit beside index.md.
 */
import type { Token } from "markdown-it";
import type { BodyPhoto, CreditLabel, PhotoCredit } from "./blocks.ts";
import type { BodyIssue } from "./issues.ts";

/**
 * Splits an image title into caption and credit.
 *
 * @example splitCaption("Rescue workers in East Jakarta on Monday. PHOTO: REUTERS")
 * // { caption: "Rescue workers in East Jakarta on Monday.", credit: { label: "PHOTO", name: "REUTERS" } }
 */
export function splitCaption(title: string): { caption?: string; credit?: PhotoCredit } {
  const clean = title.replace(/\s+/g, " ").trim();
  const match = lastCredit(clean);
  if (!match) return clean ? { caption: clean } : {};
  const caption = match.before.trim();
  return { ...(caption ? { caption } : {}), credit: { label: match.label, name: match.name } };
}

/**
 * The last `LABEL: credit` in the text, the label in capitals as wire style writes it: greedy, so
 * a caption quoting "PHOTO:" keeps its words and the credit is what ends the title.
 */
function lastCredit(
  text: string,
): { before: string; label: CreditLabel; name: string } | undefined {
  let found: { before: string; label: CreditLabel; name: string } | undefined;
  for (const match of text.matchAll(/\b(PHOTOS?|GRAPHICS?|VIDEO):\s*/g)) {
    const name = text.slice((match.index ?? 0) + match[0].length).trim();
    if (name === "") continue;
    found = {
      before: text.slice(0, match.index),
      label: match[1] as CreditLabel,
      name,
    };
  }
  return found;
}

/** The plain text of an image's alt (its children), markup stripped as CommonMark says. */
function altText(token: Token): string {
  return (token.children ?? [])
    .map((child) =>
      child.type === "softbreak" || child.type === "hardbreak" ? " " : child.content,
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** `%20` and friends back to the characters of the file name. */
function fileName(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

const EXAMPLE = '![What the photo shows](photo.jpg "Caption. PHOTO: CREDIT")';

/**
 * The photo an image token writes, or what is wrong with it. `line` is its line in index.md and
 * `index` its place among the body's photos.
 */
export function photoFromImage(
  token: Token,
  line: number,
  index: number,
): { readonly photo: BodyPhoto } | { readonly issue: BodyIssue } {
  const src = String(token.attrGet("src") ?? "").trim();
  const alt = altText(token);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
    return {
      issue: {
        line,
        message: `The photo on line ${line} is on another site (${src}): body photos are files beside index.md, so the build can check, size and credit them.`,
        fix: `Save the photo (with the right to publish it) beside index.md and write its file name, e.g. ${EXAMPLE}.`,
      },
    };
  }
  const name = fileName(src);
  if (name === "" || /[/\\]/.test(name) || name === "." || name === "..") {
    return {
      issue: {
        line,
        message: `The photo on line ${line} names "${name}", which is not a file beside index.md.`,
        fix: `Put the photo in the article's folder, beside index.md, and write its file name alone: ${EXAMPLE}.`,
      },
    };
  }
  if (alt === "") {
    return {
      issue: {
        line,
        message: `The photo on line ${line} (${name}) has no alt text: readers who cannot see it would get nothing.`,
        fix: `Describe what the photo shows between the brackets: ![Rescue workers carry a resident through waist-deep water](${name}).`,
      },
    };
  }
  const { caption, credit } = splitCaption(String(token.attrGet("title") ?? ""));
  return {
    photo: {
      index,
      src: name,
      alt,
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      line,
    },
  };
}

/** True when an inline token holds one image and nothing else but spaces. */
export function isLoneImage(inline: Token | undefined): boolean {
  if (inline?.type !== "inline" || !inline.children) return false;
  const meaningful = inline.children.filter(
    (child) => !(child.type === "text" && child.content.trim() === ""),
  );
  return meaningful.length === 1 && meaningful[0]?.type === "image";
}
