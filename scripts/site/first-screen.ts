/**
 * Whether a story's lead media can come before its text and still leave the story's first
 * words on the first screen of a phone (375 x 812 CSS px: the promise of issue 23). A photo or
 * video leads the story when it fits; under a headline and standfirst too long for both, the
 * media follows the first paragraph instead, as a video-led story's photo does.
 *
 * Decided at build time, so no script moves anything: the opening's height is estimated from
 * the text's length with the type's measured widths (Chromium, the site's own fonts, 7 December
 * 2026) and the stylesheet's sizes at 375 px. Every error is on the safe side: widths are the
 * letters' plain means (wider than running text's), a reporter's byline and the times count a
 * line each; against the test and demonstration pages in Chromium it is within 1 px, above.
 * The browser tests (tests/browser/site.test.ts, "first words on the first screen") hold the
 * estimate to the stylesheet: a change to the type scale that breaks it fails them.
 */
import type { Article } from "../content/model.ts";
import type { BylineSpec } from "./bylines.ts";
import { curl } from "./typography.ts";

/** Advance widths in em of each kind of character, by face (means over ASCII's). */
interface Widths {
  readonly lower: number;
  readonly upper: number;
  readonly digit: number;
  readonly space: number;
  readonly other: number;
}

/** Newsreader at 650 (headlines), Newsreader at 400 (standfirsts), Source Sans 3 (captions). */
const HEADLINE: Widths = { lower: 0.522, upper: 0.73, digit: 0.62, space: 0.22, other: 0.31 };
const STANDFIRST: Widths = { lower: 0.485, upper: 0.69, digit: 0.57, space: 0.23, other: 0.29 };
const CAPTION: Widths = { lower: 0.474, upper: 0.569, digit: 0.5, space: 0.2, other: 0.3 };
/** Source Sans 3 at 650 (bylines): the regular's widths, 8% wider. */
const BYLINE: Widths = { lower: 0.512, upper: 0.615, digit: 0.54, space: 0.216, other: 0.324 };

/** The phone, and the story page's layout on it in CSS px (assets/css/site.css at 375 px). */
export const PHONE_SCREEN = { width: 375, height: 812 } as const;
const LAYOUT = {
  /** The text column: the screen less 16 px each side. */
  column: 343,
  /** The masthead, the sections' bar and the breadcrumbs, down to the headline's top. */
  headlineTop: 162,
  /** A kind label (Analysis, Opinion, ...) or the sponsored notice above the headline. */
  kindLine: 30,
  headline: { size: 30.6, lineHeight: 33.7, letterSpacing: -0.014, after: 10 },
  standfirst: { size: 20.3, lineHeight: 28.4, after: 14 },
  /** The correction notice: up to four lines of 15 px sans at 24 px, its padding and margin. */
  correctionNotice: 4 * 24 + 16 + 16,
  /**
   * The byline and times (15 px sans, 21 px lines): padding and rule, the byline, a 2 px gap,
   * the times; on one line when short. A reporter's photo is 48 px; then the gap to the media.
   */
  meta: { frame: 21, line: 21, gap: 2, photo: 48, size: 15, after: 16 },
  caption: { size: 14, lineHeight: 20.3, paddingTop: 8 },
  /** The compact video block: the 16:9 player and its title and folded description. */
  video: 263,
  /** The space under a lead photo or video before the text. */
  mediaAfter: 20,
  /** The first line of the first paragraph's words (the tests ask for 24 px), and 4 to spare. */
  firstLine: 28,
} as const;

/** The character's kind, for its width. */
function widthOf(character: string, widths: Widths): number {
  if (character === " ") return widths.space;
  if (/\p{Ll}/u.test(character)) return widths.lower;
  if (/\p{Lu}|\p{Lt}/u.test(character)) return widths.upper;
  if (/\p{Nd}/u.test(character)) return widths.digit;
  // Letters of scripts without case (CJK, Thai, ...) are as wide as the em or nearly.
  if (/\p{Lo}/u.test(character)) return 1;
  return widths.other;
}

/** How many lines `text` takes at `size` px in `column` px, words wrapped as a browser wraps them. */
export function linesOf(
  text: string,
  widths: Widths,
  size: number,
  column: number,
  letterSpacing = 0,
): number {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const measure = (word: string) =>
    [...word].reduce((sum, character) => sum + widthOf(character, widths) + letterSpacing, 0) *
    size;
  const space = (widths.space + letterSpacing) * size;
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const width = measure(word);
    if (used === 0) {
      // A word wider than the column breaks (overflow-wrap: break-word).
      lines += Math.max(0, Math.ceil(width / column) - 1);
      used = width % column || Math.min(width, column);
    } else if (used + space + width <= column) {
      used += space + width;
    } else {
      lines += 1 + Math.max(0, Math.ceil(width / column) - 1);
      used = width % column || Math.min(width, column);
    }
  }
  return lines;
}

/** A story's opening, as its page shows it above the body. */
export interface Opening {
  readonly title: string;
  readonly standfirst?: string | undefined;
  /** A kind label or the sponsored notice above the headline. */
  readonly kindLine: boolean;
  /** The correction notice under the standfirst (Corrections.tsx: a fixed sentence and a link). */
  readonly correctionNotice: boolean;
  /** The byline and times' height in px (storyMetaHeight). */
  readonly metaHeight: number;
}

/** The lead media as the phone shows it. */
export type LeadMedia =
  | { readonly kind: "video" }
  | {
      readonly kind: "photo";
      /** The photo's drawn height over its width: 4:3 for an upright one (photo-slot.ts). */
      readonly shape: number;
      /** The caption and credit line, as shown. */
      readonly caption: string;
    };

/** Where the first paragraph would start with `media` before it, in px from the top. */
export function firstParagraphTop(opening: Opening, media: LeadMedia): number {
  const { headline, standfirst, meta, caption } = LAYOUT;
  let top = LAYOUT.headlineTop + (opening.kindLine ? LAYOUT.kindLine : 0);
  const headlineLines = linesOf(
    opening.title,
    HEADLINE,
    headline.size,
    LAYOUT.column,
    headline.letterSpacing,
  );
  top += headlineLines * headline.lineHeight + headline.after;
  if (opening.standfirst) {
    const lines = linesOf(opening.standfirst, STANDFIRST, standfirst.size, LAYOUT.column);
    top += lines * standfirst.lineHeight + standfirst.after;
  }
  if (opening.correctionNotice) top += LAYOUT.correctionNotice;
  top += opening.metaHeight + meta.after;
  if (media.kind === "video") return top + LAYOUT.video + LAYOUT.mediaAfter;
  top += PHONE_SCREEN.width * media.shape;
  if (media.caption) {
    // The caption runs the screen's width less 16 px each side, like the text.
    const lines = linesOf(media.caption, CAPTION, caption.size, LAYOUT.column);
    top += caption.paddingTop + lines * caption.lineHeight;
  }
  return top + LAYOUT.mediaAfter;
}

/** Whether `media` can lead the story and leave its first line on the phone's first screen. */
export function mediaLeadsOnPhone(opening: Opening, media: LeadMedia): boolean {
  return firstParagraphTop(opening, media) + LAYOUT.firstLine <= PHONE_SCREEN.height;
}

/** What an article's page shows above its body, for the estimate. */
export function articleOpening(
  article: Pick<Article, "title" | "standfirst" | "kind" | "corrections" | "updated" | "credit">,
  byline: readonly BylineSpec[] | undefined,
): Opening {
  return {
    title: curl(article.title),
    standfirst: article.standfirst ? curl(article.standfirst) : undefined,
    kindLine: article.kind !== "news",
    correctionNotice: article.corrections.length > 0,
    metaHeight: storyMetaHeight(article, byline),
  };
}

/**
 * The height of the byline and times on the phone. The newsroom's or the agencies' credit shares
 * a line with the time when both are short; a reporter's byline takes its own lines (two with a
 * role, 48 px with a photo; several reporters as their names wrap), the times theirs.
 */
export function storyMetaHeight(
  article: Pick<Article, "updated" | "credit">,
  byline: readonly BylineSpec[] | undefined,
): number {
  const { meta } = LAYOUT;
  const timeLines = article.updated ? 2 : 1;
  const { credit } = article;
  if (credit.kind !== "authors") {
    const short = credit.kind === "staff" || credit.names.join(", ").length <= 24;
    if (short && !article.updated) return meta.frame + meta.line;
    return meta.frame + meta.line + meta.gap + timeLines * meta.line;
  }
  const people = byline ?? credit.names.map((name): BylineSpec => ({ name }));
  const [only] = people;
  const bylineHeight =
    people.length === 1 && only
      ? Math.max(only.photo ? meta.photo : 0, (only.role ? 2 : 1) * meta.line)
      : meta.line *
        linesOf(
          `By ${people.map((person) => (person.role ? `${person.name} (${person.role})` : person.name)).join(", ")}`,
          BYLINE,
          meta.size,
          LAYOUT.column,
        );
  return meta.frame + bylineHeight + meta.gap + timeLines * meta.line;
}
