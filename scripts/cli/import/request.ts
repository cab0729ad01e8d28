/** What an import works from once the command line is checked: the editor's request and the story. */
import type { DateTime } from "luxon";
import type { BylineEntry } from "../../content/byline-entry.ts";
import type { ArticleKind } from "../../content/kinds.ts";
import type { WireStory } from "../wire/parse.ts";

/** What the editor asked for, checked: everything but the wire text itself. */
export interface ImportRequest {
  readonly section: string;
  readonly date: DateTime;
  readonly photo?: PhotoRequest;
  readonly video?: VideoRequest;
  readonly tags?: readonly string[];
  /** Names or profile slugs, as `authors` is written; `{name}` for a name shown as written. */
  readonly authors?: readonly BylineEntry[];
  readonly kind?: ArticleKind;
  /** Written as `draft: true` (the default), or published by the next build (`--publish`). */
  readonly draft: boolean;
}

/** The photo to copy beside the article, and what the editor said about it. */
export interface PhotoRequest {
  readonly from: string;
  readonly name: string;
  readonly alt: string;
  readonly focus?: readonly [number, number];
}

/** The Brightcove video, and the thumbnail to copy beside the article. */
export interface VideoRequest {
  readonly id: string;
  readonly thumbnailFrom: string;
  readonly thumbnailName: string;
  readonly title?: string;
}

/** Everything an import needs, checked: every problem with the command line is reported at once. */
export interface CheckedImport {
  readonly wireFile: string;
  readonly story: WireStory;
  readonly slug: string;
  readonly request: ImportRequest;
}
