import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import {
  ARTICLE_FIELDS,
  type ArticleFrontMatter,
  articleFieldFix,
  articleFrontMatterSchema,
} from "./article-schema.ts";
import { bodyMediaOf } from "./body/blocks.ts";
import { photoFileIssues } from "./body/photo-files.ts";
import { creditOf } from "./credit.ts";
import { datelineLead } from "./dateline.ts";
import { articleFieldRules, inDateOrder, markSponsoredLinks } from "./editorial-rules.ts";
import { missingFileFix } from "./file-names.ts";
import type { Checked, ContentIssue } from "./issues.ts";
import { excerpt, type RenderedLink, renderBody } from "./markdown.ts";
import type { Article, BodyLink, MediaFile, Site } from "./model.ts";
import { readSource, validateYaml } from "./parse-front-matter.ts";
import { placeholderIssue } from "./placeholder.ts";
import { isIssue } from "./source-file.ts";
import { articleValueFix } from "./value-fixes.ts";
import { type ParsedYaml, parseYaml } from "./yaml.ts";

// Building the schema costs more than using it: one per set of sections, not one per article.
const schemas = new Map<string, ReturnType<typeof articleFrontMatterSchema>>();
function schemaFor(sections: readonly string[]): ReturnType<typeof articleFrontMatterSchema> {
  const key = sections.join("\n");
  const schema = schemas.get(key) ?? articleFrontMatterSchema(sections);
  schemas.set(key, schema);
  return schema;
}

/** Lowercase a-z, 0-9 and single hyphens: the last part of the article's URL. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads, validates and models one article from its folder. `file` is the index.md path
 * relative to the project root, used in every message; `bytes` are index.md's contents when the
 * caller has read them already.
 */
export function loadArticle(
  folder: string,
  file: string,
  site: Site,
  bytes: Uint8Array = readFileSync(path.join(folder, "index.md")),
): Checked<Article> {
  const slug = path.basename(folder);
  const source = readSource(bytes, file);
  if (isIssue(source)) return { ok: false, issues: [source] };

  const sections = site.sections.map((section) => section.slug);
  const checked = validateYaml<ArticleFrontMatter>(
    source.yaml,
    file,
    source.yamlLine,
    schemaFor(sections),
    {
      fields: ARTICLE_FIELDS,
      // Built from what the editor wrote where it can be, else the field's general fix.
      fix: (field, value) =>
        articleValueFix(field, value, site) ?? articleFieldFix(field, sections),
      crossField: articleFieldRules,
    },
  );
  const issues: ContentIssue[] = checked.ok ? [] : [...checked.issues];
  if (!SLUG_PATTERN.test(slug)) {
    issues.push({
      file,
      message: `The folder name "${slug}" is not a valid slug (it becomes the article's URL).`,
      fix: `Rename the folder to lowercase letters, digits and single hyphens, e.g. ${suggestSlug(slug)}.`,
    });
  }
  if (source.body.trim() === "") {
    issues.push({
      file,
      line: source.bodyLine,
      message: "The article has no body text.",
      fix: "Write the article's text after the closing --- line.",
    });
  }
  const valid = checked.ok ? checked.value : undefined;
  const image =
    valid?.value.image &&
    mediaFile(folder, file, valid.value.image.src, ["image", "src"], valid.yaml, issues);
  const thumbnail =
    valid?.value.video &&
    mediaFile(
      folder,
      file,
      valid.value.video.thumbnail,
      ["video", "thumbnail"],
      valid.yaml,
      issues,
    );
  if (!valid) leadFilesBeside(folder, file, source.yaml, source.yamlLine, issues);
  // The body's mistakes are reported with the front matter's, in one run. Without valid front
  // matter the body is read without its dateline, which only leads its first paragraph.
  const dateline = valid && datelineLead(valid.value.dateline, valid.value.sources ?? []);
  const body = renderBody(source.body, dateline, source.bodyLine);
  const links = classifyLinks(body.links, file, source.bodyLine);
  issues.push(
    ...body.issues.map((issue): ContentIssue => ({ file, ...issue })),
    ...links.issues,
    ...photoFileIssues(folder, file, body.photos),
  );
  // A story about to be published must not still hold npm run new's placeholder.
  const placeholder =
    valid && !valid.value.draft && placeholderIssue(source.body, file, source.bodyLine);
  if (placeholder) issues.push(placeholder);
  if (!valid || issues.length > 0) return { ok: false, issues };

  const { value: fields } = valid;
  const section = site.sections.find((candidate) => candidate.slug === fields.section);
  if (!section) throw new Error(`unreachable: section ${fields.section} passed validation`);
  const bodyMedia = bodyMediaOf(body.blocks);
  const authors = fields.authors ?? [];
  const sources = fields.sources ?? [];
  const kind = fields.kind ?? "news";
  return {
    ok: true,
    value: {
      slug,
      sourcePath: file,
      url: `/${section.slug}/${slug}/`,
      title: fields.title,
      description: fields.description ?? excerpt(body.firstParagraph ?? fields.title),
      ...(fields.description ? { standfirst: fields.description } : {}),
      date: fields.date,
      ...(fields.updated ? { updated: fields.updated } : {}),
      section,
      tags: fields.tags ?? [],
      ...(fields.dateline ? { dateline: fields.dateline } : {}),
      sources,
      authors,
      credit: creditOf(authors, sources),
      kind,
      corrections: inDateOrder(
        (fields.corrections ?? []).map((correction) => ({
          date: correction.date,
          text: correction.text,
          type: correction.type ?? "correction",
        })),
      ),
      ...(fields.image && image
        ? {
            image: {
              ...image,
              alt: fields.image.alt,
              ...(fields.image.caption ? { caption: fields.image.caption } : {}),
              ...(fields.image.credit ? { credit: fields.image.credit } : {}),
              focus: fields.image.focus ?? [0.5, 0.5],
            },
          }
        : {}),
      ...(fields.video && thumbnail
        ? {
            video: {
              provider: fields.video.provider,
              id: fields.video.id,
              ...(fields.video.title ? { title: fields.video.title } : {}),
              ...(fields.video.description ? { description: fields.video.description } : {}),
              thumbnail,
              ...(fields.video.duration ? { duration: fields.video.duration } : {}),
            },
          }
        : {}),
      draft: fields.draft ?? false,
      ...(fields.ended ? { ended: fields.ended } : {}),
      bodyLinks: links.internal,
      ...(bodyMedia ? { bodyMedia } : {}),
      ...(fields.related && fields.related.length > 0 ? { related: fields.related } : {}),
      body: markSponsoredLinks(body.blocks, kind),
      bodyText: body.text,
    },
  };
}

/**
 * Sorts a body's links: links to other sites and to places on the same page need nothing more;
 * links to the site's own pages (`/asia/other-story/`) are kept so every build can check the
 * page still exists; a relative link (`other-story/`) would resolve differently on the article
 * page, in feeds and in search results, so it is refused.
 */
export function classifyLinks(
  links: readonly RenderedLink[],
  file: string,
  bodyLine: number,
): { internal: BodyLink[]; issues: ContentIssue[] } {
  const internal: BodyLink[] = [];
  const issues: ContentIssue[] = [];
  for (const link of links) {
    const href = link.href.trim();
    const line = bodyLine + link.line;
    if (href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
      continue;
    }
    if (href.startsWith("/")) {
      internal.push({ url: href, line });
      continue;
    }
    issues.push({
      file,
      line,
      message: `The link "${href}" is relative: it would lead somewhere else from the article's page, feeds and search results.`,
      fix: "Write links to this site's pages from its root, e.g. /asia/other-story/, or give the full address of another site.",
    });
  }
  return { internal, issues };
}

/**
 * With front matter that does not validate, the lead photo and video thumbnail are still looked
 * for beside index.md, so a missing file is reported in the same run: each one whose own field
 * was written as a file name and drew no other mistake.
 */
function leadFilesBeside(
  folder: string,
  file: string,
  text: string,
  firstLine: number,
  issues: ContentIssue[],
): void {
  const yaml = parseYaml(text, file, firstLine);
  if (Array.isArray(yaml) || typeof yaml.data !== "object" || yaml.data === null) return;
  const data = yaml.data as Record<string, unknown>;
  for (const field of [
    ["image", "src"],
    ["video", "thumbnail"],
  ] as const) {
    const owner = data[field[0]];
    const name =
      typeof owner === "object" && owner !== null
        ? (owner as Record<string, unknown>)[field[1]]
        : undefined;
    const flagged = issues.some((issue) => issue.field?.startsWith(field[0]));
    if (typeof name === "string" && name.trim() !== "" && !flagged) {
      mediaFile(folder, file, name, field, yaml, issues);
    }
  }
}

/** Resolves a media file beside index.md, reporting a missing one at its line. */
function mediaFile(
  folder: string,
  file: string,
  name: string,
  field: readonly [string, string],
  yaml: ParsedYaml,
  issues: ContentIssue[],
): MediaFile | undefined {
  const absolute = path.join(folder, name);
  const position = yaml.locate(field);
  const where = {
    file,
    ...(position ? { line: position.line, column: position.column } : {}),
    field: field.join("."),
  };
  let stats: ReturnType<typeof statSync> | undefined;
  try {
    stats = statSync(absolute);
  } catch {
    issues.push({
      ...where,
      message: `${field.join(".")} names ${name}, but there is no such file beside index.md.`,
      fix: missingFileFix(
        folder,
        name,
        (intended) => `${field.at(-1)}: ${intended}`,
        `${path.dirname(file)}/`,
        `Put ${name} in ${path.dirname(file)}/, or correct the file name (names are case-sensitive).`,
      ),
    });
    return undefined;
  }
  // A symbolic link could point anywhere on the build machine: the file must really be here.
  if (!stats.isFile() || path.dirname(realpathSync(absolute)) !== realpathSync(folder)) {
    issues.push({
      ...where,
      message: `${field.join(".")} names ${name}, which is not a regular file inside the article's folder.`,
      fix: `Copy the image itself into ${path.dirname(file)}/ (not a folder or a link).`,
    });
    return undefined;
  }
  return {
    src: name,
    path: absolute,
    ...(position ? { line: position.line, column: position.column } : {}),
  };
}

/** A valid slug close to an invalid folder name, for the fix hint. */
export function suggestSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "my-article";
}
