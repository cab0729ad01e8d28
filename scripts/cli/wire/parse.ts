/**
 * Reads plain-text wire copy (the shape of the seed, tests/fixtures/seed-wire.txt) into a typed story.
 * Pure: text in, story out; the CLI decides what to write and what to warn about.
 */
import { agencyName } from "./agencies.ts";
import { isBodyCaption, PHOTO_CAPTION, splitWireCaption } from "./captions.ts";
import { joinWrappedLines } from "./wrapped.ts";

/** A story read from wire copy. Every paragraph of its text is in `paragraphs` or in `notes`. */
export interface WireStory {
  /** The first non-empty line. */
  readonly headline: string;
  /** Present when the copy marks a video (`SPH Brightcove Video`). */
  readonly video?: WireVideo;
  /** Present when the copy has a photo caption ending in `PHOTO: <CREDIT>`. */
  readonly photo?: WirePhoto;
  /** Present when the first paragraph opens `PLACE[/PLACE] (AGENCY[, AGENCY]) -`. */
  readonly dateline?: WireDateline;
  /** The body, one entry per paragraph, word for word, without the dateline lead. */
  readonly paragraphs: readonly string[];
  /** What the reader noticed but could not map to a field; the CLI prints each. */
  readonly notes: readonly WireNote[];
}

export interface WireVideo {
  /** The marker line as written, e.g. `SPH Brightcove Video`. */
  readonly marker: string;
  /** The line under the marker. */
  readonly description?: string;
}

export interface WirePhoto {
  /** The caption without its credit; absent when the line is only `PHOTO: AFP`. */
  readonly caption?: string;
  /** What follows `PHOTO:`, as written. */
  readonly credit: string;
}

export interface WireDateline {
  /** The place(s) as written, slashes without spaces: `WASHINGTON/SEOUL`. */
  readonly places: string;
  /** The agencies, spelled conventionally: `[Bloomberg, Reuters, AFP]`. */
  readonly sources: readonly string[];
}

/** Something in the copy that did not become a field, with the 1-based line it was on. */
export type WireNote =
  | { readonly kind: "unmapped"; readonly line: number; readonly text: string }
  | { readonly kind: "no-dateline"; readonly line: number; readonly text: string }
  | { readonly kind: "video-without-description"; readonly line: number }
  /** A caption beyond the lead photo's, taken out of the text. */
  | {
      readonly kind: "extra-photo-caption";
      readonly line: number;
      readonly text: string;
      readonly caption?: string;
      readonly credit: string;
    }
  | { readonly kind: "promotion-dropped"; readonly line: number; readonly text: string }
  /** Lines `line` to `to` were one paragraph, wrapped (wrapped.ts). */
  | { readonly kind: "joined"; readonly line: number; readonly to: number };

export type WireParse =
  | { readonly ok: true; readonly story: WireStory }
  | { readonly ok: false; readonly problem: "empty" | "no-body"; readonly line: number };

export interface WireOptions {
  /** The site's promotion line (`promotion.text`): the site adds it, so the copy's is dropped. */
  readonly promotion?: string;
}

interface Line {
  readonly number: number;
  readonly text: string;
}

/** `<anything> Brightcove Video`, e.g. `SPH Brightcove Video`. */
const VIDEO_MARKER = /^(?:.{0,60}\s)?Brightcove Video$/i;

/** One place in capitals: `WASHINGTON`, `KUALA LUMPUR`, `ST. PETERSBURG`, `N'DJAMENA`. */
const PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}\p{N}.'’&-]*(?: [\p{Lu}\p{N}][\p{Lu}\p{M}\p{N}.'’&-]*)*`;

/** `PLACE[/PLACE...] (AGENCY[, AGENCY...]) - text`, the dash any of - – —. */
const DATELINE = new RegExp(
  String.raw`^(${PLACE}(?: ?/ ?${PLACE})*) ?\(([^()]{1,100})\) ?[-–—]{1,2} ?(.*)$`,
  "u",
);

/** One agency inside the brackets: letters first, then letters, digits and a little punctuation. */
const AGENCY = /^\p{L}[\p{L}\p{N} .&'’-]*$/u;

/**
 * A standfirst or byline may sit between the photo caption and the dateline; more lines than
 * this before a dateline-shaped paragraph mean the story has no dateline, and that paragraph is
 * body text (a quoted dispatch), not something to lift out of the body.
 */
const MAX_LINES_BEFORE_DATELINE = 2;

/**
 * Reads wire copy into a {@link WireStory}. A paragraph is a line, so copy with or without blank
 * lines between paragraphs reads the same, except that copy with blank lines between paragraphs
 * and several lines in a row is wrapped: those lines are one paragraph (wrapped.ts, and a note
 * says so). Line endings may be `\n`, `\r\n` or `\r`; a leading byte-order mark is ignored.
 *
 * - the first non-empty line is the headline;
 * - before the story, in any order: a `... Brightcove Video` marker (the line under it is the
 *   video's description) and a photo caption ending in `PHOTO: <CREDIT>`;
 * - the first paragraph shaped `PLACE[/PLACE] (AGENCY[, AGENCY]) - text` gives the dateline and
 *   the sources, and its text starts the body;
 * - every following paragraph is body, except a last one that is the site's promotion.
 *
 * @example
 * const parsed = parseWire(
 *   "Kim gets a letter\n\nSEOUL (REUTERS, AFP) - Kim got a letter.\n\nHe read it.\n",
 * );
 * // parsed.ok === true
 * // parsed.story.headline === "Kim gets a letter"
 * // parsed.story.dateline  → { places: "SEOUL", sources: ["Reuters", "AFP"] }
 * // parsed.story.paragraphs → ["Kim got a letter.", "He read it."]
 */
export function parseWire(text: string, options: WireOptions = {}): WireParse {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, text: cleanLine(raw) }))
    .filter((line) => line.text !== "");
  const [headline, ...rest] = lines;
  if (!headline) return { ok: false, problem: "empty", line: 1 };

  const notes: WireNote[] = [];
  const preamble = readPreamble(rest, notes);
  const story = rest.slice(preamble.length);
  const found = findDateline(story);
  let body: Line[];
  let dateline: WireDateline | undefined;
  if (found) {
    for (const line of story.slice(0, found.index)) {
      notes.push({ kind: "unmapped", line: line.number, text: line.text });
    }
    dateline = found.dateline;
    const opening = story[found.index];
    body = [
      ...(found.lead && opening ? [{ number: opening.number, text: found.lead }] : []),
      ...story.slice(found.index + 1),
    ];
  } else {
    body = story;
    const first = story[0];
    if (first) notes.push({ kind: "no-dateline", line: first.number, text: first.text });
  }

  body = body.filter((line) => {
    if (!isBodyCaption(line.text)) return true;
    notes.push(extraCaption(line));
    return false;
  });
  const last = body.at(-1);
  if (last && options.promotion && isPromotion(last.text, options.promotion)) {
    body = body.slice(0, -1);
    notes.push({ kind: "promotion-dropped", line: last.number, text: last.text });
  }
  if (body.length === 0) {
    return { ok: false, problem: "no-body", line: (last ?? headline).number };
  }
  const wrapped = joinWrappedLines(body);
  body = wrapped.paragraphs;
  for (const group of wrapped.joined)
    notes.push({ kind: "joined", line: group.from, to: group.to });
  return {
    ok: true,
    story: {
      headline: headline.text,
      ...(preamble.video ? { video: preamble.video } : {}),
      ...(preamble.photo ? { photo: preamble.photo } : {}),
      ...(dateline ? { dateline } : {}),
      paragraphs: body.map((line) => line.text),
      notes,
    },
  };
}

interface Preamble {
  /** How many lines the preamble took. */
  readonly length: number;
  readonly video?: WireVideo;
  readonly photo?: WirePhoto;
}

/**
 * The video marker, its description and the photo caption, read from the lines right after the
 * headline. Reading stops at the first other line, so a body paragraph that happens to end in
 * "PHOTO: ..." is never lifted out of the body.
 */
function readPreamble(lines: readonly Line[], notes: WireNote[]): Preamble {
  let index = 0;
  let video: WireVideo | undefined;
  let photo: WirePhoto | undefined;
  for (;;) {
    const line = lines[index];
    if (!line) break;
    if (!video && VIDEO_MARKER.test(line.text)) {
      const next = lines[index + 1];
      // In the seed the description is the line right under the marker and the caption follows
      // with no blank line between; a caption or dateline there means there is no description.
      if (next && !isPreambleLine(next.text) && !DATELINE.test(next.text)) {
        video = { marker: line.text, description: next.text };
        index += 2;
      } else {
        video = { marker: line.text };
        notes.push({ kind: "video-without-description", line: line.number });
        index += 1;
      }
      continue;
    }
    const caption = splitWireCaption(line.text);
    if (caption) {
      // The first caption is the lead photo's; any more are reported, not lost.
      if (photo) notes.push(extraCaption(line));
      else photo = caption;
      index += 1;
      continue;
    }
    break;
  }
  return { length: index, ...(video ? { video } : {}), ...(photo ? { photo } : {}) };
}

function extraCaption(line: Line): WireNote {
  const found = splitWireCaption(line.text) ?? { credit: "" };
  return { kind: "extra-photo-caption", line: line.number, text: line.text, ...found };
}

function isPreambleLine(text: string): boolean {
  return VIDEO_MARKER.test(text) || PHOTO_CAPTION.test(text);
}

interface FoundDateline {
  /** Index of the dateline paragraph in the story's lines. */
  readonly index: number;
  readonly dateline: WireDateline;
  /** The text after the dash: the start of the first body paragraph. */
  readonly lead: string;
}

function findDateline(lines: readonly Line[]): FoundDateline | undefined {
  for (const [index, line] of lines.slice(0, MAX_LINES_BEFORE_DATELINE + 1).entries()) {
    const dateline = parseDateline(line.text);
    if (dateline) return { index, ...dateline };
  }
  return undefined;
}

/**
 * Splits a dateline paragraph into place(s), agencies and the text after the dash.
 *
 * @example parseDateline("LONDON/PARIS (REUTERS) - Talks began.")
 * // { dateline: { places: "LONDON/PARIS", sources: ["Reuters"] }, lead: "Talks began." }
 */
export function parseDateline(
  text: string,
): { readonly dateline: WireDateline; readonly lead: string } | undefined {
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  const [, places = "", agencies = "", lead = ""] = match;
  const names = agencies.split(/\s*[,/]\s*/).map((name) => name.trim());
  if (names.some((name) => !AGENCY.test(name))) return undefined;
  return {
    dateline: { places: places.replace(/ ?\/ ?/g, "/"), sources: names.map(agencyName) },
    lead: lead.trim(),
  };
}

/** Trims a line and collapses runs of spaces and tabs, which Markdown would collapse anyway. */
function cleanLine(raw: string): string {
  return raw.replace(/[ \t]+/g, " ").trim();
}

/** Compares ignoring whitespace and typographic against straight quotes. */
export function isPromotion(text: string, promotion: string): boolean {
  const normalise = (value: string) =>
    value
      .replace(/[‘’ʼ′]/g, "'")
      .replace(/[“”″]/g, '"')
      .replace(/\s+/g, "");
  return normalise(text) === normalise(promotion);
}
