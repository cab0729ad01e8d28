import { IANAZone } from "luxon";
import { z } from "zod";
import { CMS_SETTINGS_FIELDS, CMS_SETTINGS_FIX, cmsSettingsSchema } from "../cms/settings.ts";
import {
  IMAGE_SETTINGS_FIELDS,
  IMAGE_SETTINGS_FIX,
  imageSettingsSchema,
} from "./image-settings.ts";
import { describeValue, group, line, optional } from "./schema-helpers.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Folders the site itself writes at its root: a section with one of these slugs would share a
 * folder with Broadsheet's own pages, images or search index.
 */
export const RESERVED_SECTION_SLUGS = [
  "assets",
  "media",
  "topics",
  "search",
  "page",
  "pagefind",
  "sitemaps",
  "admin",
  "archive",
  "authors",
  "corrections",
] as const;

/** An absolute http(s) URL with no query or fragment: a site origin, optionally with a path. */
export const siteUrl = () =>
  line().refine(isSiteUrl, {
    error: "must be an absolute http or https address, like https://news.example.com",
  });

export function isSiteUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    !url.search &&
    !url.hash &&
    !url.username
  );
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const sectionSchema = z.strictObject(
  {
    slug: line()
      .regex(SLUG, { error: "must be lowercase letters, digits and single hyphens" })
      .refine((slug) => !(RESERVED_SECTION_SLUGS as readonly string[]).includes(slug), {
        error: (issue) =>
          `${describeValue(issue.input)} is reserved for the site's own files (${RESERVED_SECTION_SLUGS.join(", ")})`,
      })
      // The archive has /archive/<section>/ and /archive/<year>/: a section named like a year
      // would share a folder with that year.
      .refine((slug) => !/^\d{4}$/.test(slug), {
        error:
          "must not be a four-digit number: /archive/<year>/ is the site's archive of that year",
      }),
    name: line(),
  },
  group("slug, name"),
);

/** `content/_data/site.yaml`: the publication's identity. */
export const siteConfigSchema = z
  .strictObject({
    name: line().max(100, { error: "is longer than 100 characters" }),
    url: siteUrl(),
    language: line().refine(isLanguageTag, {
      error: "must be a BCP 47 language tag such as en or en-SG",
    }),
    timeZone: line().refine((zone) => IANAZone.isValidZone(zone), {
      error: (issue) => `${describeValue(issue.input)} is not an IANA time zone`,
    }),
    sections: z
      .array(sectionSchema, {
        error: (issue) =>
          issue.input === undefined
            ? "is required"
            : "must be a list of sections, each with slug and name",
      })
      .min(1, { error: "must list at least one section" }),
    brightcove: z.strictObject(
      {
        accountId: z
          .string({
            // "is required" is what marks a field as missing (and places it at its group's line).
            error: (issue) =>
              issue.input === undefined
                ? "is required"
                : "must be the Brightcove account id in quotes",
          })
          .regex(/^\d{1,20}$/, { error: "must be digits only" }),
        playerId: line().regex(/^[A-Za-z0-9_-]{1,64}$/, {
          error: "must be a Brightcove player id (letters, digits, - and _), or default",
        }),
      },
      group("accountId, playerId"),
    ),
    logo: z.strictObject(
      {
        src: line().regex(/^[a-z0-9][a-z0-9._-]*\.(svg|png|webp)$/i, {
          error: "must be a file name in assets/images, ending .svg, .png or .webp",
        }),
        alt: line(),
      },
      group("src, alt"),
    ),
    promotion: z.strictObject(
      {
        text: line().max(300, { error: "is longer than 300 characters" }),
        url: optional(siteUrl()),
      },
      group("text, url"),
    ),
    // The editors' web UI (issue 14): scripts/cms/settings.ts.
    cms: optional(cmsSettingsSchema),
    // Image CDNs (issue 15): scripts/content/image-settings.ts.
    images: optional(imageSettingsSchema),
  })
  .superRefine((value, context) => {
    const seen = new Set<string>();
    for (const [index, section] of value.sections.entries()) {
      if (seen.has(section.slug)) {
        context.addIssue({
          code: "custom",
          path: ["sections", index, "slug"],
          message: `repeats the section "${section.slug}"`,
        });
      }
      seen.add(section.slug);
    }
  });

export type SiteConfig = z.output<typeof siteConfigSchema>;

export const SITE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(siteConfigSchema.shape),
  brightcove: ["accountId", "playerId"],
  logo: ["src", "alt"],
  promotion: ["text", "url"],
  sections: ["slug", "name"],
  cms: CMS_SETTINGS_FIELDS,
  images: IMAGE_SETTINGS_FIELDS,
};

export function siteFieldFix(field: string): string {
  const top = field.split(".")[0] ?? field;
  switch (top) {
    case "name":
      return "Write the publication's name exactly as in Google News, e.g. name: The Straits Times.";
    case "url":
      return "Write the live site's address, e.g. url: https://www.example.com (or set SITE_URL when building).";
    case "language":
      return "Write a language tag, e.g. language: en-SG.";
    case "timeZone":
      return "Write an IANA time zone name, e.g. timeZone: Asia/Singapore.";
    case "sections":
      return "List sections as - slug: asia / name: Asia pairs, slugs in lowercase with hyphens, each once.";
    case "brightcove":
      return 'Give brightcove: accountId: "1234567890001" (quoted digits) and playerId: default.';
    case "logo":
      return "Give logo: src: (a file in assets/images) and alt: (the publication's name).";
    case "promotion":
      return "Give promotion: text: (one line shown under every article) and optionally url:.";
    case "cms":
      return CMS_SETTINGS_FIX;
    case "images":
      return IMAGE_SETTINGS_FIX;
    default:
      return 'Check the field against "The site" in docs/content-reference.md.';
  }
}
