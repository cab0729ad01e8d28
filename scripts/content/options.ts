import { DateTime } from "luxon";
import { parseOffsetDate } from "./dates.ts";
import { hostAddress } from "./host-address.ts";

/** What a build includes, and for which moment: read once from the environment. */
export interface ContentOptions {
  /** The project root: `content/` and `assets/` live under it. */
  readonly root: string;
  /** The build's "now": embargoes and the News sitemap's two-day window are measured from it. */
  readonly now: DateTime;
  /** Show `draft: true` articles (the dev server does). */
  readonly includeDrafts: boolean;
  /** Show articles dated in the future (embargoed) instead of holding them back. */
  readonly includeFuture: boolean;
  /** `SITE_URL`, or the host's own address (host-address.ts): overrides the configured one. */
  readonly siteUrl?: string;
  /** The variable `siteUrl` came from, as messages name it (`SITE_URL`, `URL (Netlify)`...). */
  readonly siteUrlFrom?: string;
  /** `PATH_PREFIX`: the folder the site is served from. */
  readonly pathPrefix?: string;
  /** `IMAGE_CDN`: overrides `images.cdn` (none, netlify, cloudflare or imgix). */
  readonly imageCdn?: string;
}

/**
 * Reads the build's options from the environment.
 *
 * - `BROADSHEET_NOW`: a fixed "now" (ISO 8601 with offset) for reproducible builds.
 * - `BROADSHEET_FUTURE=1`: include embargoed (future-dated) articles.
 * - `BROADSHEET_DRAFTS=1`: include drafts; on by default in the dev server (`npm start`).
 * - `SITE_URL`, `PATH_PREFIX`: deployment address and folder; without `SITE_URL`, the host's
 *   own address (Netlify's `URL` or `DEPLOY_PRIME_URL`, Cloudflare Pages' `CF_PAGES_URL`).
 * - `IMAGE_CDN`: the image CDN, overriding `images.cdn`.
 */
export function contentOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  root: string = process.cwd(),
): ContentOptions {
  const serving = env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch";
  const address = hostAddress(env);
  return {
    root,
    now: parseNow(env.BROADSHEET_NOW),
    includeDrafts: flag(env.BROADSHEET_DRAFTS) ?? serving,
    includeFuture: flag(env.BROADSHEET_FUTURE) ?? false,
    ...(address ? { siteUrl: address.url, siteUrlFrom: address.from } : {}),
    ...(env.PATH_PREFIX ? { pathPrefix: env.PATH_PREFIX } : {}),
    ...(env.IMAGE_CDN ? { imageCdn: env.IMAGE_CDN } : {}),
  };
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

function parseNow(value: string | undefined): DateTime {
  if (!value) return DateTime.now();
  const parsed = parseOffsetDate(value);
  if (!parsed.ok) {
    throw new Error(`BROADSHEET_NOW: ${parsed.message} Write it like 2019-06-23T12:00:00+08:00.`);
  }
  return parsed.value;
}

/**
 * Why a story or live update is held back at `nowMs`, or undefined when it is published: a draft
 * unless drafts are asked for, then anything dated after now unless the future is. One rule for
 * articles, live updates and the picks that wait for them.
 */
export function heldReason(
  item: { readonly draft: boolean; readonly atMs: number },
  nowMs: number,
  options: Pick<ContentOptions, "includeDrafts" | "includeFuture">,
): "draft" | "embargoed" | undefined {
  if (item.draft && !options.includeDrafts) return "draft";
  if (item.atMs > nowMs && !options.includeFuture) return "embargoed";
  return undefined;
}
