/**
 * Photo captions in wire copy: `Rescue workers in East Jakarta. PHOTO: REUTERS`. The first, before
 * the story, is the lead photo's; wire copy often carries more, for photos further down. An
 * article holds only the photos an editor places, so extra captions are taken out of the text
 * and reported with the body photo to write for each: nothing is lost, and no caption is
 * published as a paragraph of the story.
 */

/** A caption ending in `PHOTO: <CREDIT>` (or `PHOTOS:`); greedy, so the last credit wins. */
export const PHOTO_CAPTION = /^(.*)\bPHOTOS?\s*:\s*(\S.*)$/i;

/**
 * A caption inside the story is held to wire style, so a sentence that happens to say
 * "the photo: ..." stays in the story: the label and the credit in capitals, at the line's end.
 */
const BODY_CAPTION = /(?:^|\s)(?:PHOTOS?|GRAPHICS?):\s*[\p{Lu}\p{N}][\p{Lu}\p{N} .,&/'’-]{0,80}$/u;

/** True when a paragraph of the story is a photo caption. */
export function isBodyCaption(text: string): boolean {
  return BODY_CAPTION.test(text);
}

export interface WireCaption {
  /** The caption without its credit; absent when the line is only `PHOTO: AFP`. */
  readonly caption?: string;
  /** What follows `PHOTO:`, as written. */
  readonly credit: string;
}

/** Splits a caption line into caption and credit, or undefined when it is not one. */
export function splitWireCaption(text: string): WireCaption | undefined {
  const match = PHOTO_CAPTION.exec(text);
  if (!match) return undefined;
  const [, caption = "", credit = ""] = match;
  return { ...(caption.trim() ? { caption: caption.trim() } : {}), credit: credit.trim() };
}

/**
 * The body photo an editor would write for a caption, to paste where the photo belongs.
 *
 * @example bodyPhotoFor({ caption: "Sandbags.", credit: "AFP" }, 2)
 * // '![Describe the photo](photo-2.jpg "Sandbags. PHOTO: AFP")'
 */
export function bodyPhotoFor(found: WireCaption, number: number): string {
  const title = [found.caption, `PHOTO: ${found.credit}`]
    .filter(Boolean)
    .join(" ")
    .replace(/"/g, "'");
  return `![Describe the photo](photo-${number}.jpg "${title}")`;
}
