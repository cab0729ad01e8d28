/**
 * What the web editor's preview is made from besides the code it bundles, in a module light
 * enough for every build to read (scripts/engine/admin-stage.ts keys /admin/ on it without
 * loading the bundler): the stylesheets and the profiles its bylines name.
 */
import { fileURLToPath } from "node:url";
import type { ProfileCard } from "../content/load-author.ts";
import type { PreviewProfile } from "./preview/entry-article.ts";

/** The site's stylesheets the preview reads, from the project's folder. */
export const PREVIEW_STYLES = ["assets/css/site.css", "assets/css/body-media.css"] as const;

/** The preview's own notes (what would stop the build), from Broadsheet's code. */
export const PREVIEW_NOTES_STYLE = fileURLToPath(
  new URL("../../assets/admin/preview.css", import.meta.url),
);

/** What the preview shows of each profile in a byline, in a fixed order. */
export function previewProfiles(
  profiles: readonly Pick<ProfileCard, "slug" | "name" | "role">[],
): PreviewProfile[] {
  return profiles
    .map((profile) => ({
      slug: profile.slug,
      name: profile.name,
      ...(profile.role ? { role: profile.role } : {}),
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
