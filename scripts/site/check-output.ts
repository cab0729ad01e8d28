import { readdirSync } from "node:fs";
import path from "node:path";
import type { ArticleCard } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import type { BodyLink } from "../content/model.ts";
import type { ImageCdn } from "../media/types.ts";
import {
  CONTENT_SECURITY_POLICY,
  type CspDirectives,
  type CspViolation,
  cspWatcher,
  sitePolicy,
} from "./headers.ts";
import { type ScanHandler, scanHtml } from "./html-scan.ts";
import { imageUrlProblem } from "./image-url-check.ts";
import { atArticle } from "./issue-source.ts";
import { srcsetUrls } from "./srcset.ts";

/** What one HTML page contains that the checks care about. */
export interface PageFacts {
  h1: number;
  title: string;
  hasTitle: boolean;
  lang: string;
  ids: Set<string>;
  /**
   * URLs the page points at, with the attribute they were in. Links to the site's pages written
   * in an article body (`<a>` inside `[data-article-body]`) are left out: the build checks those
   * against the whole site every time (see {@link bodyLinkIssues}). `image` marks an image's
   * URL (a gallery photo's link opens one), which may be an image CDN's.
   */
  links: { url: string; attribute: string; image?: true }[];
  /** What the Content-Security-Policy would block. */
  cspViolations: CspViolation[];
}

/** Where images are: their URLs may be an image CDN's. */
const IMAGE_ATTRIBUTES = new Set(["img[src]", "img[srcset]", "source[srcset]"]);

const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src", "srcset"],
  source: ["srcset"],
  iframe: ["src"],
};

/**
 * Reads the facts of one page in a single pass. `read` is the HTML reader: the fast scanner of
 * Broadsheet's own output by default (tests compare it with a full parser); `policy` is the
 * Content-Security-Policy the page is served with.
 */
export function pageFacts(
  html: string,
  read: (html: string, handler: ScanHandler) => void = scanHtml,
  policy: CspDirectives = CONTENT_SECURITY_POLICY,
): PageFacts {
  const csp = cspWatcher(policy);
  const facts: PageFacts = {
    h1: 0,
    title: "",
    hasTitle: false,
    lang: "",
    ids: new Set(),
    links: [],
    cspViolations: csp.violations,
  };
  let inTitle = false;
  // Depth of open elements, and the depth at which the article body opened (if inside it).
  let depth = 0;
  let bodyDepth: number | undefined;
  read(html, {
    onopentag(name, attributes) {
      depth++;
      if (bodyDepth === undefined && attributes["data-article-body"] !== undefined) {
        bodyDepth = depth;
      }
      csp.onopentag(name, attributes);
      if (name === "h1") facts.h1++;
      if (name === "title") {
        facts.hasTitle = true;
        inTitle = true;
      }
      if (name === "html") facts.lang = attributes.lang ?? "";
      if (attributes.id) facts.ids.add(attributes.id);
      for (const attribute of URL_ATTRIBUTES[name] ?? []) {
        const value = attributes[attribute];
        if (value === undefined) continue;
        const urls = attribute === "srcset" ? srcsetUrls(value) : [value];
        // Only what the editor linked is left to the body check: photos and their gallery
        // links are made by the build and checked here, with the page.
        const written = name === "a" && attributes["data-gallery-open"] === undefined;
        const label = `${name}[${attribute}]`;
        const image = IMAGE_ATTRIBUTES.has(label) || (name === "a" && !written);
        for (const url of urls) {
          if (bodyDepth !== undefined && written && url.startsWith("/")) continue;
          facts.links.push({ url, attribute: label, ...(image ? { image } : {}) });
        }
      }
    },
    ontext(text) {
      csp.ontext(text);
      if (inTitle) facts.title += text;
    },
    onclosetag(name) {
      csp.onclosetag(name);
      if (name === "title") inTitle = false;
      if (bodyDepth === depth) bodyDepth = undefined;
      depth--;
    },
  });
  return facts;
}

/** Every file under a folder, relative to it, with forward slashes. */
export function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}

const BUG =
  "This is a bug in a template or in scripts/site: please report it with the page named here.";

/**
 * Checks one built page before it is published: one `<h1>`, a `<title>` and a `lang`, nothing
 * the Content-Security-Policy would block, and every internal link and asset resolving to a
 * file of the site (`files`, output paths with forward slashes). `pathPrefix` is the folder the
 * site is served from: internal URLs must stay under it. With an image CDN, its URLs must be in
 * its grammar and name a master of the site. `policy` is the page's own Content-Security-Policy:
 * the site's (its image CDN's origin allowed, for imgix), or for a page with embeds, one that
 * also allows its players. `article` is the card of the article whose page this is: a problem
 * is then reported at its index.md (issue-source.ts), not only at the built file.
 */
export function pageIssues(
  file: string,
  html: string,
  files: ReadonlySet<string>,
  pathPrefix: string,
  imageCdn?: ImageCdn,
  policy: CspDirectives = sitePolicy({ imageCdn }),
  article?: ArticleCard,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const facts = pageFacts(html, scanHtml, policy);
  const report = (message: string, fix: string, value?: string) => {
    const issue = { file: `_site/${file}`, message, fix };
    issues.push(article ? atArticle(issue, article, file, value) : issue);
  };
  if (facts.h1 !== 1) report(`The page has ${facts.h1} <h1> elements, not one.`, BUG);
  if (!facts.hasTitle || facts.title.trim() === "") report("The page has no <title>.", BUG);
  if (!facts.lang) report("The page's <html> has no lang.", BUG);
  for (const violation of facts.cspViolations) {
    report(
      `<${violation.element}> has ${violation.problem}, which the Content-Security-Policy blocks.`,
      `${BUG} The policy is CONTENT_SECURITY_POLICY in scripts/site/headers.ts (embedPolicy in embed-headers.ts for pages with embeds).`,
      violation.value,
    );
  }
  const resolve = (url: string) => resolveInternal(url, pathPrefix, files, facts.ids);
  for (const link of facts.links) {
    const problem = link.image ? imageUrlProblem(link.url, imageCdn, resolve) : resolve(link.url);
    if (problem) {
      report(
        `${link.attribute} "${link.url}" ${problem}.`,
        link.attribute === "a[href]"
          ? "If the link is in an article body, correct its address; otherwise report a bug in the templates."
          : BUG,
        link.url,
      );
    }
  }
  return issues;
}

/**
 * Links from article bodies to the site's own pages, checked against the whole site on every
 * build: a page a story links to may be deleted, unpublished or moved by a change to another
 * article, and the story's own page would not be rendered again to notice.
 */
export function bodyLinkIssues(
  articles: readonly { readonly sourcePath: string; readonly bodyLinks: readonly BodyLink[] }[],
  files: ReadonlySet<string>,
  pathPrefix: string,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const article of articles) {
    for (const link of article.bodyLinks) {
      const problem = resolveInternal(link.url, pathPrefix, files, new Set());
      if (problem) {
        issues.push({
          file: article.sourcePath,
          line: link.line,
          message: `The link "${link.url}" ${problem}.`,
          fix: `Correct the address (pages of this site start with ${pathPrefix}), or remove the link.`,
        });
      }
    }
  }
  return issues;
}

/** Why an internal URL does not resolve, or undefined when it does (or is external). */
function resolveInternal(
  url: string,
  pathPrefix: string,
  files: ReadonlySet<string>,
  ids: Set<string>,
): string | undefined {
  if (url === "") return "is empty";
  if (url.startsWith("#"))
    return ids.has(decodeURIComponent(url.slice(1)))
      ? undefined
      : "points to no element on the page";
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return undefined;
  const pathname = url.split(/[?#]/)[0] ?? "";
  if (!pathname.startsWith("/")) return "is relative: internal links must start from the site root";
  if (!pathname.startsWith(pathPrefix)) return `leaves the site's folder ${pathPrefix}`;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(pathPrefix.length));
  } catch {
    return "is not a valid address";
  }
  if (relative.split("/").includes("..")) return "climbs out of the site";
  if (relative === "" || relative.endsWith("/")) {
    return files.has(`${relative}index.html`) ? undefined : "points to a page that does not exist";
  }
  if (files.has(relative) || files.has(`${relative}/index.html`)) return undefined;
  return "points to a file that does not exist";
}
