import { headerRules, headersFile } from "../../scripts/site/headers.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";

/** /_headers: security and caching headers for Netlify and Cloudflare Pages. */
export const data = { permalink: "/_headers" };

export function render({ broadsheet }: { readonly broadsheet: SiteData }): string {
  return headersFile(headerRules(broadsheet.site));
}
