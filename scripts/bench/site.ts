/**
 * Writes generated articles to disk as projects the benchmark builds: a Broadsheet project
 * (`content/` with the repository's site configuration, `assets/`, one folder per article, with
 * its photos when asked) and a plain Eleventy project of the same Markdown (the Hugo project is
 * in hugo-site.ts). Also the edits the incremental builds make: publish, retitle, delete.
 */
import {
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  readFileSync,
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

/** What the benchmark takes from the repository's site configuration. */
export interface SiteConfig {
  readonly name: string;
  readonly language: string;
  readonly sections: readonly { readonly slug: string; readonly name: string }[];
}

/** The repository's `content/_data/site.yaml`, as far as the generated projects need it. */
export function siteConfig(repoRoot: string): SiteConfig {
  const config = parse(readFileSync(path.join(repoRoot, "content/_data/site.yaml"), "utf8")) as {
    name?: unknown;
    language?: unknown;
    sections?: { slug?: unknown; name?: unknown }[];
  };
  const sections = (config.sections ?? []).map(({ slug, name }) => ({
    slug: String(slug ?? ""),
    name: String(name ?? slug ?? ""),
  }));
  if (sections.length === 0 || sections.some(({ slug }) => slug === "")) {
    throw new Error("content/_data/site.yaml has no sections to spread the articles over");
  }
  return {
    name: typeof config.name === "string" ? config.name : "Broadsheet",
    language: typeof config.language === "string" ? config.language : "en",
    sections,
  };
}

/** The section slugs of the repository's site configuration: the generator spreads articles over them. */
export function siteSections(repoRoot: string): string[] {
  return siteConfig(repoRoot).sections.map(({ slug }) => slug);
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

/** Starts a Broadsheet project at `root`: the repository's site configuration and assets. */
export function startBroadsheetSite(root: string, repoRoot: string): void {
  cpSync(path.join(repoRoot, "content/_data"), path.join(root, "content/_data"), {
    recursive: true,
  });
  cpSync(path.join(repoRoot, "assets"), path.join(root, "assets"), { recursive: true });
}

/**
 * Writes one article into a Broadsheet project; with `photos` (the source photos, by index),
 * its photo and video thumbnail too, else without image or video fields.
 */
export function writeBroadsheetArticle(
  root: string,
  article: BenchArticle,
  photos?: readonly string[],
): void {
  const folder = articleDir(root, article);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "index.md"), broadsheetMarkdown(article, photos !== undefined));
  if (photos === undefined) return;
  const photo = (index: number) => {
    const file = photos[index];
    if (file === undefined) throw new RangeError(`no source photo ${index}`);
    return file;
  };
  if (article.image) placeFile(photo(article.image.photo), path.join(folder, PHOTO_FILE));
  if (article.video) placeFile(photo(article.video.thumbnail), path.join(folder, THUMBNAIL_FILE));
}

/** Writes a Broadsheet project at `root` (which must not hold one already). */
export function writeBroadsheetSite(
  root: string,
  articles: Iterable<BenchArticle>,
  options: BroadsheetSiteOptions,
): void {
  startBroadsheetSite(root, options.repoRoot);
  for (const article of articles) writeBroadsheetArticle(root, article, options.photos);
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

/** The input folder of a plain Eleventy project at `root`: what to pass to Eleventy. */
export function plainInput(root: string): string {
  return path.join(root, "src");
}

/** Starts the plain Eleventy project at `root`: its one Nunjucks layout, no configuration file. */
export function startPlainSite(root: string): string {
  const input = plainInput(root);
  mkdirSync(path.join(input, "articles"), { recursive: true });
  mkdirSync(path.join(input, "_includes"), { recursive: true });
  writeFileSync(path.join(input, "_includes", PLAIN_LAYOUT), PLAIN_LAYOUT_SOURCE);
  return input;
}

/** Writes one article into the plain Eleventy project: `src/articles/<slug>.md`. */
export function writePlainArticle(root: string, article: BenchArticle): void {
  writeFileSync(
    path.join(plainInput(root), "articles", `${article.slug}.md`),
    plainMarkdown(article),
  );
}

/**
 * Writes the plain Eleventy project at `root`: `src/articles/<slug>.md` with title, date and
 * layout, and one Nunjucks layout. No configuration file: Eleventy's defaults.
 *
 * @returns the input folder to pass to Eleventy.
 */
export function writePlainSite(root: string, articles: Iterable<BenchArticle>): string {
  const input = startPlainSite(root);
  for (const article of articles) writePlainArticle(root, article);
  return input;
}

/** The "one added" build's edit: a new article in the project (no media). */
export function publishArticle(root: string, article: BenchArticle): void {
  writeBroadsheetArticle(root, article);
}

/**
 * Gives an article a new headline, as an editor's save does: its front matter's `title:` line
 * rewritten, everything else as it is on disk (earlier edits included).
 */
export function retitleArticle(root: string, slug: string, title: string): void {
  const file = path.join(root, ARTICLES_DIR, slug, "index.md");
  const source = readFileSync(file, "utf8");
  const line = /^title: .*$/m;
  if (!line.test(source)) throw new Error(`${file} has no title line`);
  writeFileSync(file, source.replace(line, `title: ${JSON.stringify(title)}`));
}

/** The "one deleted" build's edit: the article's folder removed. */
export function deleteArticle(root: string, slug: string): void {
  rmSync(path.join(root, ARTICLES_DIR, slug), { recursive: true, force: true });
}
