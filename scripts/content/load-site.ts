import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolveImageCdn } from "./image-settings.ts";
import type { Checked, ContentIssue } from "./issues.ts";
import type { Site } from "./model.ts";
import type { ContentOptions } from "./options.ts";
import { validateYaml } from "./parse-front-matter.ts";
import {
  isSiteUrl,
  SITE_FIELDS,
  type SiteConfig,
  siteConfigSchema,
  siteFieldFix,
} from "./site-schema.ts";
import { decodeUtf8, isIssue } from "./source-file.ts";
import { timeZoneFix } from "./value-fixes.ts";

/** Where the site configuration lives, relative to the project root. */
export const SITE_CONFIG_PATH = "content/_data/site.yaml";
/** Where site images (the logo) live, relative to the project root. */
export const SITE_IMAGES_PATH = "assets/images";

const EMPTY_FIX =
  'Write the site configuration (name, url, language, timeZone, sections, brightcove, logo, promotion); see "The site" in docs/content-reference.md.';

/** Reads and validates the site configuration, then applies `SITE_URL` and `PATH_PREFIX`. */
export function loadSite(options: ContentOptions): Checked<Site> {
  const file = SITE_CONFIG_PATH;
  const absolute = path.join(options.root, file);
  if (!existsSync(absolute)) {
    return fail({
      file,
      message: "The site configuration is missing.",
      fix: `Create ${file}; see "The site" in docs/content-reference.md.`,
    });
  }
  const bytes = readFileSync(absolute);
  const decoded = decodeUtf8(bytes, file);
  // decodeUtf8's advice for an empty file is about articles' front matter.
  if (isIssue(decoded)) return fail(bytes.length === 0 ? { ...decoded, fix: EMPTY_FIX } : decoded);
  const checked = validateYaml<SiteConfig>(
    decoded.text.replace(/^\uFEFF/, ""),
    file,
    1,
    siteConfigSchema,
    {
      fields: SITE_FIELDS,
      fix: (field, value) =>
        (field === "timeZone" ? timeZoneFix(value) : undefined) ?? siteFieldFix(field),
    },
  );
  if (!checked.ok) return checked;
  const config = checked.value.value;
  const issues: ContentIssue[] = [];
  if (!existsSync(path.join(options.root, SITE_IMAGES_PATH, config.logo.src))) {
    const position = checked.value.yaml.locate(["logo", "src"]);
    issues.push({
      file,
      ...(position ? { line: position.line, column: position.column } : {}),
      field: "logo.src",
      message: `logo.src names ${SITE_IMAGES_PATH}/${config.logo.src}, which does not exist.`,
      fix: `Put the logo file in ${SITE_IMAGES_PATH}/ or correct the name.`,
    });
  }
  const address = resolveAddress(config.url, options, issues);
  const images = resolveImageCdn(config.images, options.imageCdn, file, (at) =>
    checked.value.yaml.locate(at),
  );
  if ("issue" in images) issues.push(images.issue);
  if (issues.length > 0 || !address || "issue" in images) return { ok: false, issues };
  return {
    ok: true,
    value: {
      name: config.name,
      origin: address.origin,
      pathPrefix: address.pathPrefix,
      language: config.language,
      timeZone: config.timeZone,
      sections: config.sections,
      brightcove: config.brightcove,
      logo: config.logo,
      promotion: config.promotion.url
        ? { text: config.promotion.text, url: config.promotion.url }
        : { text: config.promotion.text },
      ...(config.cms ? { cms: config.cms } : {}),
      ...(images.cdn ? { imageCdn: images.cdn } : {}),
    },
  };
}

/**
 * The live origin and the folder the site is served from. `SITE_URL` replaces the configured
 * address; `PATH_PREFIX` (or else the path of that address) sets the folder.
 */
function resolveAddress(
  configured: string,
  options: ContentOptions,
  issues: ContentIssue[],
): { origin: string; pathPrefix: string } | undefined {
  if (options.siteUrl !== undefined && !isSiteUrl(options.siteUrl)) {
    // The address may be the host's own (Netlify's URL...): name the variable it came from.
    const from = options.siteUrlFrom ?? "SITE_URL";
    const name = from.split(" ")[0] ?? from;
    issues.push({
      file: from.endsWith(")")
        ? from.replace(/\)$/, ", environment variable)")
        : `${from} (environment variable)`,
      field: name,
      message: `${name} "${options.siteUrl}" is not an absolute http or https address.`,
      fix:
        name === "SITE_URL"
          ? "Set it like SITE_URL=https://news.example.com, or unset it to use the configured url."
          : "Set SITE_URL to the site's address, like SITE_URL=https://news.example.com: it is read before the host's own.",
    });
    return undefined;
  }
  const url = new URL(options.siteUrl ?? configured);
  const prefix = normalisePathPrefix(options.pathPrefix ?? url.pathname);
  if (prefix === undefined) {
    issues.push({
      file: "PATH_PREFIX (environment variable)",
      field: "PATH_PREFIX",
      message: `PATH_PREFIX "${options.pathPrefix}" is not a folder path.`,
      fix: "Set it like PATH_PREFIX=/news/ (letters, digits, - _ . ~ and slashes, no ..).",
    });
    return undefined;
  }
  return { origin: url.origin, pathPrefix: prefix };
}

/** `news`, `/news`, `/news/` all become `/news/`; anything that could leave the site is refused. */
export function normalisePathPrefix(value: string): string | undefined {
  const segments = value.split("/").filter(Boolean);
  if (
    segments.some(
      (segment) => segment === "." || segment === ".." || !/^[A-Za-z0-9._~-]+$/.test(segment),
    )
  ) {
    return undefined;
  }
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

function fail(issue: ContentIssue): Checked<Site> {
  return { ok: false, issues: [issue] };
}
