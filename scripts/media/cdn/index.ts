/**
 * The image CDNs' URL grammars behind one pair of functions: the URL of a rendition, and what
 * a URL asks for (to check a built page: a valid URL names a master the site publishes).
 */
import type { CdnRendition, ImageCdn } from "../types.ts";
import { cloudflareUrl, parseCloudflareUrl } from "./cloudflare.ts";
import { imgixUrl, parseImgixUrl } from "./imgix.ts";
import { netlifyUrl, parseNetlifyUrl } from "./netlify.ts";
import type { RenditionQuery } from "./shared.ts";

export type { RenditionQuery } from "./shared.ts";

/** The URL of `rendition`; its master is served at `masterPath` (path prefix included). */
export function renditionUrl(rendition: CdnRendition, masterPath: string): string {
  const { cdn } = rendition;
  switch (cdn.provider) {
    case "netlify":
      return netlifyUrl(rendition, masterPath);
    case "cloudflare":
      return cloudflareUrl(rendition, masterPath);
    case "imgix":
      return imgixUrl(rendition, masterPath, cdn.domain);
  }
}

/** What `url` asks of `cdn`, or undefined when it is not a URL of that CDN's grammar. */
export function parseRenditionUrl(cdn: ImageCdn, url: string): RenditionQuery | undefined {
  switch (cdn.provider) {
    case "netlify":
      return parseNetlifyUrl(url);
    case "cloudflare":
      return parseCloudflareUrl(url);
    case "imgix":
      return parseImgixUrl(url, cdn.domain);
  }
}

/** Whether `url` is written for `cdn` at all (well formed or not): its endpoint or domain. */
export function looksLikeCdnUrl(cdn: ImageCdn, url: string): boolean {
  switch (cdn.provider) {
    case "netlify":
      return url.startsWith("/.netlify/images");
    case "cloudflare":
      return url.startsWith("/cdn-cgi/image/");
    case "imgix":
      return url.startsWith(`https://${cdn.domain}/`);
  }
}
