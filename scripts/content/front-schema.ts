/**
 * The schema of a front file (CONTENT.md, "Fronts"): `content/fronts/home.yaml` for the front
 * page, `content/fronts/<section>.yaml` for a section's page. Containers in order, each with a
 * layout, hand-picked stories, an optional fill and a size; on the front page, an optional
 * breaking-news banner. What the schema cannot know (whether a slug names an article) is checked
 * against the articles by front-checks.ts.
 */
import { z } from "zod";
import { ARTICLE_KINDS, kindSchema } from "./kinds.ts";
import { dateTime, describeValue, group, line, optional } from "./schema-helpers.ts";
import { closestName } from "./suggest.ts";

/** The container layouts, in the order the docs present them. */
export const FRONT_LAYOUTS = ["lead", "grid", "list"] as const;

export type FrontLayout = (typeof FRONT_LAYOUTS)[number];

/**
 * How many stories a container shows when its file gives no `size`: the lead story and four
 * beside it, two rows of three cards, a column of headlines a phone shows in one screen.
 */
export const DEFAULT_SIZES: { readonly [layout in FrontLayout]: number } = {
  lead: 5,
  grid: 6,
  list: 8,
};

/**
 * The most stories one container may show: a front is read on phones over slow networks, and a
 * container of more is a listing, which the section and topic pages already are.
 *
 * @default 24
 */
export const MAX_CONTAINER_SIZE = 24;

/** The longest banner text: one line on a desktop, two or three on a phone. */
export const MAX_BANNER_TEXT = 160;

/** Lowercase a-z, 0-9 and single hyphens: what an article's slug looks like. */
const SLUG_LIKE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A choice among `values`, naming what was written and the value probably meant. */
function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) => {
      if (issue.input === undefined) return "is required";
      const close = typeof issue.input === "string" ? closestName(issue.input, values) : undefined;
      return `is ${describeValue(issue.input)}, not ${what}${close ? ` (did you mean "${close}"?)` : ""}`;
    },
  });
}

/**
 * A banner's link: an article's slug (checked against the articles later) or an https address.
 * Anything else, `javascript:` above all, is refused here.
 */
const bannerLink = () =>
  line().superRefine((value, context) => {
    if (SLUG_LIKE.test(value)) return;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (scheme === "https" && URL.canParse(value)) return;
    context.addIssue({
      code: "custom",
      message:
        scheme && scheme !== "https"
          ? `is a ${scheme}: address, which a banner may not link to: only an article's slug or an https address`
          : `is ${describeValue(value)}, neither an article's slug nor an https address`,
    });
  });

/** A picked story: an article's slug, as its folder is named. */
const storySlug = () =>
  line().regex(SLUG_LIKE, {
    error: (issue) =>
      `is ${describeValue(issue.input)}, not an article's slug (its folder's name: lowercase letters, digits and hyphens)`,
  });

/** The breaking-news banner (front page only). */
export const breakingSchema = z.strictObject(
  {
    text: line().max(MAX_BANNER_TEXT, {
      error: `is longer than ${MAX_BANNER_TEXT} characters`,
    }),
    link: optional(bannerLink()),
    until: optional(dateTime()),
  },
  group("text, link, until"),
);

/** A container's fill: the newest stories matching every condition given. */
function fillSchema(sections: readonly string[]) {
  return z.strictObject(
    {
      section: optional(
        line().superRefine((slug, context) => {
          if (sections.includes(slug)) return;
          const close = closestName(slug, sections);
          context.addIssue({
            code: "custom",
            message: `${describeValue(slug)} is not a section of this site${close ? ` (did you mean "${close}"?)` : ""}`,
          });
        }),
      ),
      topic: optional(line()),
      kind: optional(kindSchema()),
    },
    group("section, topic, kind"),
  );
}

function containerSchema(sections: readonly string[]) {
  return z
    .strictObject(
      {
        title: optional(line().max(80, { error: "is longer than 80 characters" })),
        layout: choice(FRONT_LAYOUTS, "a layout"),
        stories: optional(
          z.array(storySlug(), {
            error: (issue) => `must be a list of slugs, not ${describeValue(issue.input)}`,
          }),
        ),
        fill: optional(fillSchema(sections)),
        size: optional(
          z
            .number({
              error: (issue) => `must be a whole number, not ${describeValue(issue.input)}`,
            })
            .int({ error: "must be a whole number" })
            .min(1, { error: "must be at least 1" })
            .max(MAX_CONTAINER_SIZE, { error: `must be at most ${MAX_CONTAINER_SIZE}` }),
        ),
      },
      group("layout, stories, fill"),
    )
    .superRefine((container, context) => {
      // Checked here rather than on the whole file: a container's own checks run even when
      // another container has a mistake, so one run reports them all.
      const picked = container.stories?.length ?? 0;
      if (picked === 0 && container.fill === undefined) {
        context.addIssue({
          code: "custom",
          path: ["layout"],
          message: "belongs to a container with neither stories nor fill, so it would show nothing",
        });
      }
      if (container.size !== undefined && picked > container.size) {
        context.addIssue({
          code: "custom",
          path: ["size"],
          message: `is ${container.size}, but the container picks ${picked} ${picked === 1 ? "story" : "stories"}`,
        });
      }
    });
}

/**
 * A front file. `sections` are the site's section slugs (a fill's section must be one). Only the
 * front page's file may hold a banner: load-front.ts says so of any other.
 */
export function frontSchema(sections: readonly string[]) {
  const containers = optional(
    z.array(containerSchema(sections), {
      error: (issue) => `must be a list of containers, not ${describeValue(issue.input)}`,
    }),
  );
  return z.strictObject({ breaking: optional(breakingSchema), containers });
}

export type FrontFields = z.output<ReturnType<typeof frontSchema>>;

/** Every field a front file may have, by level, for "did you mean" suggestions. */
export const FRONT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": ["breaking", "containers"],
  breaking: Object.keys(breakingSchema.shape),
  containers: ["title", "layout", "stories", "fill", "size"],
  "containers.fill": ["section", "topic", "kind"],
};

/** How to fix a problem in each field of a front file, shown under the message. */
export function frontFieldFix(field: string, sections: readonly string[]): string {
  switch (field.replace(/\.\d+(?=\.|$)/g, "")) {
    case "breaking":
      return "Give the banner as a group of fields: breaking: then indented text:, and optionally link: and until:.";
    case "breaking.text":
      return `Write the banner's words as one line of plain text, at most ${MAX_BANNER_TEXT} characters, e.g. text: Magnitude 6.4 earthquake strikes southern Philippines.`;
    case "breaking.link":
      return "Link to a story by its slug (its folder's name), e.g. link: strong-earthquake-shakes-southern-philippines, or to an https address; or remove link.";
    case "breaking.until":
      return "Write when the banner comes down, with its UTC offset, e.g. until: 2026-12-07T18:00:00+08:00; or remove until to keep it up.";
    case "containers":
      return "Write containers as a list, each item starting with - and holding layout: and stories: or fill:.";
    case "containers.title":
      return "Write the container's heading as plain text, e.g. title: Top stories; or remove it.";
    case "containers.layout":
      return `Write one of ${FRONT_LAYOUTS.join(", ")}, and give the container stories: (picked slugs), fill: (e.g. fill: {section: asia}) or both.`;
    case "containers.stories":
      return "List the stories by slug, their folders' names under content/articles, in the order they should appear, e.g. stories: [jakarta-floods-force-thousands-from-homes].";
    case "containers.fill":
      return "Give the fill as a group, e.g. fill: {section: asia}, fill: {topic: North Korea} or fill: {kind: analysis}; several conditions must all match.";
    case "containers.fill.section":
      return `Use one of the sections in content/_data/site.yaml: ${sections.join(", ")}.`;
    case "containers.fill.topic":
      return "Write a topic as articles' tags: write it, e.g. topic: North Korea.";
    case "containers.fill.kind":
      return `Write one of ${ARTICLE_KINDS.join(", ")}.`;
    case "containers.size":
      return `Write how many stories the container shows, from 1 to ${MAX_CONTAINER_SIZE}, no fewer than it picks; or remove size for the layout's default (lead ${DEFAULT_SIZES.lead}, grid ${DEFAULT_SIZES.grid}, list ${DEFAULT_SIZES.list}).`;
    default:
      return "Check the field against docs/fronts.md (breaking, containers: title, layout, stories, fill, size).";
  }
}
