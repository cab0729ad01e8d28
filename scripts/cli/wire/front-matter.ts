/**
 * Writes an article's front matter from typed fields: one pure function, used by
 * `npm run import` and `npm run new`, so both write fields in the contract's order and in the
 * same hand as the shipped seed article.
 */
import type { DateTime } from "luxon";
import { parse } from "yaml";
import type { BylineEntry } from "../../content/byline-entry.ts";
import { ARTICLE_KINDS, type ArticleKind, type CorrectionType } from "../../content/kinds.ts";

/** The lead photo's fields, as written in front matter. */
export interface ImageFields {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly focus?: readonly [number, number];
}

/** The video's fields, as written in front matter. */
export interface VideoFields {
  readonly provider: "brightcove";
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly thumbnail: string;
  /** ISO 8601 duration, e.g. PT1M12S. */
  readonly duration?: string;
}

/** A correction's fields, as written in front matter. */
export interface CorrectionFields {
  readonly date: DateTime;
  readonly text: string;
  readonly type?: CorrectionType;
}

/** An article's front matter before it is written: the contract's fields, in its order. */
export interface ArticleFields {
  readonly title: string;
  readonly description?: string;
  readonly date: DateTime;
  readonly updated?: DateTime;
  readonly section: string;
  readonly tags?: readonly string[];
  readonly dateline?: string;
  readonly sources?: readonly string[];
  readonly authors?: readonly BylineEntry[];
  readonly kind?: ArticleKind;
  readonly corrections?: readonly CorrectionFields[];
  readonly image?: ImageFields;
  readonly video?: VideoFields;
  readonly draft?: boolean;
}

export interface FrontMatterOptions {
  /**
   * Write every optional field that is absent as a commented-out example (`# tags: [...]`), so
   * an editor starting a new article sees every field the contract offers, where it belongs.
   */
  readonly template?: boolean;
}

/** Opens a template: what the commented-out lines are, and how to use one. */
const TEMPLATE_HEADER = [
  "# title, date and section are required. Every line starting with # is an optional field:",
  "# delete the # (and the example text) to use it. docs/content-reference.md says what",
  "# each field holds.",
];

/**
 * Closes a template: the body's syntax beyond plain Markdown, as comments here because the body
 * itself has no comments (anything written there is published).
 */
const BODY_SYNTAX = [
  "# The text goes below the closing --- line, in Markdown: paragraphs, ## headings, lists,",
  "# [links](https://example.com). Each of these stands alone, with a blank line before and after:",
  "# - a photo, the file beside index.md; alt text required, caption and PHOTO: credit optional:",
  '#   ![Rescue workers carry a resident](rescue.jpg "Rescue workers on Monday. PHOTO: REUTERS")',
  "# - a gallery of two or more photos, one per line:",
  "#   ::: gallery",
  '#   ![Sandbags along the river](sandbags.jpg "Sandbags along the river. PHOTO: AFP")',
  '#   ![A flooded street](street.jpg "Kampung Melayu on Monday. PHOTO: AFP")',
  "#   :::",
  "# - a pull quote (one paragraph) and who said it:",
  "#   ::: pullquote Prof Koh Yu-hwan, Dongguk University",
  "#   China holds the key to what North Korea wants the most.",
  "#   :::",
  "# - a post or player from YouTube, Vimeo, X, Instagram, TikTok or Spotify: its URL on a line:",
  "#   https://www.youtube.com/watch?v=dQw4w9WgXcQ",
];

/** What the commented-out examples of a new article's template say. */
const EXAMPLE = {
  description: "One sentence that sums the story up (without it, the first paragraph is used).",
  tags: ["Topic one", "Topic two"],
  dateline: "SINGAPORE",
  sources: ["Reuters", "AFP"],
  authors: ["Jane Tan"],
  kind: "analysis",
  correction: {
    text: "An earlier version of this article misspelt the minister's name.",
    type: "correction",
  },
  image: {
    src: "photo.jpg",
    alt: "What the photo shows, for readers who cannot see it.",
    caption: "What is happening in the photo, and where.",
    credit: "ST",
    focus: [0.5, 0.5],
  },
  video: {
    provider: "brightcove",
    id: "1234567890001",
    title: "The video's title",
    description: "What the video shows.",
    thumbnail: "video-thumbnail.jpg",
    duration: "PT1M12S",
  },
} as const satisfies Partial<ArticleFields> & {
  readonly correction: Omit<CorrectionFields, "date">;
};

/**
 * The front matter block, `---` lines included, ending with a newline.
 *
 * Strings are written in JSON-style double quotes (a JSON string is valid YAML) unless they are
 * provably plain (see {@link yamlString}), so wire text with colons, quotes, `#` or a leading
 * `-`, `[`, `*`, `&`, `!`, `%`, `@` or backtick never changes the YAML's meaning. The title is
 * always quoted, as in the contract's example.
 *
 * @example
 * frontMatter({ title: "Kim: a letter", date, section: "asia" })
 * // '---\ntitle: "Kim: a letter"\ndate: 2019-06-23T11:05:00+08:00\nsection: asia\n---\n'
 */
export function frontMatter(fields: ArticleFields, options: FrontMatterOptions = {}): string {
  const lines: string[] = [];
  // Present fields are written; absent optional ones become examples in a template.
  const add = (present: boolean, written: () => string[], example: () => string[]) => {
    if (present) lines.push(...written());
    else if (options.template) lines.push(...example().map((line) => `# ${line}`));
  };
  const { image, video } = fields;

  if (options.template) lines.push(...TEMPLATE_HEADER);
  lines.push(`title: ${quoted(fields.title)}`);
  add(
    fields.description !== undefined,
    () => [`description: ${yamlString(fields.description ?? "")}`],
    () => [`description: ${yamlString(EXAMPLE.description)}`],
  );
  lines.push(`date: ${isoDate(fields.date)}`);
  add(
    fields.updated !== undefined,
    () => [`updated: ${isoDate(fields.updated ?? fields.date)}`],
    () => [`updated: ${isoDate(fields.date)}`],
  );
  lines.push(`section: ${yamlString(fields.section)}`);
  add(
    fields.tags !== undefined,
    () => [`tags: ${yamlList(fields.tags ?? [])}`],
    () => [`tags: ${yamlList(EXAMPLE.tags)}`],
  );
  add(
    fields.dateline !== undefined,
    () => [`dateline: ${yamlString(fields.dateline ?? "")}`],
    () => [`dateline: ${yamlString(EXAMPLE.dateline)}`],
  );
  add(
    fields.sources !== undefined,
    () => [`sources: ${yamlList(fields.sources ?? [])}`],
    () => [`sources: ${yamlList(EXAMPLE.sources)}`],
  );
  add(
    fields.authors !== undefined,
    () => [`authors: ${authorList(fields.authors ?? [])}`],
    () => [
      `authors: ${yamlList(EXAMPLE.authors)}   # names as printed, or profiles' slugs (content/authors/<slug>.yaml)`,
    ],
  );
  add(
    fields.kind !== undefined,
    () => [`kind: ${fields.kind}`],
    // The choices are said beside the example, as a YAML comment that may stay when it is used.
    () => [`kind: ${EXAMPLE.kind}   # ${ARTICLE_KINDS.join(", ")} (news when left out)`],
  );
  add(
    fields.corrections !== undefined,
    () => correctionLines(fields.corrections ?? []),
    () => correctionLines([{ ...EXAMPLE.correction, date: fields.date }]),
  );
  add(
    image !== undefined,
    () => (image ? imageLines(image) : []),
    () => imageLines(EXAMPLE.image),
  );
  add(
    video !== undefined,
    () => (video ? videoLines(video) : []),
    () => videoLines(EXAMPLE.video),
  );
  add(
    fields.draft !== undefined,
    () => [`draft: ${fields.draft ? "true" : "false"}`],
    () => ["draft: true"],
  );
  if (options.template) lines.push(...BODY_SYNTAX);
  return `---\n${lines.join("\n")}\n---\n`;
}

function correctionLines(corrections: readonly CorrectionFields[]): string[] {
  return [
    "corrections:",
    ...corrections.flatMap((correction) => [
      `  - date: ${isoDate(correction.date)}`,
      `    text: ${yamlString(correction.text)}`,
      ...(correction.type ? [`    type: ${correction.type}`] : []),
    ]),
  ];
}

function imageLines(image: ImageFields): string[] {
  return [
    "image:",
    `  src: ${yamlString(image.src)}`,
    `  alt: ${yamlString(image.alt)}`,
    ...(image.caption !== undefined ? [`  caption: ${yamlString(image.caption)}`] : []),
    ...(image.credit !== undefined ? [`  credit: ${yamlString(image.credit)}`] : []),
    ...(image.focus ? [`  focus: [${image.focus.map(String).join(", ")}]`] : []),
  ];
}

function videoLines(video: VideoFields): string[] {
  return [
    "video:",
    `  provider: ${yamlString(video.provider)}`,
    // Always quoted: unquoted, YAML reads the id as a number and the schema refuses it.
    `  id: ${quoted(video.id)}`,
    ...(video.title !== undefined ? [`  title: ${yamlString(video.title)}`] : []),
    ...(video.description !== undefined ? [`  description: ${yamlString(video.description)}`] : []),
    `  thumbnail: ${yamlString(video.thumbnail)}`,
    ...(video.duration !== undefined ? [`  duration: ${yamlString(video.duration)}`] : []),
  ];
}

/** ISO 8601 with the offset, seconds always, milliseconds only when there are some. */
function isoDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}

/**
 * Plain (unquoted) is allowed only for text made of letters, digits, spaces and `, . ' ’ ( ) / -`
 * that starts with a letter and ends with a letter, digit, `.` or `)`: no YAML indicator can
 * then start it, and `: ` or ` #` cannot occur in it. Flow lists (`[a, b]`) also forbid commas.
 */
const PLAIN_BLOCK = /^\p{L}(?:[\p{L}\p{M}\p{N} ,.'’()/-]*[\p{L}\p{M}\p{N}.)])?$/u;
const PLAIN_FLOW = /^\p{L}(?:[\p{L}\p{M}\p{N} .'’()/-]*[\p{L}\p{M}\p{N}.)])?$/u;

/** Words some YAML readers take as booleans or null. */
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/**
 * A YAML scalar for `value`: plain when it is provably read back as the same string, otherwise
 * a JSON string.
 *
 * @example yamlString("WASHINGTON/SEOUL") // 'WASHINGTON/SEOUL'
 * @example yamlString("Kim: a letter") // '"Kim: a letter"'
 * @example yamlString("# 1") // '"# 1"'
 */
export function yamlString(value: string, context: "block" | "flow" = "block"): string {
  const pattern = context === "flow" ? PLAIN_FLOW : PLAIN_BLOCK;
  if (!pattern.test(value) || RESERVED.test(value)) return quoted(value);
  // Belt and braces: read it back with the project's YAML schema.
  const document = context === "flow" ? `[${value}]` : `v: ${value}`;
  const read: unknown = parse(document, { schema: "core" });
  const back = context === "flow" ? (read as unknown[])[0] : (read as { v: unknown }).v;
  return back === value ? value : quoted(value);
}

/** The byline as a flow list: `[tan-hui-yee, {name: Tan Hui Yi}]`. */
function authorList(entries: readonly BylineEntry[]): string {
  const items = entries.map((entry) =>
    typeof entry === "string"
      ? yamlString(entry, "flow")
      : `{name: ${yamlString(entry.name, "flow")}}`,
  );
  return `[${items.join(", ")}]`;
}

/** A flow list: `[North Korea, Kim Jong Un]`. */
export function yamlList(values: readonly string[]): string {
  return `[${values.map((value) => yamlString(value, "flow")).join(", ")}]`;
}

/**
 * A JSON string, which YAML reads as a double-quoted scalar. JSON leaves DEL, the C1 controls,
 * the line and paragraph separators and the byte-order mark as they are; YAML does not allow
 * them raw in a document, so they are escaped too.
 */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
