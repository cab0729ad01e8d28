/**
 * The Hugo baseline's project: the same generated articles as Markdown with title, date and
 * tags, in one content folder per section of the Broadsheet site, and the least a news site
 * needs of templates. One `single.html` for articles and one `list.html` for every list (home,
 * sections, the tags index, each tag), showing the first 24 pages: no paginator, as
 * Broadsheet's listings show a page of stories. Taxonomies: tags only. Hugo's default outputs
 * stay on (RSS per list, limited to 24 items like a news feed; sitemap.xml), as Broadsheet also
 * writes feeds and sitemaps.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchArticle } from "./generate.ts";
import type { SiteConfig } from "./site.ts";

/** How many pages a list shows. */
export const HUGO_LIST_LENGTH = 24;

/** Where Hugo writes the site (`--destination`), inside the project. */
export const HUGO_OUTPUT = "public";

/** A YAML (and TOML) basic string: JSON's escapes are valid in both. */
function q(text: string): string {
  return JSON.stringify(text);
}

/** The site configuration (hugo.toml, read by Hugo 0.110 and later). */
export function hugoConfig(site: SiteConfig): string {
  return [
    `baseURL = "https://www.broadsheet.example/"`,
    `languageCode = ${q(site.language.toLowerCase())}`,
    `title = ${q(site.name)}`,
    // Hugo 0.111's name for the feed length; later versions read [services.rss] too.
    `rssLimit = ${HUGO_LIST_LENGTH}`,
    "",
    "[services.rss]",
    `  limit = ${HUGO_LIST_LENGTH}`,
    "",
    "[taxonomies]",
    `  tag = "tags"`,
    "",
  ].join("\n");
}

/** The article template: headline, date, tags and the rendered Markdown. */
export const HUGO_SINGLE = `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title>
</head>
<body>
<main>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
</main>
</body>
</html>
`;

/**
 * The list template, for the home page (the newest articles of the whole site), sections, the
 * tags index and each tag: the first 24, newest first (Hugo's default order for dated pages).
 */
export const HUGO_LIST = `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title>
</head>
<body>
<main>
<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
<ul>
{{ range first ${HUGO_LIST_LENGTH} $pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> <time>{{ .Date.Format "2 January 2006" }}</time></li>
{{ end }}</ul>
</main>
</body>
</html>
`;

/** An article as Hugo content: front matter with title, date and tags, then the body. */
export function hugoMarkdown(article: BenchArticle): string {
  return [
    "---",
    `title: ${q(article.title)}`,
    `date: ${article.date}`,
    `tags: [${article.tags.map(q).join(", ")}]`,
    "---",
    "",
    article.body,
  ].join("\n");
}

/** Starts the Hugo project at `root`: configuration, templates, one `_index.md` per section. */
export function startHugoSite(root: string, site: SiteConfig): void {
  const layouts = path.join(root, "layouts", "_default");
  mkdirSync(layouts, { recursive: true });
  writeFileSync(path.join(root, "hugo.toml"), hugoConfig(site));
  writeFileSync(path.join(layouts, "single.html"), HUGO_SINGLE);
  writeFileSync(path.join(layouts, "list.html"), HUGO_LIST);
  for (const section of site.sections) {
    const folder = path.join(root, "content", section.slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "_index.md"), `---\ntitle: ${q(section.name)}\n---\n`);
  }
}

/** Writes one article: `content/<section>/<slug>.md`, so its URL is `/<section>/<slug>/` as in Broadsheet. */
export function writeHugoArticle(root: string, article: BenchArticle): void {
  writeFileSync(
    path.join(root, "content", article.section, `${article.slug}.md`),
    hugoMarkdown(article),
  );
}
