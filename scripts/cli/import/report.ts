/**
 * What a successful import prints: where the article went and with which files on stdout, then
 * anything the editor should check on stderr, each warning quoting the text it concerns.
 */
import type { DateTime } from "luxon";
import type { Site } from "../../content/model.ts";
import type { WrittenArticle } from "../wire/article-folder.ts";
import { previewUrl, printWarnings, publishHint, type Warning } from "../wire/command.ts";
import type { ImportedArticle } from "./article.ts";

/** One finished import, as the report needs it. */
export interface ImportOutcome {
  /** The wire file as the editor named it. */
  readonly wireFile: string;
  readonly written: WrittenArticle;
  readonly imported: ImportedArticle;
  /** Said before the article's own warnings: how its slug was made, when it was made. */
  readonly slugWarning?: Warning;
}

/** Prints the outcome; `now` is the build's now, against which an embargo is measured. */
export function reportImport(outcome: ImportOutcome, site: Site, now: DateTime): void {
  const { wireFile, written, imported } = outcome;
  const warnings = [
    ...(outcome.slugWarning ? [outcome.slugWarning] : []),
    ...imported.warnings,
    ...(written.date > now
      ? [
          {
            message: `The date is in the future: the article is embargoed, and builds leave it out until ${written.date.toISO({ suppressMilliseconds: true })}.`,
          },
        ]
      : []),
  ];
  console.log(`Imported ${wireFile} → ${written.file}`);
  if (imported.media.length > 0) {
    console.log(`  with ${imported.media.map((file) => file.name).join(", ")} beside it`);
  }
  for (const notice of imported.notices) console.log(`  ${notice}`);
  console.log(`Preview (npm start): ${previewUrl(site, written.url)}`);
  if (imported.fields.draft) for (const line of publishHint(written.file)) console.log(line);
  else console.log("Published with --publish: the next npm run build puts it on the site.");
  if (warnings.length > 0) {
    printWarnings(warnings);
    console.error(
      `${warnings.length} thing${warnings.length === 1 ? "" : "s"} to check (above); the article was written and is valid.`,
    );
  }
}
