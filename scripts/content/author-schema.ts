import { z } from "zod";
import { describeValue, fileName, line, optional } from "./schema-helpers.ts";

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
  photo: optional(fileName()),
  links: optional(
    z.array(httpsLink(), {
      error: (issue) => `must be a list of https addresses, not ${describeValue(issue.input)}`,
    }),
  ),
});

export type AuthorProfile = z.output<typeof authorProfileSchema>;
