/**
 * Author profiles (CONTENT.md, "Authors"): `content/authors/<slug>.yaml`, the photo beside it.
 * A profile is validated like an article: UTF-8 only, YAML by the core schema with positions,
 * unknown fields named with a suggestion, links https only, and the photo a regular file beside
 * the profile (its pixels are checked by the media stage, like an article's photo).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import {
  AUTHOR_FIELDS,
  type AuthorProfile,
  authorFieldFix,
  authorProfileSchema,
} from "./author-schema.ts";
import { missingFileFix } from "./file-names.ts";
import type { Checked, ContentIssue } from "./issues.ts";
import { SLUG_PATTERN, suggestSlug } from "./load-article.ts";
import { validateYaml } from "./parse-front-matter.ts";
import { decodeUtf8, isIssue } from "./source-file.ts";
import { parseYaml } from "./yaml.ts";

/** Where profiles live, relative to the project root. */
export const AUTHORS_PATH = "content/authors";

/** A valid profile as plain data: what the build keeps between builds and pages show. */
export interface ProfileCard {
  /** The file's name without `.yaml`: the last part of the profile page's URL. */
  readonly slug: string;
  /** `content/authors/<slug>.yaml`. */
  readonly sourcePath: string;
  readonly name: string;
  readonly role?: string;
  readonly bio?: string;
  /** The photo beside the profile, and where its field was written (for messages). */
  readonly photo?: { readonly src: string; readonly line?: number; readonly column?: number };
  /** https addresses of the author's pages elsewhere, as written. */
  readonly links: readonly string[];
}

/** A file in the authors folder that should be a profile. */
export interface ProfileFile {
  /** The file's name, e.g. `tan-hui-yee.yaml`. */
  readonly name: string;
  /** The slug it names, when it is a `.yaml` file. */
  readonly slug: string;
}

/**
 * The profile files of a project, by name; other files (the photos) are left alone. A `.yml`
 * file, or a profile whose name is no slug, is an issue: it would otherwise never be published.
 */
export function profileFiles(root: string): { files: ProfileFile[]; issues: ContentIssue[] } {
  let entries: { name: string; isFile: boolean }[] = [];
  try {
    entries = readdirSync(path.join(root, AUTHORS_PATH), { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isFile: entry.isFile(),
    }));
  } catch {
    // No authors folder: a site without profiles.
  }
  const files: ProfileFile[] = [];
  const issues: ContentIssue[] = [];
  for (const { name, isFile } of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (name.startsWith(".") || !isFile) continue;
    const extension = path.extname(name);
    const stem = path.basename(name, extension);
    const file = `${AUTHORS_PATH}/${name}`;
    if (/^\.ya?ml$/i.test(extension) && extension !== ".yaml") {
      issues.push({
        file,
        message: `Author profiles end in .yaml: ${name} would never be published.`,
        fix: `Rename it to ${suggestSlug(stem)}.yaml.`,
      });
    } else if (extension === ".yaml" && !SLUG_PATTERN.test(stem)) {
      issues.push({
        file,
        message: `The file name "${stem}" is not a valid slug (it becomes the profile page's URL).`,
        fix: `Rename it to lowercase letters, digits and single hyphens, e.g. ${suggestSlug(stem)}.yaml.`,
      });
    } else if (extension === ".yaml") {
      files.push({ name, slug: stem });
    }
  }
  return { files, issues };
}

/** Reads and validates one profile; `bytes` are the file's contents when already read. */
export function loadProfile(
  root: string,
  slug: string,
  bytes: Uint8Array = readFileSync(path.join(root, AUTHORS_PATH, `${slug}.yaml`)),
): Checked<ProfileCard> {
  const file = `${AUTHORS_PATH}/${slug}.yaml`;
  const decoded = decodeUtf8(bytes, file);
  if (isIssue(decoded)) {
    // decodeUtf8's advice for an empty file is about articles' front matter.
    const fix =
      bytes.length === 0 ? "Write the profile: at least name: and the author's name." : decoded.fix;
    return { ok: false, issues: [{ ...decoded, fix }] };
  }
  const checked = validateYaml<AuthorProfile>(
    decoded.text.replace(/^\uFEFF/, ""),
    file,
    1,
    authorProfileSchema,
    { fields: AUTHOR_FIELDS, fix: authorFieldFix },
  );
  if (!checked.ok) {
    // The photo is still looked for, so a missing one is reported in the same run as the rest.
    const yaml = parseYaml(decoded.text.replace(/^\uFEFF/, ""), file, 1);
    const data = Array.isArray(yaml) ? undefined : (yaml.data as Record<string, unknown> | null);
    const photo = data?.photo;
    const flagged = checked.issues.some((issue) => issue.field === "photo");
    if (typeof photo === "string" && photo.trim() !== "" && !flagged && !Array.isArray(yaml)) {
      const problem = photoIssue(root, slug, file, photo, yaml.locate(["photo"]));
      if (problem) return { ok: false, issues: [...checked.issues, problem] };
    }
    return checked;
  }
  const { value: fields, yaml } = checked.value;
  const position = fields.photo ? yaml.locate(["photo"]) : undefined;
  if (fields.photo) {
    const problem = photoIssue(root, slug, file, fields.photo, position);
    if (problem) return { ok: false, issues: [problem] };
  }
  return {
    ok: true,
    value: {
      slug,
      sourcePath: file,
      name: fields.name,
      ...(fields.role ? { role: fields.role } : {}),
      ...(fields.bio ? { bio: fields.bio } : {}),
      ...(fields.photo
        ? {
            photo: {
              src: fields.photo,
              ...(position ? { line: position.line, column: position.column } : {}),
            },
          }
        : {}),
      links: fields.links ?? [],
    },
  };
}

/** Why a profile's photo cannot be used, or undefined when it is a file beside the profile. */
function photoProblem(root: string, name: string): string | undefined {
  const folder = path.join(root, AUTHORS_PATH);
  const absolute = path.join(folder, name);
  try {
    // A symbolic link could point anywhere on the build machine: the file must really be here.
    if (!statSync(absolute).isFile()) return "which is not a file";
    if (path.dirname(realpathSync(absolute)) !== realpathSync(folder)) {
      return "which is a link to a file outside the authors folder";
    }
  } catch {
    return "but there is no such file beside the profile";
  }
  return undefined;
}

/** Every profile of a project, for tools outside the build (`npm run import`). */
export function loadProfiles(root: string): { profiles: ProfileCard[]; issues: ContentIssue[] } {
  const { files, issues } = profileFiles(root);
  const profiles: ProfileCard[] = [];
  for (const { slug } of files) {
    const loaded = loadProfile(root, slug);
    if (loaded.ok) profiles.push(loaded.value);
    else issues.push(...loaded.issues);
  }
  return { profiles, issues };
}

/** The profile's photo file's problem, at the `photo` field's place, if it has one. */
function photoIssue(
  root: string,
  slug: string,
  file: string,
  photo: string,
  position: { readonly line: number; readonly column: number } | undefined,
): ContentIssue | undefined {
  const problem = photoProblem(root, photo);
  if (!problem) return undefined;
  return {
    file,
    ...(position ? { line: position.line, column: position.column } : {}),
    field: "photo",
    message: `photo names ${photo}, ${problem}.`,
    fix: missingFileFix(
      path.join(root, AUTHORS_PATH),
      photo,
      (intended) => `photo: ${intended}`,
      `${AUTHORS_PATH}/`,
      `Put the photo in ${AUTHORS_PATH}/ beside ${slug}.yaml, or correct the file name (names are case-sensitive).`,
    ),
  };
}
