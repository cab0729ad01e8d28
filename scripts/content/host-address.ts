/**
 * The site's address from the host the build runs on (CONTENT.md, "The site"): `SITE_URL` when
 * set, else what the host says its own address is, so canonical links, feeds and sitemaps carry
 * the live address without anyone copying it into a setting. And the rule that keeps the
 * example configuration's address off a live site: a build on CI or a host fails on it, a
 * build on an editor's machine warns.
 */

/** An address and the environment variable it came from, as messages name it. */
export interface HostAddress {
  readonly url: string;
  /** `SITE_URL`, `URL (Netlify)`, `DEPLOY_PRIME_URL (Netlify)`, `CF_PAGES_URL (Cloudflare Pages)`. */
  readonly from: string;
}

/** True for a variable set to anything but an empty string, 0 or false. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && !["0", "false"].includes(value.toLowerCase());
}

/**
 * The site's address from the environment, or undefined when nothing names one (the configured
 * `url` is then used):
 *
 * - `SITE_URL`, always first: what the site's owner set;
 * - on Netlify (`NETLIFY`), `URL` (the site's main address) for the production context, and
 *   `DEPLOY_PRIME_URL` (the preview's or branch's own address) for any other `CONTEXT`;
 * - on Cloudflare Pages (`CF_PAGES`), `CF_PAGES_URL`, the deployment's own `*.pages.dev`
 *   address: set `SITE_URL` for production on your own domain.
 *
 * GitHub Pages has no such variable at build time: the workflow passes what
 * `actions/configure-pages` reports as `SITE_URL` and `PATH_PREFIX`.
 */
export function hostAddress(env: NodeJS.ProcessEnv): HostAddress | undefined {
  if (env.SITE_URL) return { url: env.SITE_URL, from: "SITE_URL" };
  if (isSet(env.NETLIFY)) {
    const production = (env.CONTEXT ?? "production") === "production";
    if (production && env.URL) return { url: env.URL, from: "URL (Netlify)" };
    if (env.DEPLOY_PRIME_URL) {
      return { url: env.DEPLOY_PRIME_URL, from: "DEPLOY_PRIME_URL (Netlify)" };
    }
    if (env.URL) return { url: env.URL, from: "URL (Netlify)" };
  }
  if (isSet(env.CF_PAGES) && env.CF_PAGES_URL) {
    return { url: env.CF_PAGES_URL, from: "CF_PAGES_URL (Cloudflare Pages)" };
  }
  return undefined;
}

/**
 * The variables that mark a build for deployment (a CI service or a host's build), in the order
 * they are named; the first one set is the one a message names.
 */
export const DEPLOY_MARKERS = ["NETLIFY", "CF_PAGES", "GITHUB_ACTIONS", "CI"] as const;

/**
 * The variable that makes this a build for deployment, or undefined on an editor's machine.
 *
 * Builds run by Node's test runner are not deployments: the runner marks every process it starts
 * with `NODE_TEST_CONTEXT`, which the fixture builds of the test suite inherit. That keeps
 * `CI=true npm test` building its fixtures at the example address, while a real deploy (never
 * run inside `node --test`) still fails on it.
 */
export function deployMarker(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_TEST_CONTEXT) return undefined;
  return DEPLOY_MARKERS.find((name) => isSet(env[name]));
}

/**
 * Whether an origin is an example's: the `.example` top-level domain is reserved (RFC 2606) and
 * never resolves, so a site published with it has canonical links, feeds and sitemaps that lead
 * nowhere. The shipped configuration's `https://www.broadsheet.example` is one.
 */
export function isExampleOrigin(origin: string): boolean {
  const host = URL.canParse(origin) ? new URL(origin).hostname.toLowerCase() : "";
  return host === "example" || host.endsWith(".example");
}

/** What the example address means for this build: nothing, a warning, or an error. */
export type AddressVerdict =
  | { readonly kind: "ok" }
  | { readonly kind: "warning"; readonly message: string }
  | { readonly kind: "error"; readonly message: string; readonly fix: string };

/** Checks the address a build would publish (`origin`, after every override). */
export function checkPublishedAddress(origin: string, env: NodeJS.ProcessEnv): AddressVerdict {
  if (!isExampleOrigin(origin)) return { kind: "ok" };
  const marker = deployMarker(env);
  const from = hostAddress(env)?.from ?? "url in content/_data/site.yaml";
  if (marker === undefined) {
    return {
      kind: "warning",
      message: `Warning: the site's address is still the example's, ${origin} (from ${from}): fine for a preview on this machine, but links in feeds, sitemaps and shared cards would lead nowhere. Set SITE_URL (or url in content/_data/site.yaml) to the live address before deploying.`,
    };
  }
  return {
    kind: "error",
    message: `This build runs on a CI service or host (${marker} is set) and would publish the example address ${origin} (from ${from}) in every canonical link, feed and sitemap.`,
    fix: "Set SITE_URL to the site's live address (e.g. SITE_URL=https://news.example.com) in the host's or CI's environment variables, or write it as url in content/_data/site.yaml.",
  };
}
