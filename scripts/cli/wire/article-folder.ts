/**
 * Writes a new article folder all at once, or not at all: the folder is assembled and validated
 * under a hidden name, and only a valid article is moved into place. A failure, a crash or a
 * dev server watching `content/` never sees half an article, and nothing is left behind.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { ARTICLES_PATH } from "../../content/article-folders.ts";
import type { Checked } from "../../content/issues.ts";
import { loadArticle } from "../../content/load-article.ts";
import type { Article, Site } from "../../content/model.ts";

/** A media file to copy into the article's folder. */
export interface MediaCopy {
  /** Absolute path of the original. */
  readonly from: string;
  /** Its name beside index.md, e.g. `photo.jpg`. */
  readonly name: string;
}

/** Everything that goes into one article folder. */
export interface ArticleFolder {
  readonly slug: string;
  /** The whole of index.md. */
  readonly index: string;
  readonly media: readonly MediaCopy[];
}

/** What was written, for the success message. */
export interface WrittenArticle {
  /** `content/articles/<slug>/index.md`. */
  readonly file: string;
  /** Site-relative URL without the path prefix: `/<section>/<slug>/`. */
  readonly url: string;
  readonly date: Article["date"];
}

/** The relative path of an article's index.md, as every message names it. */
export function articleFile(slug: string): string {
  return `${ARTICLES_PATH}/${slug}/index.md`;
}

/** Whether `content/articles/<slug>` is taken (by a folder or by anything else). */
export function articleExists(root: string, slug: string): boolean {
  return existsSync(path.join(root, ARTICLES_PATH, slug));
}

/**
 * Writes the folder and validates it with the build's own article loader. With `replace`, an
 * existing folder of that name is replaced as a whole once the new one is valid; without it, an
 * existing folder is never touched.
 */
export function writeArticleFolder(
  root: string,
  folder: ArticleFolder,
  site: Site,
  replace: boolean,
): Checked<WrittenArticle> {
  const articles = path.join(root, ARTICLES_PATH);
  const createdArticles = !existsSync(articles);
  mkdirSync(articles, { recursive: true });
  // A dot-folder: the build skips it, so a run cut short cannot break the next build.
  const staging = mkdtempSync(path.join(articles, ".new-article-"));
  const file = articleFile(folder.slug);
  try {
    const draft = path.join(staging, folder.slug);
    mkdirSync(draft);
    writeFileSync(path.join(draft, "index.md"), folder.index);
    for (const media of folder.media) copyFileSync(media.from, path.join(draft, media.name));

    const checked = loadArticle(draft, file, site);
    if (!checked.ok) return checked;

    const target = path.join(articles, folder.slug);
    if (existsSync(target)) {
      if (!replace) {
        return {
          ok: false,
          issues: [
            {
              file,
              message: `${path.dirname(file)} already exists.`,
              fix: "Choose another headline or --slug, or add --force to replace that article.",
            },
          ],
        };
      }
      renameSync(target, path.join(staging, "replaced"));
    }
    renameSync(draft, target);
    const { url, date } = checked.value;
    return { ok: true, value: { file, url, date } };
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          file,
          message: `The article could not be written: ${error instanceof Error ? error.message : String(error)}.`,
          fix: `Check that ${ARTICLES_PATH}/ is writable and has room, then run the command again.`,
        },
      ],
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    if (createdArticles) removeIfEmpty(articles);
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty (the article was written): keep it.
  }
}
