import type { Site } from "../../content/model.ts";
import { publicUrl } from "../feeds/links.ts";
import { NEWS_SITEMAP_PATH } from "./news.ts";
import { SITEMAP_PATH } from "./sitemap.ts";

/**
 * `/robots.txt`: every crawler may fetch everything; both sitemaps are named by absolute URL.
 * Crawlers read robots.txt only at the root of a host: a site served under a `PATH_PREFIX`
 * still gets the file, for the host's owner to merge into theirs.
 */
export function robotsTxt(site: Pick<Site, "origin" | "pathPrefix">): string {
  return [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${publicUrl(site, SITEMAP_PATH)}`,
    `Sitemap: ${publicUrl(site, NEWS_SITEMAP_PATH)}`,
    "",
  ].join("\n");
}
