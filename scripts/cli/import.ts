/**
 * `npm run import`: turns plain-text wire copy (the seed's shape) into an article folder.
 *
 *   npm run import -- story.txt --section asia --date 2019-06-23T11:05:00+08:00 \
 *     [--photo photo.jpg --alt "What the photo shows" [--focus 0.5,0.35]] \
 *     [--video-id 1234567890001 --video-thumbnail thumb.jpg [--video-title "..."]] \
 *     [--tags "North Korea, Donald Trump"] [--slug kim-letter] [--force]
 *
 * The article is validated by the build's own loader before it is moved into place: an import
 * that would not build writes nothing.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DateTime } from "luxon";
import type { Checked, ContentIssue } from "../content/issues.ts";
import type { Site } from "../content/model.ts";
import { decodeUtf8, isIssue } from "../content/source-file.ts";
import {
  type ArticleFolder,
  articleExists,
  articleFile,
  type MediaCopy,
  writeArticleFolder,
} from "./wire/article-folder.ts";
import {
  argumentIssue,
  checkDate,
  checkReadableFile,
  checkSection,
  checkSlug,
  type OptionValues,
  previewUrl,
  printIssues,
  printWarnings,
  readInputFile,
  resolveInput,
  slugWarning,
  startCommand,
  type Warning,
} from "./wire/command.ts";
import { type ArticleFields, frontMatter } from "./wire/front-matter.ts";
import { bodyMarkdown } from "./wire/markdown.ts";
import { parseWire, type WireStory } from "./wire/parse.ts";
import { slugFromHeadline } from "./wire/slug.ts";

const COMMAND = "import";

export const USAGE =
  "npm run import -- <wire.txt> --section <slug> --date <ISO 8601 with offset> " +
  '[--photo <file> --alt "<text>" [--focus <x>,<y>]] ' +
  '[--video-id <digits> --video-thumbnail <file> [--video-title "<text>"]] ' +
  '[--tags "<tag>, <tag>"] [--slug <slug>] [--force]';

const OPTIONS = {
  section: { type: "string" },
  date: { type: "string" },
  photo: { type: "string" },
  alt: { type: "string" },
  focus: { type: "string" },
  "video-id": { type: "string" },
  "video-thumbnail": { type: "string" },
  "video-title": { type: "string" },
  tags: { type: "string" },
  slug: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Photo formats the media pipeline reads (the contract's list). */
const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "avif", "tif", "tiff"]);

/** What the editor asked for, checked: everything but the wire text itself. */
export interface ImportRequest {
  readonly section: string;
  readonly date: DateTime;
  readonly photo?: {
    readonly from: string;
    readonly name: string;
    readonly alt: string;
    readonly focus?: readonly [number, number];
  };
  readonly video?: {
    readonly id: string;
    readonly thumbnailFrom: string;
    readonly thumbnailName: string;
    readonly title?: string;
  };
  readonly tags?: readonly string[];
}

/** The article an import writes: its fields, the media to copy, and what the editor must know. */
export interface ImportedArticle {
  readonly fields: ArticleFields;
  readonly media: readonly MediaCopy[];
  readonly warnings: readonly Warning[];
  /** What was done as expected but is worth a line (the promotion left out, no media). */
  readonly notices: readonly string[];
}

/**
 * Maps a wire story and the editor's options to an article. Pure: nothing is read or written.
 * Whatever the wire text holds that the article cannot carry becomes a warning quoting it, so
 * nothing is lost silently.
 */
export function articleFromWire(story: WireStory, request: ImportRequest): ImportedArticle {
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
  for (const note of story.notes) {
    switch (note.kind) {
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
      case "promotion-dropped":
        notices.push(
          `Left out line ${note.line}, the site's promotion: the site adds it to every article.`,
        );
        break;
    }
  }

  const fields: ArticleFields = {
    title: story.headline,
    date: request.date,
    section: request.section,
    ...(request.tags && request.tags.length > 0 ? { tags: request.tags } : {}),
    ...(story.dateline ? { dateline: story.dateline.places, sources: story.dateline.sources } : {}),
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
  };
  const media: MediaCopy[] = [
    ...(photo ? [{ from: photo.from, name: photo.name }] : []),
    ...(video ? [{ from: video.thumbnailFrom, name: video.thumbnailName }] : []),
  ];
  return { fields, media, warnings, notices };
}

type Values = OptionValues<typeof OPTIONS>;

/**
 * Checks the media options: files that exist, in a format the build reads, and the fields the
 * contract requires with them (alt text for a photo, an id and a thumbnail for a video).
 */
function checkMedia(
  values: Values,
  env: NodeJS.ProcessEnv,
  issues: ContentIssue[],
): Pick<ImportRequest, "photo" | "video"> {
  const mediaFile = (option: string, given: string, base: string) => {
    const from = resolveInput(given, env);
    const problem = checkReadableFile(from, given);
    if (problem) {
      issues.push({ ...problem, field: option });
      return undefined;
    }
    const extension = path.extname(given).slice(1).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(extension)) {
      issues.push(
        argumentIssue(
          COMMAND,
          option,
          `${given} is not a JPEG, PNG, WebP, AVIF or TIFF file name.`,
          "Give an image file ending in .jpg, .jpeg, .png, .webp, .avif, .tif or .tiff.",
        ),
      );
      return undefined;
    }
    return { from, name: `${base}.${extension}` };
  };

  let photo: ImportRequest["photo"];
  if (values.photo !== undefined) {
    const file = mediaFile("--photo", values.photo, "photo");
    const alt = values.alt?.trim();
    if (!alt) {
      issues.push(
        argumentIssue(
          COMMAND,
          "--alt",
          "A photo needs alt text: the contract requires image.alt, so readers who cannot see the photo are told what it shows.",
          'Add --alt "<what the photo shows>", e.g. --alt "Kim Jong Un reading a letter at his desk".',
        ),
      );
    }
    const focus = values.focus === undefined ? undefined : parseFocus(values.focus, issues);
    if (file && alt && focus !== null) {
      photo = { ...file, alt, ...(focus ? { focus } : {}) };
    }
  } else {
    for (const option of ["alt", "focus"] as const) {
      if (values[option] !== undefined) {
        issues.push(
          argumentIssue(
            COMMAND,
            `--${option}`,
            `--${option} describes the photo, but no --photo was given.`,
            `Add --photo <file>, or leave out --${option}.`,
          ),
        );
      }
    }
  }

  let video: ImportRequest["video"];
  const id = values["video-id"];
  const thumbnail = values["video-thumbnail"];
  if (id !== undefined || thumbnail !== undefined) {
    if (id === undefined || thumbnail === undefined) {
      issues.push(
        argumentIssue(
          COMMAND,
          id === undefined ? "--video-id" : "--video-thumbnail",
          "A video needs both its Brightcove id and a thumbnail image.",
          "Give --video-id <digits> and --video-thumbnail <file> together, or neither.",
        ),
      );
    }
    if (id !== undefined && !/^\d{1,20}$/.test(id)) {
      issues.push(
        argumentIssue(
          COMMAND,
          "--video-id",
          `"${id}" is not a Brightcove video id.`,
          "Give the id as digits only, e.g. --video-id 1234567890001.",
        ),
      );
    }
    const file =
      thumbnail === undefined
        ? undefined
        : mediaFile("--video-thumbnail", thumbnail, "video-thumbnail");
    const title = values["video-title"]?.trim();
    if (file && id !== undefined && /^\d{1,20}$/.test(id)) {
      video = {
        id,
        thumbnailFrom: file.from,
        thumbnailName: file.name,
        ...(title ? { title } : {}),
      };
    }
  } else if (values["video-title"] !== undefined) {
    issues.push(
      argumentIssue(
        COMMAND,
        "--video-title",
        "--video-title names the video, but no --video-id was given.",
        "Add --video-id <digits> --video-thumbnail <file>, or leave out --video-title.",
      ),
    );
  }
  return { ...(photo ? { photo } : {}), ...(video ? { video } : {}) };
}

/** `0.42,0.65` (or `[0.42, 0.65]`) to a focal point; null (and an issue) when it is not one. */
function parseFocus(text: string, issues: ContentIssue[]): readonly [number, number] | null {
  const parts = text
    .replace(/^\s*\[|\]\s*$/g, "")
    .split(",")
    .map((part) => part.trim());
  const numbers = parts.map(Number);
  const [x, y] = numbers;
  if (
    parts.length === 2 &&
    parts.every((part) => part !== "") &&
    x !== undefined &&
    y !== undefined &&
    numbers.every((value) => Number.isFinite(value) && value >= 0 && value <= 1)
  ) {
    return [x, y];
  }
  issues.push(
    argumentIssue(
      COMMAND,
      "--focus",
      `"${text}" is not a focal point.`,
      "Give two fractions of the photo's width and height, from 0 to 1, e.g. --focus 0.5,0.35.",
    ),
  );
  return null;
}

/** Runs the import; returns the exit code. */
export function main(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): number {
  const start = startCommand(COMMAND, USAGE, OPTIONS, argv, env);
  if ("exit" in start) return start.exit;
  const { values, positionals, options, site } = start;

  const checked = checkImport(values, positionals, site, options.root, env);
  if (!checked.ok) {
    printIssues(checked.issues);
    return 1;
  }
  const { wireFile, story, slug, request } = checked.value;
  const imported = articleFromWire(story, request);
  const folder: ArticleFolder = {
    slug,
    index: `${frontMatter(imported.fields)}\n${bodyMarkdown(story.paragraphs)}`,
    media: imported.media,
  };
  const written = writeArticleFolder(options.root, folder, site, values.force);
  if (!written.ok) {
    printIssues(written.issues);
    console.error("\nNothing was written.");
    return 1;
  }

  const made =
    values.slug === undefined
      ? slugWarning(slugFromHeadline(story.headline, site.language))
      : undefined;
  const warnings = [...(made ? [made] : []), ...imported.warnings];
  if (written.value.date > options.now) {
    warnings.push({
      message: `The date is in the future: the article is embargoed, and builds leave it out until ${written.value.date.toISO({ suppressMilliseconds: true })}.`,
    });
  }
  console.log(`Imported ${wireFile} → ${written.value.file}`);
  if (folder.media.length > 0) {
    console.log(`  with ${folder.media.map((file) => file.name).join(", ")} beside it`);
  }
  for (const notice of imported.notices) console.log(`  ${notice}`);
  console.log(`Preview (npm start): ${previewUrl(site, written.value.url)}`);
  if (warnings.length > 0) {
    printWarnings(warnings);
    console.error(
      `${warnings.length} thing${warnings.length === 1 ? "" : "s"} to check (above); the article was written and is valid.`,
    );
  }
  return 0;
}

/** Everything an import needs, checked: every problem with the command line is reported at once. */
interface CheckedImport {
  readonly wireFile: string;
  readonly story: WireStory;
  readonly slug: string;
  readonly request: ImportRequest;
}

function checkImport(
  values: Values,
  positionals: readonly string[],
  site: Site,
  root: string,
  env: NodeJS.ProcessEnv,
): Checked<CheckedImport> {
  const issues: ContentIssue[] = [];
  const [wireFile, ...extra] = positionals;
  if (wireFile === undefined || extra.length > 0) {
    issues.push(
      argumentIssue(
        COMMAND,
        "<wire.txt>",
        wireFile === undefined
          ? "No wire file was given."
          : `Only one wire file can be imported at a time, but ${positionals.length} were given.`,
        `Use it like this: ${USAGE}`,
      ),
    );
  }
  const sectionIssue = checkSection(COMMAND, values.section, site);
  if (sectionIssue) issues.push(sectionIssue);
  const date = checkDate(COMMAND, values.date);
  if ("issue" in date) issues.push(date.issue);
  const media = checkMedia(values, env, issues);
  if (values.slug !== undefined) {
    const slugIssue = checkSlug(COMMAND, values.slug);
    if (slugIssue) issues.push(slugIssue);
  }
  let story: WireStory | undefined;
  if (wireFile !== undefined) {
    const read = readWire(wireFile, env, site.promotion.text);
    if ("issues" in read) issues.push(...read.issues);
    else story = read.story;
  }
  const slug = values.slug ?? (story && slugFromHeadline(story.headline, site.language).slug);
  if (slug !== undefined && !values.force && articleExists(root, slug)) {
    issues.push({
      file: articleFile(slug),
      message: `An article already exists at ${articleFile(slug)}: it is never overwritten without --force.`,
      fix: "Add --force to replace it, or choose another slug with --slug.",
    });
  }
  if (issues.length > 0 || !wireFile || !story || !slug || "issue" in date || !values.section) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      wireFile,
      story,
      slug,
      request: {
        section: values.section,
        date: date.date,
        ...media,
        ...(values.tags !== undefined ? { tags: splitList(values.tags) } : {}),
      },
    },
  };
}

/** Reads and parses the wire file, refusing anything but UTF-8 text with a headline and a body. */
function readWire(
  given: string,
  env: NodeJS.ProcessEnv,
  promotion: string,
): { story: WireStory } | { issues: ContentIssue[] } {
  const bytes = readInputFile(resolveInput(given, env), given);
  if (isIssue(bytes)) return { issues: [bytes] };
  const decoded = decodeUtf8(bytes, given);
  if (isIssue(decoded)) {
    // decodeUtf8's advice for an empty file is about articles' front matter.
    return {
      issues: [bytes.length === 0 ? { ...decoded, fix: "Export the wire story again." } : decoded],
    };
  }
  const parsed = parseWire(decoded.text, { promotion });
  if (parsed.ok) return { story: parsed.story };
  return {
    issues: [
      parsed.problem === "empty"
        ? {
            file: given,
            line: parsed.line,
            message: "The wire file has no text.",
            fix: "Export the wire story again: the headline on the first line, then the story.",
          }
        : {
            file: given,
            line: parsed.line,
            message: "The wire file has a headline but no story under it.",
            fix: "Export the whole wire story: the headline on the first line, then its paragraphs.",
          },
    ],
  };
}

/** "North Korea, Kim Jong Un" → ["North Korea", "Kim Jong Un"]. */
function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main();
}
