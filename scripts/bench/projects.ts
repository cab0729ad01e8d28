/**
 * Writes one size's projects in a single pass over the archive: each article is generated once
 * (from the seed and its index), written into the Broadsheet, plain Eleventy and Hugo projects,
 * and dropped. Memory stays flat at any size: only a small entry per article is kept
 * (archive.ts). 100,000 articles take well under a minute to generate; the rest is the disk.
 */
import path from "node:path";
import { type ArchiveEntry, archiveEntry } from "./archive.ts";
import { type GenerateOptions, generateArticle } from "./generate.ts";
import { startHugoSite, writeHugoArticle } from "./hugo-site.ts";
import {
  type SiteConfig,
  startBroadsheetSite,
  startPlainSite,
  writeBroadsheetArticle,
  writePlainArticle,
} from "./site.ts";

/** The projects of one size, under one folder. */
export interface Projects {
  /** The Broadsheet project (no images: see images.ts for the variant with them). */
  readonly broadsheet: string;
  readonly plain: string;
  /** The plain project's input folder, for Eleventy's `--input`. */
  readonly plainInput: string;
  readonly hugo: string;
  readonly entries: readonly ArchiveEntry[];
}

/** What to write. */
export interface ProjectOptions {
  readonly repoRoot: string;
  readonly site: SiteConfig;
  readonly seed: number;
  /** Leave out the baselines' projects (`--no-plain`, `--no-hugo`, or Hugo missing). */
  readonly plain: boolean;
  readonly hugo: boolean;
}

/** The generator's options for a run: the site's sections, five source photos. */
export function generateOptions(site: SiteConfig, seed: number): GenerateOptions {
  return { seed, sections: site.sections.map(({ slug }) => slug), photoCount: 5 };
}

/** Writes the `size` articles into the projects under `dir`. */
export function writeProjects(dir: string, size: number, options: ProjectOptions): Projects {
  const broadsheet = path.join(dir, "broadsheet");
  const plain = path.join(dir, "plain");
  const hugo = path.join(dir, "hugo");
  startBroadsheetSite(broadsheet, options.repoRoot);
  const plainInput = options.plain ? startPlainSite(plain) : "";
  if (options.hugo) startHugoSite(hugo, options.site);
  const generate = generateOptions(options.site, options.seed);
  const entries: ArchiveEntry[] = [];
  for (let index = 0; index < size; index += 1) {
    const article = generateArticle(index, generate);
    writeBroadsheetArticle(broadsheet, article);
    if (options.plain) writePlainArticle(plain, article);
    if (options.hugo) writeHugoArticle(hugo, article);
    entries.push(archiveEntry(index, article));
  }
  return { broadsheet, plain, plainInput, hugo, entries };
}
