import { DomUtils, parseDocument } from "htmlparser2";
import type { Site } from "../../content/model.ts";
import { absoluteUrl } from "../urls.ts";

/**
 * The absolute, URL-escaped address of a site path, honouring `SITE_URL` and `PATH_PREFIX`:
 * non-Latin topic slugs come out percent-encoded, as sitemaps require.
 */
export function publicUrl(site: Pick<Site, "origin" | "pathPrefix">, path: string): string {
  return new URL(absoluteUrl(site, path)).href;
}

/** Attributes that hold a URL in the HTML an article body can contain. */
const URL_ATTRIBUTES = ["href", "src"] as const;

/** A URL that names its scheme (`https:`, `mailto:`) needs no base. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Rewrites relative links and image sources in an article body to absolute URLs, resolved
 * against the article's own address as a browser on the article page would: a feed reader shows
 * the body away from the site, where `/asia/other-story/` leads nowhere.
 * A body without relative URLs is returned unchanged, byte for byte.
 */
export function absoluteLinks(html: string, baseUrl: string): string {
  const document = parseDocument(html);
  const relative = DomUtils.findAll(
    (element) =>
      URL_ATTRIBUTES.some((name) => {
        const value = element.attribs[name];
        return value !== undefined && !HAS_SCHEME.test(value.trim());
      }),
    document.children,
  );
  if (relative.length === 0) return html;
  for (const element of relative) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.attribs[name];
      if (value === undefined || HAS_SCHEME.test(value.trim())) continue;
      try {
        element.attribs[name] = new URL(value.trim(), baseUrl).href;
      } catch {
        // An address even a browser could not resolve stays as the editor wrote it.
      }
    }
  }
  return DomUtils.getOuterHTML(document.children, { encodeEntities: "utf8" });
}
