import { z } from "zod";
import { describeValue, line, optional } from "./schema-helpers.ts";

/** A photo's file name beside the profile: no folders, no way out of `content/authors/`. */
const photoName = () =>
  line()
    .regex(/^[^/\\]+$/, {
      error: "must be a file name beside the profile's .yaml file, without folders",
    })
    .refine((name) => name !== "." && name !== ".." && !name.startsWith("."), {
      error: "must be a visible file name beside the profile's .yaml file",
    });

/** An https address: author links are shown to readers as links. */
const httpsLink = () =>
  line().refine((value) => URL.canParse(value) && new URL(value).protocol === "https:", {
    error: (issue) => `must be an https address, not ${describeValue(issue.input)}`,
  });

/**
 * `content/authors/<slug>.yaml`, by the contract in CONTENT.md: a name, and optionally a role,
 * a short biography, a photo beside the file and links.
 */
export const authorProfileSchema = z.strictObject({
  name: line(),
  role: optional(line()),
  bio: optional(line()),
  photo: optional(photoName()),
  links: optional(
    z.array(httpsLink(), {
      error: (issue) => `must be a list of https addresses, not ${describeValue(issue.input)}`,
    }),
  ),
});

export type AuthorProfile = z.output<typeof authorProfileSchema>;

/** Every field a profile may have, for "did you mean" suggestions. */
export const AUTHOR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(authorProfileSchema.shape),
};

/** How to fix a problem in each field of a profile, shown under the message. */
export function authorFieldFix(field: string): string {
  switch (field.replace(/\.\d+$/, "")) {
    case "name":
      return "Write the name as bylines print it, as plain text, e.g. name: Tan Hui Yee.";
    case "role":
      return "Write the author's job as one line of plain text, e.g. role: Indonesia Bureau Chief, or remove the field.";
    case "bio":
      return 'Write a short biography as one line of plain text (in quotes if it contains ": "), or remove the field.';
    case "photo":
      return "Name a photo file that sits beside the profile's .yaml file, e.g. photo: tan-hui-yee.jpg, or remove the field.";
    case "links":
      return "List the author's pages as https addresses, e.g. links: [https://x.com/example].";
    default:
      return 'Check the field against the author profiles in docs/content-reference.md ("Authors": name, role, bio, photo, links).';
  }
}
