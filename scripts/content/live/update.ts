/**
 * One live update: a file `content/articles/<slug>/live/<name>.md` whose name is its permanent
 * id, read and validated on its own (front matter, body, links), with nothing of the other
 * updates or of the blog's index.md. What needs those (the time against the blog's date, one
 * pinned update, photo files, whether the blog is live at all) is checked in rules.ts and
 * photos.ts, so an update is parsed again only when its own bytes change. Plain JSON data: the
 * parse cache stores it and render workers receive it as it is.
 */

import type { BodyBlock, BodyMedia } from "../body/blocks.ts";
import { bodyMediaOf } from "../body/blocks.ts";
import type { BylineEntry } from "../byline-entry.ts";
import type { Checked, ContentIssue } from "../issues.ts";
import { classifyLinks } from "../load-article.ts";
import { renderBody } from "../markdown.ts";
import type { BodyLink } from "../model.ts";
import { readSource, validateYaml } from "../parse-front-matter.ts";
import { isIssue } from "../source-file.ts";
import {
  type LiveUpdateFrontMatter,
  liveUpdateSchema,
  UPDATE_FIELDS,
  updateFieldFix,
} from "./update-schema.ts";

/** The folder beside index.md that holds a live blog's updates. */
export const LIVE_FOLDER = "live";

/** An update's file name without `.md`: a-z, 0-9 and hyphens (CONTENT.md). */
export const UPDATE_NAME = /^[a-z0-9-]+$/;

/** An update without its body: what the plan, the paging and the rules need. */
export interface UpdateCard {
  /** The permanent id: the file name without `.md`. */
  readonly name: string;
  /** `content/articles/<slug>/live/<name>.md`. */
  readonly sourcePath: string;
  /** ISO 8601 with the offset the editor wrote, and its epoch milliseconds. */
  readonly time: string;
  readonly timeMs: number;
  /** Where `time` and `pinned` were written, for messages about them. */
  readonly timeLine?: number;
  readonly pinnedLine?: number;
  readonly title?: string;
  /** A key event: listed at the top of the blog, linked to. */
  readonly key?: true;
  /** Shown above the stream on the blog's first page. */
  readonly pinned?: true;
  /** As for articles: a profile's slug or name, a name, or `{name: ...}` shown as written. */
  readonly authors: readonly BylineEntry[];
  readonly draft: boolean;
  /** Photos (names as written) and embed providers. */
  readonly bodyMedia?: BodyMedia;
  readonly bodyLinks: readonly BodyLink[];
}

/** A whole update: its card and its body, as the parse cache keeps it. */
export interface UpdateRecord {
  readonly card: UpdateCard;
  readonly body: readonly BodyBlock[];
  readonly bodyText: string;
}

/** A file in a live/ folder whose name cannot be an update's id. */
export function badNameIssue(file: string, name: string): ContentIssue {
  const suggested =
    name
      .replace(/\.md$/i, "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "update";
  return {
    file,
    message: `The update's file name "${name}" is not a valid id: it becomes the update's permanent link.`,
    fix: `Rename it to lowercase letters, digits and hyphens ending in .md, e.g. ${suggested}.md.`,
  };
}

/**
 * An update read, or its mistakes with the photos its body names (a gallery with a mistake
 * included): the scan still looks for their files, so a missing photo is reported in the same
 * run as the other mistakes, as for articles.
 */
export type LoadedUpdate =
  | Extract<Checked<UpdateRecord>, { ok: true }>
  | {
      readonly ok: false;
      readonly issues: readonly ContentIssue[];
      readonly photos?: BodyMedia;
    };

/**
 * Reads and validates one update. `file` is its path from the project root (used in every
 * message), `name` its id; `bytes` its contents.
 */
export function loadUpdate(bytes: Uint8Array, file: string, name: string): LoadedUpdate {
  const source = readSource(bytes, file);
  if (isIssue(source)) return { ok: false, issues: [source] };
  const checked = validateYaml<LiveUpdateFrontMatter>(
    source.yaml,
    file,
    source.yamlLine,
    liveUpdateSchema,
    { fields: UPDATE_FIELDS, fix: updateFieldFix },
  );
  const issues: ContentIssue[] = checked.ok ? [] : [...checked.issues];
  if (source.body.trim() === "") {
    issues.push({
      file,
      line: source.bodyLine,
      message: "The update has no text.",
      fix: "Write what happened after the closing --- line.",
    });
  }
  // The body is read whatever the front matter holds: every mistake in the file at once.
  const body = renderBody(source.body, undefined, source.bodyLine);
  const links = classifyLinks(body.links, file, source.bodyLine);
  issues.push(...body.issues.map((issue): ContentIssue => ({ file, ...issue })), ...links.issues);
  if (!checked.ok || issues.length > 0) {
    const photos = body.photos.map(({ src, line }) => ({ src, line }));
    return { ok: false, issues, ...(photos.length > 0 ? { photos: { photos, embeds: [] } } : {}) };
  }
  const { value: fields, yaml } = checked.value;
  const bodyMedia = bodyMediaOf(body.blocks);
  const timeLine = yaml.locate(["time"])?.line;
  const pinnedLine = yaml.locate(["pinned"])?.line;
  const time = fields.time.toISO({ includeOffset: true, suppressMilliseconds: true }) ?? "";
  return {
    ok: true,
    value: {
      card: {
        name,
        sourcePath: file,
        time,
        timeMs: fields.time.toMillis(),
        ...(timeLine === undefined ? {} : { timeLine }),
        ...(fields.pinned && pinnedLine !== undefined ? { pinnedLine } : {}),
        ...(fields.title ? { title: fields.title } : {}),
        ...(fields.key ? { key: true } : {}),
        ...(fields.pinned ? { pinned: true } : {}),
        authors: fields.authors ?? [],
        draft: fields.draft ?? false,
        ...(bodyMedia ? { bodyMedia } : {}),
        bodyLinks: links.internal,
      },
      body: body.blocks,
      bodyText: body.text,
    },
  };
}

/** Oldest first, ties broken by name: the one order paging, keys and pages share. */
export function oldestFirst(
  a: Pick<UpdateCard, "timeMs" | "name">,
  b: Pick<UpdateCard, "timeMs" | "name">,
): number {
  return a.timeMs - b.timeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
