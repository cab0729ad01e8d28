/**
 * HTTP headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages): the
 * Content-Security-Policy, the other security headers, and caching. One source for the file,
 * the README and the tests.
 *
 * Cloudflare applies every rule whose path matches a request (and joins repeated headers with
 * commas), so each header is set by exactly one rule per path: security headers on `/*` only,
 * and `Cache-Control` on paths that do not overlap (hashed files forever, pages and feeds never
 * without revalidating).
 */
import { Parser } from "htmlparser2";
import { adminHeaderRule } from "../cms/headers.ts";
import type { Site } from "../content/model.ts";
import { BRIGHTCOVE_PLAYER_ORIGIN } from "./brightcove.ts";
import { type EmbedPage, embedHeaderRules } from "./embed-headers.ts";
import { FEED_FILES } from "./feeds/channels.ts";
import { BREAKING_PATH } from "./front-specs.ts";
import { NEWS_SITEMAP_PATH } from "./sitemaps/news.ts";
import { SITEMAP_PARTS_FOLDER, SITEMAP_PATH } from "./sitemaps/sitemap.ts";
import { srcsetUrls } from "./srcset.ts";
import { attributeUrls, isScriptUrl } from "./url-attributes.ts";
import { href, sectionPath } from "./urls.ts";

/** The CSP directives Broadsheet sets. */
export type CspDirective =
  | "default-src"
  | "img-src"
  | "style-src"
  | "script-src"
  | "frame-src"
  | "connect-src"
  | "font-src"
  | "object-src"
  | "base-uri"
  | "form-action"
  | "frame-ancestors"
  | "upgrade-insecure-requests";

/** A policy: each directive's sources; an empty list is a directive without a value. */
export type CspDirectives = { readonly [directive in CspDirective]: readonly string[] };

/**
 * The site's Content-Security-Policy. No `'unsafe-inline'` anywhere: pages have no inline
 * scripts (JSON-LD is data, not run), no `<style>` and no `style=""`.
 */
export const CONTENT_SECURITY_POLICY: CspDirectives = {
  "default-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "style-src": ["'self'"],
  // Pagefind's search compiles WebAssembly.
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "frame-src": [BRIGHTCOVE_PLAYER_ORIGIN],
  "connect-src": ["'self'"],
  "font-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "upgrade-insecure-requests": [],
};

/** `default-src 'self'; img-src 'self' data:; ...; upgrade-insecure-requests`. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/**
 * The site's policy: {@link CONTENT_SECURITY_POLICY}, with the image CDN's origin in `img-src`
 * when its images come from another host (imgix). Netlify's and Cloudflare's transformations
 * are served by the site's own origin, which `'self'` already allows.
 */
export function sitePolicy(site: Pick<Site, "imageCdn">): CspDirectives {
  const cdn = site.imageCdn;
  if (cdn?.provider !== "imgix") return CONTENT_SECURITY_POLICY;
  const imgSrc = [...CONTENT_SECURITY_POLICY["img-src"], `https://${cdn.domain}`];
  return { ...CONTENT_SECURITY_POLICY, "img-src": imgSrc };
}

/** The headers every response gets, under the site's policy. */
export function securityHeaders(site: Pick<Site, "imageCdn">): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, "Content-Security-Policy": serializeCsp(sitePolicy(site)) };
}

/** Headers every response gets (of a site without an image CDN on another host). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": serializeCsp(CONTENT_SECURITY_POLICY),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  // For browsers without CSP `frame-ancestors`.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The two caching policies. */
export const CACHE_CONTROL = {
  /** Content-hashed files: a change gets a new name, so the old one may be kept for a year. */
  immutable: "public, max-age=31536000, immutable",
  /** Pages, feeds, sitemaps: kept, but checked with the server before every use. */
  revalidate: "public, max-age=0, must-revalidate",
  /**
   * `/breaking.json`, fetched by every article page a reader opens: a minute without asking the
   * server again (a reader going from story to story asks once), then checked. A banner put up
   * or taken down reaches readers within a minute.
   */
  breaking: "public, max-age=60, must-revalidate",
} as const;

/** Folders (site-relative) whose every file name carries a content hash. */
export const HASHED_FOLDERS = ["/assets/", "/media/"] as const;

/** One block of the `_headers` file. */
export interface HeaderRule {
  /** The URL pattern, path prefix included: `/news/*`. */
  readonly path: string;
  /**
   * Headers of broader rules this rule replaces rather than adds to. Cloudflare Pages applies
   * every matching rule and would send both values (two policies, both enforced): a `! Name`
   * line detaches the inherited one. Netlify ignores such lines and serves the value of the
   * last matching rule, so replacing rules come after the rules they replace.
   */
  readonly detach?: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Site-relative patterns of everything Broadsheet writes that is not content-hashed: the home
 * page, the 404 page, the date archives, each section's folder (its pages, articles and
 * feeds), topic pages, author pages and the corrections (with their feeds), the search page and Pagefind's index (its entry files keep their names
 * from build to build), and the feeds, sitemaps and robots.txt at the root. A new kind of page
 * outside these gets the host's default (on Netlify and Cloudflare Pages, the same policy);
 * the build test that checks every output file against these rules names it.
 */
export function revalidatedPaths(site: Pick<Site, "sections">): string[] {
  for (const section of site.sections) {
    const folder = sectionPath(section.slug);
    if ((HASHED_FOLDERS as readonly string[]).includes(folder)) {
      throw new Error(
        `The section "${section.slug}" shares its folder with the site's content-hashed files (${folder}), ` +
          "which hosts are told to cache for a year: give the section another slug in content/_data/site.yaml.",
      );
    }
  }
  const paths = [
    "/",
    "/index.html",
    "/404.html",
    "/archive/*",
    ...site.sections.map((section) => `${sectionPath(section.slug)}*`),
    "/topics/*",
    "/authors/*",
    "/corrections/*",
    "/search/*",
    "/pagefind/*",
    ...Object.values(FEED_FILES).map((file) => `/${file}`),
    SITEMAP_PATH,
    `${SITEMAP_PARTS_FOLDER}*`,
    NEWS_SITEMAP_PATH,
    "/robots.txt",
    // The icons browsers ask for at fixed addresses (scripts/site/icons.ts): a new logo must
    // reach them, so they are checked like pages, not kept for a year.
    "/favicon.ico",
    "/site.webmanifest",
  ];
  return [...new Set(paths)];
}

/**
 * The rules of the `_headers` file, under the site's path prefix. Pages with embeds get their
 * own policy (embed-headers.ts), after the rules it replaces.
 */
export function headerRules(
  site: Pick<Site, "pathPrefix" | "sections" | "cms" | "imageCdn">,
  embedPages: readonly EmbedPage[] = [],
): HeaderRule[] {
  const admin = adminHeaderRule(site);
  const rules: HeaderRule[] = [
    { path: href(site, "/*"), headers: securityHeaders(site) },
    ...HASHED_FOLDERS.map((folder) => ({
      path: href(site, `${folder}*`),
      headers: { "Cache-Control": CACHE_CONTROL.immutable },
    })),
    ...revalidatedPaths(site).map((path) => ({
      path: href(site, path),
      headers: { "Cache-Control": CACHE_CONTROL.revalidate },
    })),
    { path: href(site, BREAKING_PATH), headers: { "Cache-Control": CACHE_CONTROL.breaking } },
  ];
  const embeds = embedHeaderRules(site, embedPages, rules.length + (admin ? 1 : 0));
  // Last: Netlify serves the last matching block's value of a header.
  return [...rules, ...embeds, ...(admin ? [admin] : [])];
}

/** The `_headers` file: a path line, then its headers indented, blocks apart. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [
      rule.path,
      ...(rule.detach ?? []).map((name) => `  ! ${name}`),
      ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`),
    ].join("\n"),
  );
  return `# Response headers for Netlify and Cloudflare Pages. Written by the build from\n# scripts/site/headers.ts: edit that, not this.\n${blocks.join("\n")}\n`;
}

/** A place in a page that the Content-Security-Policy would block. */
export interface CspViolation {
  readonly element: string;
  readonly problem: string;
  /** The offending value, where it helps find what it came from. */
  readonly value?: string;
}

/** `https://players.brightcove.net/...` is allowed by `frame-src`; other origins are not. */
function allowedOrigin(url: string, sources: readonly string[]): boolean {
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return sources.includes("'self'");
  if (/^data:/i.test(url)) return sources.includes("data:");
  let origin: string;
  try {
    origin = new URL(url, "https://self.invalid").origin;
  } catch {
    return false;
  }
  return sources.some((source) => source !== "'self'" && origin === source.replace(/\/+$/, ""));
}

/** Parser callbacks that note what a page does against the CSP, for a pass shared with other checks. */
export interface CspWatcher {
  readonly violations: CspViolation[];
  onopentag(name: string, attributes: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

/** Starts watching one page's parse for what `directives` would block. */
export function cspWatcher(directives: CspDirectives = CONTENT_SECURITY_POLICY): CspWatcher {
  const violations: CspViolation[] = [];
  let inlineScript: string | undefined;
  const report = (element: string, problem: string, value?: string) =>
    violations.push({ element, problem, ...(value === undefined ? {} : { value }) });
  return {
    violations,
    onopentag(name, attributes) {
      if (name === "style") report(name, "an inline <style> element");
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute === "style") report(name, `a style="${value}" attribute`);
        if (/^on/i.test(attribute)) report(name, `an inline event handler ${attribute}=""`);
      }
      // Only where a browser follows a URL: the same words in text attributes are text.
      for (const { attribute, url } of attributeUrls(name, attributes)) {
        if (isScriptUrl(url)) report(name, `a javascript: URL in ${attribute}`, url);
      }
      if (name === "script") {
        const type = (attributes.type ?? "").trim().toLowerCase();
        if (attributes.src === undefined) {
          if (type !== "application/ld+json") inlineScript = name;
        } else if (!allowedOrigin(attributes.src, directives["script-src"])) {
          report(name, `a script from ${attributes.src}`);
        }
      }
      if (
        name === "link" &&
        (attributes.rel ?? "").toLowerCase().split(/\s+/).includes("stylesheet") &&
        attributes.href !== undefined &&
        !allowedOrigin(attributes.href, directives["style-src"])
      ) {
        report(name, `a stylesheet from ${attributes.href}`);
      }
      for (const attribute of ["src", "srcset"]) {
        const value = attributes[attribute];
        if ((name !== "img" && name !== "source") || value === undefined) continue;
        const urls = attribute === "srcset" ? srcsetUrls(value) : [value];
        for (const url of urls.filter(Boolean)) {
          if (!allowedOrigin(url, directives["img-src"])) report(name, `an image from ${url}`);
        }
      }
      if (
        name === "iframe" &&
        attributes.src !== undefined &&
        !allowedOrigin(attributes.src, directives["frame-src"])
      ) {
        report(name, `a frame from ${attributes.src}`);
      }
      // An embed's facade names the frame its script loads when the reader asks for it.
      const later = attributes["data-embed-src"];
      if (later !== undefined && !allowedOrigin(later, directives["frame-src"])) {
        report(name, `a frame (loaded on request) from ${later}`);
      }
    },
    ontext(text) {
      if (inlineScript && text.trim() !== "") {
        report("script", "an inline script");
        inlineScript = undefined;
      }
    },
    onclosetag(name) {
      if (name === "script") inlineScript = undefined;
    },
  };
}

/**
 * What in a page the policy would block: `<style>` elements, `style=""` and `on...=""`
 * attributes, inline scripts other than JSON-LD data, `javascript:` URLs (in URL attributes
 * only, url-attributes.ts), and scripts,
 * stylesheets, images and frames from origins the policy does not name. Nothing, for a good page.
 */
export function cspViolations(
  html: string,
  directives: CspDirectives = CONTENT_SECURITY_POLICY,
): CspViolation[] {
  const watcher = cspWatcher(directives);
  const parser = new Parser(watcher, { decodeEntities: true });
  parser.end(html);
  return watcher.violations;
}
