/**
 * The rules a standing page keeps with the rest of the site: its address `/<slug>/` must be its
 * own (not a section's, not the folder of an article's address, not a page or file the site
 * builds itself), and each of the publisher's policies is stated by one page at most.
 */
import type { ContentIssue } from "./issues.ts";
import type { Section } from "./model.ts";
import { PAGES_PATH, type PageCard } from "./page-model.ts";

/**
 * What the site itself publishes at `/<name>` (a folder, or a file named so): a page there would
 * share its folder or be mistaken for it. Every slug sections may not take, and the names of the
 * files at the site's root, each with what it is, in an editor's words (sections and pages share
 * the site's root: tests hold this list to every slug RESERVED_SECTION_SLUGS refuses a section).
 */
export const RESERVED_PAGE_SLUGS: Readonly<Record<string, string>> = {
  assets: "the folder of the site's stylesheets, scripts and logo (/assets/)",
  media: "the folder of the site's photos (/media/)",
  topics: "the folder of the topic pages (/topics/)",
  search: "the search page (/search/)",
  page: "the name the site keeps for pages of listings (/page/)",
  pagefind: "the folder of the search index (/pagefind/)",
  sitemaps: "the folder of the sitemap files (/sitemaps/)",
  admin: "the editors' web UI (/admin/)",
  archive: "the archive (/archive/)",
  authors: "the authors' pages (/authors/)",
  corrections: "the list of corrections (/corrections/)",
  feed: "the site's feeds (/feed.xml, /feed.json)",
  rss: "the site's RSS feed (/rss.xml)",
  sitemap: "the sitemap index (/sitemap.xml)",
  "news-sitemap": "the Google News sitemap (/news-sitemap.xml)",
  robots: "the instructions for search engines (/robots.txt)",
  "404": "the page shown for a missing address (/404.html)",
};

/** A page's folder, for the fix. */
function folderOf(page: Pick<PageCard, "slug">): string {
  return `${PAGES_PATH}/${page.slug}/`;
}

/** A name the page could take instead: the contract's own example for a corrections policy. */
function suggestion(slug: string): string {
  return slug === "corrections" ? ", e.g. corrections-policy" : "";
}

/**
 * The pages whose address is taken: by a section, by the folder of an article's address (articles
 * are at `/<section>/<slug>/`), or by what the site builds itself.
 */
export function pageSlugIssues(
  pages: readonly Pick<PageCard, "slug" | "sourcePath" | "url">[],
  sections: readonly Section[],
  articles: Iterable<{ readonly url: string; readonly sourcePath: string }>,
): ContentIssue[] {
  const articleFolders = new Map<string, { url: string; sourcePath: string }>();
  for (const article of articles) {
    const folder = article.url.split("/")[1] ?? "";
    if (!articleFolders.has(folder)) articleFolders.set(folder, article);
  }
  const issues: ContentIssue[] = [];
  for (const page of pages) {
    const rename = `Rename the folder ${folderOf(page)} to a name nothing else on the site uses${suggestion(page.slug)}: the folder's name is the page's address.`;
    const section = sections.find((candidate) => candidate.slug === page.slug);
    const reserved = RESERVED_PAGE_SLUGS[page.slug];
    const article = articleFolders.get(page.slug);
    const taken = section
      ? `the ${section.name} section's page`
      : reserved
        ? reserved
        : article
          ? `the folder of the article at ${article.url} (${article.sourcePath})`
          : undefined;
    if (taken === undefined) continue;
    issues.push({
      file: page.sourcePath,
      message: `The page's address ${page.url} is already taken: it is ${taken}.`,
      fix: rename,
    });
  }
  return issues;
}

/** Pages claiming a policy another page claims: each is reported, naming the others. */
export function policyIssues(
  pages: readonly Pick<PageCard, "sourcePath" | "policy" | "policyLine">[],
): ContentIssue[] {
  const byPolicy = new Map<string, Pick<PageCard, "sourcePath" | "policy" | "policyLine">[]>();
  for (const page of pages) {
    if (!page.policy) continue;
    byPolicy.set(page.policy, [...(byPolicy.get(page.policy) ?? []), page]);
  }
  const issues: ContentIssue[] = [];
  for (const [policy, claiming] of byPolicy) {
    if (claiming.length < 2) continue;
    for (const page of claiming) {
      const others = claiming.filter((other) => other !== page).map((other) => other.sourcePath);
      issues.push({
        file: page.sourcePath,
        ...(page.policyLine === undefined ? {} : { line: page.policyLine }),
        field: "policy",
        message: `policy: ${policy} is also claimed by ${others.join(" and ")}: the publisher's structured data names one page for each policy.`,
        fix: `Keep policy: ${policy} on the page that states it, and remove it from the other (or give that page the policy it does state).`,
      });
    }
  }
  return issues;
}
