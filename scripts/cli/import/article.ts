/**
 * Maps a wire story and the editor's checked request to an article: its front-matter fields,
 * the media files to copy beside it, and the notes for the editor. Pure: nothing is read or
 * written, so every mapping rule is testable without files.
 */
import type { MediaCopy } from "../wire/article-folder.ts";
import type { ArticleFields } from "../wire/front-matter.ts";
import type { WireStory } from "../wire/parse.ts";
import { type ImportNotes, importNotes } from "./notes.ts";
import type { ImportRequest } from "./request.ts";

/** The article an import writes: its fields, the media to copy, and what the editor must know. */
export interface ImportedArticle extends ImportNotes {
  readonly fields: ArticleFields;
  readonly media: readonly MediaCopy[];
}

/** Maps a wire story and the editor's options to an article. */
export function articleFromWire(story: WireStory, request: ImportRequest): ImportedArticle {
  const { photo, video } = request;
  const fields: ArticleFields = {
    title: story.headline,
    date: request.date,
    section: request.section,
    ...(request.tags && request.tags.length > 0 ? { tags: request.tags } : {}),
    ...(story.dateline ? { dateline: story.dateline.places, sources: story.dateline.sources } : {}),
    ...(request.authors ? { authors: request.authors } : {}),
    ...(request.kind ? { kind: request.kind } : {}),
    ...(photo
      ? {
          image: {
            src: photo.name,
            alt: photo.alt,
            ...(story.photo?.caption ? { caption: story.photo.caption } : {}),
            ...(story.photo ? { credit: story.photo.credit } : {}),
            ...(photo.focus ? { focus: photo.focus } : {}),
          },
        }
      : {}),
    ...(video
      ? {
          video: {
            provider: "brightcove",
            id: video.id,
            ...(video.title ? { title: video.title } : {}),
            ...(story.video?.description ? { description: story.video.description } : {}),
            thumbnail: video.thumbnailName,
          },
        }
      : {}),
    ...(request.draft ? { draft: true } : {}),
  };
  const media: MediaCopy[] = [
    ...(photo ? [{ from: photo.from, name: photo.name }] : []),
    ...(video ? [{ from: video.thumbnailFrom, name: video.thumbnailName }] : []),
  ];
  return { fields, media, ...importNotes(story, request) };
}
