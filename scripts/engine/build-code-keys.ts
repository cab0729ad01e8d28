/**
 * The code versions a build's keys carry: each page kind's template with everything rendering
 * pulls in, the article and profile parsers, the search indexer and the image pipeline. A change to any source file
 * a key reaches (or to a package it imports, or to Node) changes that key and nothing else.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Site } from "../content/model.ts";
import { PAGE_TEMPLATES, type PageKind } from "../site/page-specs.ts";
import { parseKeyOf } from "./article-scan.ts";
import { CodeVersions } from "./code-version.ts";
import { keyOf } from "./hashing.ts";

/** Broadsheet's own folder: code versions are computed from its sources and packages. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Modules every page kind depends on besides its own template: rendering, and the plan that
 * builds its spec (keys are made from the same values as specs, but a change to how a spec is
 * built must not be trusted to show in them).
 */
const RENDERING = [
  "scripts/engine/render-pages.ts",
  "scripts/site/render.ts",
  "scripts/engine/page-plan.ts",
];

export interface BuildCodeKeys {
  /** The hashes of Broadsheet's sources, for stages that key on other files (the web UI). */
  readonly code: CodeVersions;
  /** Each page kind's code version. */
  readonly pages: { readonly [kind in PageKind]: string };
  /** The article parser's version with the sections it validates against. */
  readonly parse: string;
  readonly search: string;
  readonly profiles: string;
  /** The image pipeline's: every image's key and file names carry it. */
  readonly media: string;
}

/**
 * The libvips builds sharp runs on (`@img/sharp-libvips-<platform>` packages): sharp's own
 * version is in the code version already, but an encoder library's release can change bytes.
 */
function libvipsBuilds(): string {
  const scope = path.join(REPO_ROOT, "node_modules", "@img");
  let names: string[];
  try {
    names = readdirSync(scope)
      .filter((name) => name.startsWith("sharp-"))
      .sort();
  } catch {
    return "none";
  }
  return names
    .map((name) => {
      try {
        const manifest = JSON.parse(
          readFileSync(path.join(scope, name, "package.json"), "utf8"),
        ) as { version?: string };
        return `${name}@${manifest.version ?? "?"}`;
      } catch {
        return `${name}@?`;
      }
    })
    .join(" ");
}

/**
 * The code version of the image pipeline: every source file `scripts/media/process.ts` reaches
 * (its defaults, planning, encoding, cache), the packages they import (sharp) and libvips' build.
 */
export function mediaCodeVersion(code: CodeVersions): string {
  return keyOf(code.of("scripts/media/process.ts"), libvipsBuilds());
}

/**
 * The code version of the site's icons: `scripts/site/icons.ts` and what it reaches (sharp among
 * the packages), and libvips' build, which draws them.
 */
export function iconCodeVersion(code: CodeVersions): string {
  return keyOf(code.of("scripts/site/icons.ts"), libvipsBuilds());
}

/** Hashes Broadsheet's code once and derives every key's code version from it. */
export function buildCodeKeys(site: Pick<Site, "sections">): BuildCodeKeys {
  const code = new CodeVersions(REPO_ROOT);
  const pages = {} as { [kind in PageKind]: string };
  for (const [kind, template] of Object.entries(PAGE_TEMPLATES) as [PageKind, string][]) {
    pages[kind] = code.ofAll([`layouts/pages/${template}`, ...RENDERING]);
  }
  return {
    code,
    pages,
    parse: parseKeyOf(
      code.ofAll(["scripts/content/load-article.ts", "scripts/content/card.ts"]),
      site,
    ),
    search: code.of("scripts/engine/search-index.ts"),
    profiles: code.of("scripts/content/load-author.ts"),
    media: mediaCodeVersion(code),
  };
}
