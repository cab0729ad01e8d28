import { z } from "zod";
import { bylineEntries } from "./byline-entry.ts";
import { parseDuration } from "./dates.ts";
import { ARTICLE_KINDS, CORRECTION_TYPES, correctionTypeSchema, kindSchema } from "./kinds.ts";
import {
  dateTime,
  describeValue,
  fileName,
  group,
  line,
  optional,
  textList,
} from "./schema-helpers.ts";

const fraction = z
  .number({ error: "must be a number from 0 to 1" })
  .min(0, { error: "must be from 0 to 1" })
  .max(1, { error: "must be from 0 to 1" });

const imageSchema = z.strictObject(
  {
    src: fileName(),
    alt: line(),
    caption: optional(line()),
    credit: optional(line()),
    focus: optional(
      z.tuple([fraction, fraction], { error: "must be two numbers from 0 to 1, like [0.5, 0.35]" }),
    ),
  },
  group("src, alt, caption, credit"),
);

const videoSchema = z.strictObject(
  {
    provider: z.literal("brightcove", {
      error: 'must be "brightcove" (the only provider for now)',
    }),
    id: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? "is required"
            : `must be the video id in quotes, not ${describeValue(issue.input)}`,
      })
      .regex(/^\d{1,20}$/, { error: "must be digits only" }),
    title: optional(line()),
    description: optional(line()),
    thumbnail: fileName(),
    duration: optional(
      line().transform((value, context) => {
        const duration = parseDuration(value);
        if (!duration) {
          context.addIssue({
            code: "custom",
            message: "must be an ISO 8601 duration such as PT1M12S",
          });
          return z.NEVER;
        }
        return duration;
      }),
    ),
  },
  group("provider, id, thumbnail"),
);

/** One correction or clarification (CONTENT.md: `corrections`). */
const correctionSchema = z.strictObject(
  {
    date: dateTime(),
    text: line(),
    type: optional(correctionTypeSchema()),
  },
  group("date, text, type"),
);

/**
 * The front matter of one article, by the contract in CONTENT.md. `sections` are the site's
 * section slugs: a section outside them is an error.
 */
export function articleFrontMatterSchema(sections: readonly string[]) {
  return z.strictObject({
    title: line().max(200, { error: "is longer than 200 characters" }),
    description: optional(line()),
    date: dateTime(),
    updated: optional(dateTime()),
    section: line().refine((slug) => sections.includes(slug), {
      error: (issue) => `${describeValue(issue.input)} is not a section of this site`,
    }),
    tags: optional(textList()),
    dateline: optional(line()),
    sources: optional(textList()),
    authors: optional(bylineEntries()),
    kind: optional(kindSchema()),
    corrections: optional(
      z.array(correctionSchema, {
        error: (issue) => `must be a list of corrections, not ${describeValue(issue.input)}`,
      }),
    ),
    image: optional(imageSchema),
    video: optional(videoSchema),
    draft: optional(z.boolean({ error: "must be true or false" })),
    ended: optional(dateTime()),
    // Hand-picked related stories (fronts, issue 21): checked against the articles in
    // scripts/content/pick-checks.ts.
    related: optional(
      z.array(
        line().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
          error: (issue) => `is ${describeValue(issue.input)}, not an article's slug`,
        }),
        { error: (issue) => `must be a list of slugs, not ${describeValue(issue.input)}` },
      ),
    ),
  });
}

/**
 * The date rules between fields (CONTENT.md: `updated` and each correction's `date` not before
 * `date`), as schema issues. Each runs whenever the dates it compares are valid, whatever else
 * in the file is wrong, so one run reports every problem (zod skips a refinement of an object
 * that failed). The articles' own rules live in editorial-rules.ts; these keep the schema's
 * message shape (`updated is before the first publication date.`).
 */
export function dateOrderIssues(
  data: Readonly<Record<string, unknown>>,
): { readonly path: (string | number)[]; readonly message: string }[] {
  const valid = (value: unknown) => {
    const parsed = dateTime().safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const issues: { path: (string | number)[]; message: string }[] = [];
  // Live coverage (scripts/content/live/): only a live blog ends, and not before it began.
  const notLive = data.ended !== undefined && data.kind !== "live";
  if (notLive) {
    issues.push({
      path: ["ended"],
      message: "is only for live coverage, and this article is not kind: live",
    });
  }
  const date = valid(data.date);
  if (!date) return issues;
  const ended = valid(data.ended);
  if (!notLive && ended && ended < date) {
    issues.push({ path: ["ended"], message: "is before the first publication date" });
  }
  const updated = valid(data.updated);
  if (updated && updated < date) {
    issues.push({ path: ["updated"], message: "is before the first publication date" });
  }
  // A correction put right what was published: it cannot come before the article did.
  const corrections = Array.isArray(data.corrections) ? data.corrections : [];
  for (const [index, correction] of corrections.entries()) {
    const when =
      typeof correction === "object" && correction !== null
        ? valid((correction as Record<string, unknown>).date)
        : undefined;
    if (when && when < date) {
      issues.push({
        path: ["corrections", index, "date"],
        message: "is before the article's first publication date",
      });
    }
  }
  return issues;
}

export type ArticleFrontMatter = z.output<ReturnType<typeof articleFrontMatterSchema>>;

/** Every field an editor may write, by level, for "did you mean" suggestions. */
export const ARTICLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": [
    "title",
    "description",
    "date",
    "updated",
    "section",
    "tags",
    "dateline",
    "sources",
    "authors",
    "kind",
    "corrections",
    "image",
    "video",
    "draft",
    "ended",
    "related",
  ],
  corrections: Object.keys(correctionSchema.shape),
  image: Object.keys(imageSchema.shape),
  video: Object.keys(videoSchema.shape),
};

/** How to fix a problem in each field, shown under the message. */
export function articleFieldFix(field: string, sections: readonly string[]): string {
  const top = field.split(".")[0] ?? field;
  // List items are numbered in the path (`corrections.0.date`); the fix is the same for each.
  switch (field.replace(/\.\d+(?=\.|$)/g, "")) {
    case "title":
      return 'Write the headline as plain text of 1 to 200 characters, in quotes if it contains ": ", e.g. title: "Kim receives letter from Trump".';
    case "description":
      return "Write the standfirst as one line of plain text, or remove the field to use the first paragraph.";
    case "date":
      return "Write the first publication time with its UTC offset, e.g. date: 2019-06-23T11:05:00+08:00.";
    case "updated":
      return "Write the update time with its UTC offset, not earlier than date, e.g. updated: 2019-06-23T14:30:00+08:00.";
    case "section":
      return `Use one of the sections in content/_data/site.yaml: ${sections.join(", ")}.`;
    case "tags":
    case "sources":
    case "authors":
      return `Write ${top} as a list of text, e.g. ${top}: [${top === "tags" ? "North Korea, Nuclear talks" : top === "sources" ? "Reuters, AFP" : "Jane Tan, tan-hui-yee"}]${top === "authors" ? " (a name that must never link to a profile as {name: Jane Tan})" : ""}.`;
    case "kind":
      return `Write one of ${ARTICLE_KINDS.join(", ")}, e.g. kind: analysis; or remove kind for a news story.`;
    case "corrections":
      return "Write corrections as a list, each item a date and a text (and optionally a type) on indented lines: corrections:, then - date: ... and text: ... under it.";
    case "corrections.date":
      return "Write when the correction was made, with its UTC offset and not before the article's date, e.g. date: 2019-06-24T09:00:00+08:00.";
    case "corrections.text":
      return "Say what was wrong and what is right, as one line of plain text, e.g. text: An earlier version misstated the date of the summit.";
    case "corrections.type":
      return `Write type: ${CORRECTION_TYPES.join(" or type: ")} (a factual error put right, or something made clearer), or leave it out for a correction.`;
    case "dateline":
      return "Write the place(s) of reporting as plain text, e.g. dateline: WASHINGTON/SEOUL.";
    case "image":
      return "Give the lead photo as a group of fields: image: then indented src: and alt: lines.";
    case "image.src":
      return "Name a photo file that sits beside index.md, e.g. src: photo.jpg.";
    case "image.alt":
      return "Describe what the photo shows for readers who cannot see it, e.g. alt: Kim Jong Un reading a letter at his desk.";
    case "image.focus":
      return "Give the focal point as [x, y] fractions of width and height, e.g. focus: [0.5, 0.35].";
    case "video":
      return "Give the video as a group of fields: provider, id, thumbnail (and optionally title, description, duration).";
    case "video.provider":
      return "Write provider: brightcove.";
    case "video.id":
      return 'Write the Brightcove video id in quotes, e.g. id: "1234567890001".';
    case "video.thumbnail":
      return "Name a thumbnail image file that sits beside index.md, e.g. thumbnail: video-thumbnail.jpg.";
    case "video.duration":
      return "Write the length as an ISO 8601 duration, e.g. duration: PT1M12S.";
    case "draft":
      return "Write draft: true or draft: false.";
    case "ended":
      return "Write when the live coverage ended, with its UTC offset and not before date, e.g. ended: 2026-12-07T18:00:00+08:00; only an article with kind: live has it, so remove it from any other.";
    case "related":
      return "List the related stories by slug (their folders' names under content/articles), in order, e.g. related: [jakarta-floods-force-thousands-from-homes].";
    default:
      return 'Check the field against the article\'s fields in docs/content-reference.md ("Front matter").';
  }
}
