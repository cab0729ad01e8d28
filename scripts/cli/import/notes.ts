/**
 * What the editor must know about an import: whatever the wire text holds that the article
 * cannot carry becomes a warning quoting it, so nothing is lost silently, and what was done as
 * expected but is worth a line becomes a notice.
 */

import { bodyPhotoFor } from "../wire/captions.ts";
import type { Warning } from "../wire/command.ts";
import type { WireStory } from "../wire/parse.ts";
import type { ImportRequest } from "./request.ts";

/** The warnings and notices for one import; `request` says which media the editor gave. */
export interface ImportNotes {
  readonly warnings: readonly Warning[];
  /** What was done as expected but is worth a line (the promotion left out, no media). */
  readonly notices: readonly string[];
}

/** The notes for importing `story` as `request` asks. Pure. */
export function importNotes(story: WireStory, request: ImportRequest): ImportNotes {
  const warnings: Warning[] = [];
  const notices: string[] = [];
  const { photo, video } = request;

  if (story.photo && !photo) {
    warnings.push({
      message:
        'The wire text has a photo caption, but no --photo was given: an article without a photo cannot show a caption, so the caption and credit are left out. To use them, import again with --photo <file> --alt "<text>" --force.',
      text: [story.photo.caption, `PHOTO: ${story.photo.credit}`].filter(Boolean).join(" "),
    });
  }
  if (story.video && !video) {
    warnings.push({
      message: `The wire text marks a video (${story.video.marker}), but no --video-id and --video-thumbnail were given: the video is left out.${story.video.description ? " Its description was:" : ""}`,
      ...(story.video.description ? { text: story.video.description } : {}),
    });
  }
  if (photo && !story.photo) {
    notices.push("The wire text has no photo caption: the photo is shown without one.");
  }
  if (!photo && !video && !story.photo && !story.video) {
    notices.push("No photo or video: the article is text only.");
  }
  let extra = 1;
  for (const note of story.notes) {
    switch (note.kind) {
      case "extra-photo-caption":
        extra++;
        warnings.push({
          message: `Line ${note.line} is another photo caption: only the lead photo comes from the wire text, so it is left out of the article. To show that photo, put it beside index.md and write it in the body where it belongs, e.g. ${bodyPhotoFor(note, extra)}. The caption was:`,
          text: note.text,
        });
        break;
      case "unmapped":
        warnings.push({
          message: `Line ${note.line} was not imported: it comes before the dateline and is not the video, its description or the photo caption.`,
          text: note.text,
        });
        break;
      case "no-dateline":
        warnings.push({
          message: `No dateline like "LONDON (REUTERS) - " was found: the article has no dateline or sources, and its body starts with line ${note.line}.`,
          text: note.text,
        });
        break;
      case "video-without-description":
        if (video) {
          warnings.push({
            message: `The video marker on line ${note.line} has no description under it: the video has none.`,
          });
        }
        break;
      case "joined":
        notices.push(
          `Lines ${note.line} to ${note.to} are one paragraph: the copy puts blank lines between paragraphs and breaks these lines mid-paragraph, as wrapped copy does.`,
        );
        break;
      case "promotion-dropped":
        notices.push(
          `Left out line ${note.line}, the site's promotion: the site adds it to every article.`,
        );
        break;
    }
  }
  return { warnings, notices };
}
