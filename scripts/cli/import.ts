/**
 * `npm run import`: turns plain-text wire copy (the seed's shape) into an article folder.
 *
 *   npm run import -- story.txt --section asia --date 2019-06-23T11:05:00+08:00 \
 *     [--photo photo.jpg --alt "What the photo shows" [--focus 0.5,0.35]] \
 *     [--video-id 1234567890001 --video-thumbnail thumb.jpg [--video-title "..."]] \
 *     [--tags "North Korea, Donald Trump"] [--slug kim-letter] [--publish] [--force]
 *
 * The article is written as a draft (`draft: true`): wire copy is read before it is published.
 * `--publish` leaves the line out, so the next build publishes it.
 *
 * The article is validated by the build's own loader before it is moved into place: an import
 * that would not build writes nothing. The steps are in `import/`: the options (`options.ts`),
 * checking them and reading the wire file (`arguments.ts`, `media-arguments.ts`,
 * `read-wire.ts`), mapping the story to an article (`article.ts`, `notes.ts`) and printing
 * the outcome (`report.ts`); parsing wire copy and writing the folder are shared with
 * `npm run new` in `wire/`.
 */
import { pathToFileURL } from "node:url";
import { checkImport } from "./import/arguments.ts";
import { articleFromWire } from "./import/article.ts";
import { COMMAND, OPTIONS, USAGE } from "./import/options.ts";
import { reportImport } from "./import/report.ts";
import { writeArticleFolder } from "./wire/article-folder.ts";
import { printIssues, slugWarning, startCommand } from "./wire/command.ts";
import { frontMatter } from "./wire/front-matter.ts";
import { bodyMarkdown } from "./wire/markdown.ts";
import { slugFromHeadline } from "./wire/slug.ts";

/** Runs the import; returns the exit code. */
export function main(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): number {
  const start = startCommand(COMMAND, USAGE, OPTIONS, argv, env);
  if ("exit" in start) return start.exit;
  const { values, positionals, options, site } = start;

  const checked = checkImport(values, positionals, site, options.root, env);
  if (!checked.ok) {
    printIssues(checked.issues);
    return 1;
  }
  const { wireFile, story, slug, request } = checked.value;
  const imported = articleFromWire(story, request);
  const index = `${frontMatter(imported.fields)}\n${bodyMarkdown(story.paragraphs)}`;
  const written = writeArticleFolder(
    options.root,
    { slug, index, media: imported.media },
    site,
    values.force,
  );
  if (!written.ok) {
    printIssues(written.issues);
    console.error("\nNothing was written.");
    return 1;
  }
  // Only a slug made from the headline needs a word; one the editor chose is theirs.
  const made =
    values.slug === undefined
      ? slugWarning(slugFromHeadline(story.headline, site.language))
      : undefined;
  reportImport(
    { wireFile, written: written.value, imported, ...(made ? { slugWarning: made } : {}) },
    site,
    options.now,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main();
}
