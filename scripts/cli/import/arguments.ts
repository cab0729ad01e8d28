/**
 * Checks the whole command line of `npm run import` against the site and the files it names,
 * and reads the wire story: every problem is collected, so one run reports all of them.
 */
import type { Checked, ContentIssue } from "../../content/issues.ts";
import type { Site } from "../../content/model.ts";
import { articleExists, articleFile } from "../wire/article-folder.ts";
import { argumentIssue, checkDate, checkSection, checkSlug } from "../wire/command.ts";
import type { WireStory } from "../wire/parse.ts";
import { slugFromHeadline } from "../wire/slug.ts";
import { checkByline } from "./byline-arguments.ts";
import { checkMedia } from "./media-arguments.ts";
import { COMMAND, type ImportValues, USAGE } from "./options.ts";
import { readWire } from "./read-wire.ts";
import type { CheckedImport } from "./request.ts";

/** Checks the options and the wire file; the import's input, or every issue found. */
export function checkImport(
  values: ImportValues,
  positionals: readonly string[],
  site: Site,
  root: string,
  env: NodeJS.ProcessEnv,
): Checked<CheckedImport> {
  const issues: ContentIssue[] = [];
  const [wireFile, ...extra] = positionals;
  if (wireFile === undefined || extra.length > 0) {
    issues.push(
      argumentIssue(
        COMMAND,
        "<wire.txt>",
        wireFile === undefined
          ? "No wire file was given."
          : `Only one wire file can be imported at a time, but ${positionals.length} were given.`,
        `Use it like this: ${USAGE}`,
      ),
    );
  }
  const sectionIssue = checkSection(COMMAND, values.section, site);
  if (sectionIssue) issues.push(sectionIssue);
  const date = checkDate(COMMAND, values.date);
  if ("issue" in date) issues.push(date.issue);
  const media = checkMedia(values, env, issues);
  const byline = checkByline(values, root, issues);
  if (values.slug !== undefined) {
    const slugIssue = checkSlug(COMMAND, values.slug);
    if (slugIssue) issues.push(slugIssue);
  }
  let story: WireStory | undefined;
  if (wireFile !== undefined) {
    const read = readWire(wireFile, env, site.promotion.text);
    if ("issues" in read) issues.push(...read.issues);
    else story = read.story;
  }
  const slug = values.slug ?? (story && slugFromHeadline(story.headline, site.language).slug);
  if (slug !== undefined && !values.force && articleExists(root, slug)) {
    issues.push({
      file: articleFile(slug),
      message: `An article already exists at ${articleFile(slug)}: it is never overwritten without --force.`,
      fix: "Add --force to replace it, or choose another slug with --slug.",
    });
  }
  if (issues.length > 0 || !wireFile || !story || !slug || "issue" in date || !values.section) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      wireFile,
      story,
      slug,
      request: {
        section: values.section,
        date: date.date,
        draft: !values.publish,
        ...media,
        ...(values.tags !== undefined ? { tags: splitList(values.tags) } : {}),
        ...byline,
      },
    },
  };
}

/** "North Korea, Kim Jong Un" → ["North Korea", "Kim Jong Un"]. */
function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}
