/**
 * Writes generated articles to disk as projects the benchmark builds: a Broadsheet project
 * (`content/` with the repository's site configuration, `assets/`, one folder per article with
 * its photos) and a plain Eleventy project of the same Markdown. Also the edits the incremental
 * builds measure.
 */
import {
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import {
  type BenchArticle,
  broadsheetMarkdown,
  PHOTO_FILE,
  PLAIN_LAYOUT,
  plainMarkdown,
  THUMBNAIL_FILE,
} from "./generate.ts";

/** Where articles live in a Broadsheet project. */
export const ARTICLES_DIR = "content/articles";

/** The section slugs of the repository's site configuration: the generator spreads articles over them. */
export function siteSections(repoRoot: string): string[] {
  const config = parse(readFileSync(path.join(repoRoot, "content/_data/site.yaml"), "utf8")) as {
    sections?: { slug?: unknown }[];
  };
  const slugs = (config.sections ?? []).map((section) => section.slug);
  if (slugs.length === 0 || !slugs.every((slug) => typeof slug === "string")) {
    throw new Error("content/_data/site.yaml has no sections to spread the articles over");
  }
  return slugs as string[];
}

/**
 * Puts `source` at `target` as a hard link (same bytes, no copy: 400 photos of 1.3 MB cost no
 * disk), or as a copy when the two are on different disks.
 */
export function placeFile(source: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** What {@link writeBroadsheetSite} writes. */
export interface BroadsheetSiteOptions {
  /** The repository: its site configuration and assets are copied. */
  readonly repoRoot: string;
  /** The source photos, by index; without them, the no-image variant (no image or video fields). */
  readonly photos?: readonly string[];
}

/** The folder of an article in a Broadsheet project. */
export function articleDir(root: string, article: Pick<BenchArticle, "slug">): string {
  return path.join(root, ARTICLES_DIR, article.slug);
}

/** Writes a Broadsheet project at `root` (which must not hold one already). */
export function writeBroadsheetSite(
  root: string,
  articles: readonly BenchArticle[],
  options: BroadsheetSiteOptions,
): void {
  const { repoRoot, photos } = options;
  cpSync(path.join(repoRoot, "content/_data"), path.join(root, "content/_data"), {
    recursive: true,
  });
  cpSync(path.join(repoRoot, "assets"), path.join(root, "assets"), { recursive: true });
  const photo = (index: number) => {
    const file = photos?.[index];
    if (file === undefined) throw new RangeError(`no source photo ${index}`);
    return file;
  };
  for (const article of articles) {
    const folder = articleDir(root, article);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "index.md"), broadsheetMarkdown(article, photos !== undefined));
    if (photos === undefined) continue;
    if (article.image) placeFile(photo(article.image.photo), path.join(folder, PHOTO_FILE));
    if (article.video) placeFile(photo(article.video.thumbnail), path.join(folder, THUMBNAIL_FILE));
  }
}

/**
 * The plain Eleventy page layout: a minimal HTML document around the rendered Markdown, the
 * least any site needs, so the baseline measures Eleventy itself.
 */
const PLAIN_LAYOUT_SOURCE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
</head>
<body>
<main>
<h1>{{ title }}</h1>
<time datetime="{{ page.date.toISOString() }}">{{ page.date.toISOString() }}</time>
{{ content | safe }}
</main>
</body>
</html>
`;

/**
 * Writes the plain Eleventy project at `root`: `src/articles/<slug>.md` with title, date and
 * layout, and one Nunjucks layout. No configuration file: Eleventy's defaults.
 *
 * @returns the input folder to pass to Eleventy.
 */
export function writePlainSite(root: string, articles: readonly BenchArticle[]): string {
  const input = path.join(root, "src");
  mkdirSync(path.join(input, "articles"), { recursive: true });
  mkdirSync(path.join(input, "_includes"), { recursive: true });
  writeFileSync(path.join(input, "_includes", PLAIN_LAYOUT), PLAIN_LAYOUT_SOURCE);
  for (const article of articles) {
    writeFileSync(path.join(input, "articles", `${article.slug}.md`), plainMarkdown(article));
  }
  return input;
}

/** Appends a paragraph to an article's body: the "one article edited" build. */
export function editArticleBody(root: string, article: BenchArticle, edit: number): void {
  const file = path.join(articleDir(root, article), "index.md");
  const source = readFileSync(file, "utf8");
  writeFileSync(file, `${source}\nUpdate ${edit}: this story has been updated with new details.\n`);
}

/** Rewrites an article with a new headline: what the dev-server measurement waits to see. */
export function retitleArticle(
  root: string,
  article: BenchArticle,
  title: string,
  media: boolean,
): void {
  const file = path.join(articleDir(root, article), "index.md");
  writeFileSync(file, broadsheetMarkdown({ ...article, title }, media));
}

/**
 * Replaces an article's lead photo with another file: written beside it and renamed over it, as
 * an editor's save would, and never through the hard link (that would change every article
 * sharing the source).
 */
export function replacePhoto(root: string, article: BenchArticle, photo: string): void {
  const target = path.join(articleDir(root, article), PHOTO_FILE);
  const temporary = `${target}.new`;
  copyFileSync(photo, temporary);
  renameSync(temporary, target);
}
