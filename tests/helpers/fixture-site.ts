/**
 * Builds throwaway Broadsheet projects for tests: a site configuration, the logo, the assets,
 * and whatever articles a test writes, in a temporary folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's own root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The seed article's folder name. */
export const SEED_SLUG = "north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says";

export interface FixtureSite {
  readonly root: string;
  /** Writes `content/articles/<slug>/index.md` (text or raw bytes); returns its folder. */
  article(slug: string, source: string | Uint8Array): string;
  /** Writes a file beside an article's index.md. */
  file(slug: string, name: string, bytes: string | Uint8Array): string;
  /** Replaces the site configuration. */
  siteConfig(yaml: string): void;
  /** Copies the shipped seed article (with its stand-in media) into the fixture. */
  withSeed(): void;
  remove(): void;
}

/** A valid article's front matter and body, for tests that change one thing about it. */
export function articleSource(
  fields: Record<string, string> = {},
  body = "A paragraph of news.",
): string {
  const defaults: Record<string, string> = {
    title: '"A headline"',
    date: "2024-03-01T09:30:00+08:00",
    section: "asia",
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

/** Creates a fixture project with the repository's site configuration and assets. */
export function createFixtureSite(options: { seed?: boolean } = {}): FixtureSite {
  const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-fixture-"));
  mkdirSync(path.join(root, "content/articles"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "content/_data"), path.join(root, "content/_data"), {
    recursive: true,
  });
  cpSync(path.join(REPO_ROOT, "assets"), path.join(root, "assets"), { recursive: true });
  const site: FixtureSite = {
    root,
    article(slug, source) {
      const folder = path.join(root, "content/articles", slug);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "index.md"), source);
      return folder;
    },
    file(slug, name, bytes) {
      const folder = path.join(root, "content/articles", slug);
      mkdirSync(folder, { recursive: true });
      const target = path.join(folder, name);
      writeFileSync(target, bytes);
      return target;
    },
    siteConfig(yaml) {
      writeFileSync(path.join(root, "content/_data/site.yaml"), yaml);
    },
    withSeed() {
      cpSync(
        path.join(REPO_ROOT, "content/articles", SEED_SLUG),
        path.join(root, "content/articles", SEED_SLUG),
        {
          recursive: true,
        },
      );
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  if (options.seed) site.withSeed();
  return site;
}
