/**
 * Standing pages (CONTENT.md, "Standing pages"): `content/pages/<slug>/index.md`, photos beside
 * it. A page is read exactly as an article is (UTF-8 only, YAML front matter by the core schema
 * with positions, unknown fields named with the closest suggested, the same Markdown and body
 * reader with the same errors at their lines), then validated against the page's own fields.
 * Which slugs a page may not take (a section's, a built page's) is decided with the rest of the
 * site, in page-slugs.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { bodyMediaOf } from "./body/blocks.ts";
import { photoFileIssues } from "./body/photo-files.ts";
import type { Checked, ContentIssue } from "./issues.ts";
import { classifyLinks, SLUG_PATTERN, suggestSlug } from "./load-article.ts";
import { excerpt, renderBody } from "./markdown.ts";
import { PAGES_PATH, type PageCard, type PageRecord } from "./page-model.ts";
import {
  PAGE_FIELDS,
  type PageFrontMatter,
  pageFieldFix,
  pageFrontMatterSchema,
} from "./page-schema.ts";
import { readSource, validateYaml } from "./parse-front-matter.ts";
import { isIssue } from "./source-file.ts";

/**
 * The shared readers speak of articles; a page's editor is told about the page. Each pair is a
 * phrase those readers write and the page's wording of it (tests hold every page message to
 * never mention an article).
 */
const PAGE_WORDING: readonly (readonly [string, string])[] = [
  [
    "(title, date, section) between --- lines, then the article text",
    "(at least title:) between --- lines, then the page's text",
  ],
  ["before the article text", "before the page's text"],
  ["(title: ..., date: ...)", "(title: ..., description: ...)"],
  ["title: ..., date: ..., section: ...", "title: ..., description: ..."],
  ["the article's page, feeds and search results", "the page and from search results"],
  ["the article's folder", "the page's folder"],
  ["for article images", "for photos"],
  ["e.g. /asia/other-story/", "e.g. /about/ or /asia/a-story/"],
];

/** A problem found by a shared reader, in the page's words. */
export function inPageWords(issue: ContentIssue): ContentIssue {
  const reword = (text: string) =>
    PAGE_WORDING.reduce((result, [from, to]) => result.replaceAll(from, to), text);
  return { ...issue, message: reword(issue.message), fix: reword(issue.fix) };
}

/** A page folder's name, its slug. */
export interface PageFolder {
  readonly slug: string;
}

/**
 * The page folders of a project, sorted; a file where a folder belongs, a folder without
 * index.md or one named like no slug is an issue (it would otherwise never be published).
 */
export function pageFolders(root: string): { folders: PageFolder[]; issues: ContentIssue[] } {
  let entries: { name: string; isDirectory: boolean }[] = [];
  try {
    entries = readdirSync(path.join(root, PAGES_PATH), { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory(),
    }));
  } catch {
    // No pages folder: a site without standing pages.
  }
  const folders: PageFolder[] = [];
  const issues: ContentIssue[] = [];
  for (const { name, isDirectory } of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (name.startsWith(".")) continue;
    const relative = `${PAGES_PATH}/${name}`;
    if (!isDirectory) {
      issues.push({
        file: relative,
        message: "Standing pages live in folders: this file is not inside one.",
        fix: `Move it to ${PAGES_PATH}/<slug>/index.md (the folder's name becomes the page's address), its photos beside it.`,
      });
    } else if (!SLUG_PATTERN.test(name)) {
      issues.push({
        file: relative,
        message: `The folder name "${name}" is not a valid slug (it becomes the page's address, /${name}/).`,
        fix: `Rename the folder to lowercase letters, digits and single hyphens, e.g. ${suggestSlug(name)}.`,
      });
    } else {
      folders.push({ slug: name });
    }
  }
  return { folders, issues };
}

/**
 * Reads and validates one page. `file` is index.md's path relative to the project root, used in
 * every message; `bytes` its contents when the caller has read them already.
 */
export function loadPage(
  folder: string,
  file: string,
  bytes: Uint8Array = readFileSync(path.join(folder, "index.md")),
): Checked<PageRecord> {
  const checked = readPage(folder, file, bytes);
  return checked.ok ? checked : { ok: false, issues: checked.issues.map(inPageWords) };
}

function readPage(folder: string, file: string, bytes: Uint8Array): Checked<PageRecord> {
  const slug = path.basename(folder);
  const source = readSource(bytes, file);
  if (isIssue(source)) return { ok: false, issues: [source] };
  const checked = validateYaml<PageFrontMatter>(
    source.yaml,
    file,
    source.yamlLine,
    pageFrontMatterSchema,
    { fields: PAGE_FIELDS, fix: pageFieldFix },
  );
  const issues: ContentIssue[] = checked.ok ? [] : [...checked.issues];
  if (source.body.trim() === "") {
    issues.push({
      file,
      line: source.bodyLine,
      message: "The page has no text.",
      fix: "Write the page's text after the closing --- line.",
    });
  }
  // A page's body needs nothing from its front matter (no dateline): its mistakes are reported
  // with the front matter's, in one run.
  const body = renderBody(source.body, undefined, source.bodyLine);
  const links = classifyLinks(body.links, file, source.bodyLine);
  issues.push(
    ...body.issues.map((issue): ContentIssue => ({ file, ...issue })),
    ...links.issues,
    ...photoFileIssues(folder, file, body.photos),
  );
  if (!checked.ok || issues.length > 0) return { ok: false, issues };

  const { value: fields, yaml } = checked.value;
  const bodyMedia = bodyMediaOf(body.blocks);
  const policyLine = fields.policy ? yaml.locate(["policy"])?.line : undefined;
  const card: PageCard = {
    slug,
    sourcePath: file,
    url: `/${slug}/`,
    title: fields.title,
    description: fields.description ?? excerpt(body.firstParagraph ?? fields.title),
    ...(fields.description ? { standfirst: fields.description } : {}),
    ...(fields.policy ? { policy: fields.policy } : {}),
    ...(policyLine === undefined ? {} : { policyLine }),
    footer: fields.footer ?? false,
    ...(fields.order === undefined ? {} : { order: fields.order }),
    ...(fields.updated
      ? {
          updated: fields.updated.toISO({ includeOffset: true }) ?? "",
          updatedMs: fields.updated.toMillis(),
        }
      : {}),
    bodyLinks: links.internal,
    ...(bodyMedia ? { bodyMedia } : {}),
  };
  return { ok: true, value: { card, body: body.blocks, bodyText: body.text } };
}
