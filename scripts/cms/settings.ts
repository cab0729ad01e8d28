/**
 * The `cms:` block of `content/_data/site.yaml`: which git host the editors' web UI at /admin/
 * saves to. Validated with the rest of the site configuration; without it, no /admin/ is built.
 */
import { z } from "zod";
import { describeValue, group, line, optional } from "../content/schema-helpers.ts";

/** The git hosts Sveltia CMS can save to. */
export const CMS_BACKENDS = ["github", "gitlab", "gitea"] as const;
export type CmsBackend = (typeof CMS_BACKENDS)[number];

/** Each host's API when the site names none: the only other host /admin/ talks to. */
export const DEFAULT_API_ROOTS: Readonly<Record<CmsBackend, string>> = {
  github: "https://api.github.com",
  gitlab: "https://gitlab.com/api/v4",
  gitea: "https://gitea.com/api/v1",
};

/** An https address with no query or fragment (an API root or a sign-in server). */
const httpsAddress = () =>
  line().refine(
    (value) => URL.canParse(value) && new URL(value).protocol === "https:" && !/[?#]/.test(value),
    { error: "must be an https address, like https://git.example.com/api/v1" },
  );

export const cmsSettingsSchema = z.strictObject(
  {
    backend: z.enum(CMS_BACKENDS, {
      error: (issue) =>
        issue.input === undefined
          ? "is required"
          : `must be github, gitlab or gitea, not ${describeValue(issue.input)}`,
    }),
    // GitLab allows subgroups (group/subgroup/project); GitHub and Gitea have owner/name.
    repo: line().regex(/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/, {
      error: "must be the repository as owner/name, like newsroom/broadsheet",
    }),
    branch: optional(
      line().regex(/^[A-Za-z0-9._/-]+$/, {
        error: "must be a branch name (letters, digits, . _ / -)",
      }),
    ),
    apiRoot: optional(httpsAddress()),
    authUrl: optional(httpsAddress()),
    appId: optional(line()),
  },
  group("backend, repo, branch"),
);

/** The validated `cms:` block. */
export interface CmsSettings {
  readonly backend: CmsBackend;
  readonly repo: string;
  readonly branch?: string | undefined;
  readonly apiRoot?: string | undefined;
  readonly authUrl?: string | undefined;
  readonly appId?: string | undefined;
}

/** The field names, for "did you mean" suggestions under `cms.`. */
export const CMS_SETTINGS_FIELDS: readonly string[] = Object.keys(cmsSettingsSchema.shape);

/** How to fix a problem in the `cms:` block. */
export const CMS_SETTINGS_FIX =
  "Give cms: backend: (github, gitlab or gitea) and repo: owner/name, optionally branch:, " +
  "apiRoot: and authUrl: (https addresses, for self-hosted GitLab or Gitea and your own sign-in server).";

/** The API origin /admin/ may connect to: the site's own, or the host's public one. */
export function apiRoot(settings: CmsSettings): string {
  return settings.apiRoot ?? DEFAULT_API_ROOTS[settings.backend];
}
