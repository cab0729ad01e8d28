/**
 * The `images:` block of `content/_data/site.yaml` and the `IMAGE_CDN` override
 * (CONTENT.md, "The site"): whether sharp makes every image size at build time (`cdn: none`,
 * the default) or an image CDN makes them on request from one master per photo.
 */
import { z } from "zod";
import { isHostName } from "../media/cdn/shared.ts";
import type { ImageCdn } from "../media/types.ts";
import type { ContentIssue } from "./issues.ts";
import { describeValue, group, line, optional } from "./schema-helpers.ts";

/** The settings `images.cdn` (and `IMAGE_CDN`) accept. */
export const IMAGE_CDN_SETTINGS = ["none", "netlify", "cloudflare", "imgix"] as const;
export type ImageCdnSetting = (typeof IMAGE_CDN_SETTINGS)[number];

const CHOICES = "none, netlify, cloudflare or imgix";

export const imageSettingsSchema = z.strictObject(
  {
    cdn: optional(
      z.enum(IMAGE_CDN_SETTINGS, {
        error: (issue) => `must be ${CHOICES}, not ${describeValue(issue.input)}`,
      }),
    ),
    imgixDomain: optional(
      line()
        .transform((value) => value.toLowerCase())
        .refine(isHostName, {
          error: (issue) =>
            `must be the imgix source's domain alone, like example.imgix.net (no https://, no path), not ${describeValue(issue.input)}`,
        }),
    ),
  },
  group("cdn, imgixDomain"),
);

/** The validated `images:` block. */
export interface ImageSettings {
  readonly cdn?: ImageCdnSetting | undefined;
  readonly imgixDomain?: string | undefined;
}

/** The field names, for "did you mean" suggestions under `images.`. */
export const IMAGE_SETTINGS_FIELDS: readonly string[] = Object.keys(imageSettingsSchema.shape);

/** How to fix a problem in the `images:` block. */
export const IMAGE_SETTINGS_FIX =
  `Give images: cdn: (${CHOICES}) and, for imgix, imgixDomain: example.imgix.net; ` +
  'see "The site" in docs/content-reference.md.';

/** Where the `images:` fields were written, for messages. */
export type Locate = (path: readonly string[]) => { line: number; column: number } | undefined;

/**
 * The image CDN a build uses: `IMAGE_CDN` when set, else `images.cdn`; undefined for none.
 * imgix needs `images.imgixDomain` whichever of the two names it.
 */
export function resolveImageCdn(
  settings: ImageSettings | undefined,
  override: string | undefined,
  file: string,
  locate: Locate,
): { readonly cdn: ImageCdn | undefined } | { readonly issue: ContentIssue } {
  const fromEnvironment = override !== undefined && override !== "";
  const chosen = fromEnvironment ? override.trim().toLowerCase() : (settings?.cdn ?? "none");
  if (!(IMAGE_CDN_SETTINGS as readonly string[]).includes(chosen)) {
    return {
      issue: {
        file: "IMAGE_CDN (environment variable)",
        field: "IMAGE_CDN",
        message: `IMAGE_CDN "${override}" is not an image CDN Broadsheet knows.`,
        fix: `Set it to ${CHOICES}, or unset it to use images.cdn in ${file}.`,
      },
    };
  }
  switch (chosen as ImageCdnSetting) {
    case "none":
      return { cdn: undefined };
    case "netlify":
      return { cdn: { provider: "netlify" } };
    case "cloudflare":
      return { cdn: { provider: "cloudflare" } };
    case "imgix": {
      if (settings?.imgixDomain)
        return { cdn: { provider: "imgix", domain: settings.imgixDomain } };
      const place = locate(["images", "cdn"]) ?? locate(["images"]);
      const by = fromEnvironment ? "IMAGE_CDN=imgix" : "images.cdn is imgix";
      return {
        issue: {
          file,
          ...(place ? { line: place.line, column: place.column } : {}),
          field: "images.imgixDomain",
          message: `${by}, but images.imgixDomain is missing: imgix serves images from the domain of your imgix source.`,
          fix: "Add imgixDomain: <your source>.imgix.net (or its custom domain) under images: in the site configuration.",
        },
      };
    }
  }
}
