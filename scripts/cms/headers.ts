/**
 * The `_headers` rule for /admin/: its own Content-Security-Policy, as strict as Sveltia CMS
 * allows, and `noindex`. Public pages keep the site's policy (scripts/site/headers.ts).
 *
 * What the CMS needs beyond the public pages, found by running it in Chromium under the policy
 * (tests/cms/admin-browser.test.ts fails on any violation):
 * - `style-src 'unsafe-inline'`: Svelte sets `style` attributes and the CMS injects `<style>`;
 * - `connect-src` the git host's API, after the editor signs in (nothing else leaves the site);
 * - `img-src blob:` for photos read from the repository or the editor's disk before saving;
 * - `worker-src 'self' blob:` and `'wasm-unsafe-eval'` for its image decoders.
 * No `'unsafe-eval'`: the CMS never compiles code from strings.
 */
import type { Site } from "../content/model.ts";
import { CACHE_CONTROL, type HeaderRule } from "../site/headers.ts";
import { href } from "../site/urls.ts";
import { apiRoot, type CmsSettings } from "./settings.ts";

/** The policy for /admin/; `settings` names the git host the editor may talk to. */
export function adminContentSecurityPolicy(
  settings: CmsSettings | undefined,
): Readonly<Record<string, readonly string[]>> {
  const gitHost = settings ? [new URL(apiRoot(settings)).origin] : [];
  return {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "frame-src": ["'self'", "blob:"],
    // data: and blob: are no network: the CMS fetches its own icons and the photos being added.
    "connect-src": ["'self'", "data:", "blob:", ...gitHost],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "frame-ancestors": ["'none'"],
    "upgrade-insecure-requests": [],
  };
}

/** The headers every /admin/ response gets. */
export function adminHeaders(settings: CmsSettings | undefined): Readonly<Record<string, string>> {
  return {
    "Content-Security-Policy": serializePolicy(adminContentSecurityPolicy(settings)),
    "X-Robots-Tag": "noindex, nofollow",
    // Signing in opens the git host in a window that reports back to this one.
    "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
    "Cache-Control": CACHE_CONTROL.revalidate,
  };
}

/**
 * The `/admin/*` block of `_headers`, or none when the site has no CMS. It must come after the
 * site-wide `/*` block: Netlify then serves this block's value of a header set by both.
 */
export function adminHeaderRule(site: Pick<Site, "pathPrefix" | "cms">): HeaderRule | undefined {
  if (!site.cms) return undefined;
  return {
    path: href(site, "/admin/*"),
    // The site-wide policy and opener policy are replaced here, not added to.
    detach: ["Content-Security-Policy", "Cross-Origin-Opener-Policy"],
    headers: adminHeaders(site.cms),
  };
}

/** `default-src 'self'; ...`; directives without sources are written alone. */
export function serializePolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}
