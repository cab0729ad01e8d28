/**
 * `npm run new`: starts an article from a headline.
 *
 *   npm run new -- --section asia "Kim receives letter from Trump" [--slug kim-letter] [--force]
 *
 * It writes `content/articles/<slug>/index.md` with the headline, the current time in the site's
 * zone, the section, every optional field as a commented-out example, and a placeholder
 * paragraph. The article is valid and a draft (`draft: true`): `npm start` shows it, and builds
 * leave it out until the editor sets `draft: false` or deletes the line, so the placeholder text
 * never reaches the front page, the feeds or the News sitemap.
 */
import { pathToFileURL } from "node:url";
import type { ContentIssue } from "../content/issues.ts";
import { PLACEHOLDER_LINE } from "../content/placeholder.ts";
import { articleExists, articleFile, writeArticleFolder } from "./wire/article-folder.ts";
import {
  argumentIssue,
  checkSection,
  checkSlug,
  previewUrl,
  printIssues,
  printWarnings,
  publishHint,
  slugWarning,
  startCommand,
  type Warning,
} from "./wire/command.ts";
import { frontMatter } from "./wire/front-matter.ts";
import { slugFromHeadline } from "./wire/slug.ts";

const COMMAND = "new";

export const USAGE = 'npm run new -- --section <slug> "<headline>" [--slug <slug>] [--force]';

/**
 * The body a new article starts with: obviously not a story, so nobody publishes it unread (the
 * build refuses to publish a story still holding it: placeholder.ts).
 */
export const PLACEHOLDER_BODY = `${PLACEHOLDER_LINE}\n`;

const OPTIONS = {
  section: { type: "string" },
  slug: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Runs the command; returns the exit code. */
export function main(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): number {
  const start = startCommand(COMMAND, USAGE, OPTIONS, argv, env);
  if ("exit" in start) return start.exit;
  const { values, positionals, options, site } = start;

  const issues: ContentIssue[] = [];
  const warnings: Warning[] = [];
  // Words typed without quotes arrive one by one: they are still the one headline.
  const headline = positionals.join(" ").replace(/\s+/g, " ").trim();
  if (headline === "") {
    issues.push(
      argumentIssue(
        COMMAND,
        "<headline>",
        "No headline was given.",
        `Give the headline in quotes: ${USAGE}`,
      ),
    );
  }
  const sectionIssue = checkSection(COMMAND, values.section, site);
  if (sectionIssue) issues.push(sectionIssue);

  let slug = values.slug;
  if (slug !== undefined) {
    const slugIssue = checkSlug(COMMAND, slug);
    if (slugIssue) issues.push(slugIssue);
  } else if (headline !== "") {
    const made = slugFromHeadline(headline, site.language);
    slug = made.slug;
    const warning = slugWarning(made);
    if (warning) warnings.push(warning);
  }
  if (slug !== undefined && !values.force && articleExists(options.root, slug)) {
    issues.push({
      file: articleFile(slug),
      message: `An article already exists at ${articleFile(slug)}: it is never overwritten without --force.`,
      fix: "Choose another headline or --slug, or add --force to replace it.",
    });
  }
  if (issues.length > 0 || slug === undefined || values.section === undefined) {
    printIssues(issues);
    return 1;
  }

  // Now in the site's zone, to the second: the date the site shows, and a valid ISO 8601 value.
  const date = options.now.setZone(site.timeZone).startOf("second");
  const fields = { title: headline, date, section: values.section, draft: true };
  const index = `${frontMatter(fields, { template: true })}\n${PLACEHOLDER_BODY}`;
  const written = writeArticleFolder(options.root, { slug, index, media: [] }, site, values.force);
  if (!written.ok) {
    printIssues(written.issues);
    console.error("\nNothing was written.");
    return 1;
  }
  console.log(`Created ${written.value.file}`);
  console.log(`Preview (npm start): ${previewUrl(site, written.value.url)}`);
  console.log('Replace "Write the story here." with the story.');
  for (const line of publishHint(written.value.file)) console.log(line);
  printWarnings(warnings);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main();
}
