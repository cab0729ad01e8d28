/** Standing pages in fixture projects: `content/pages/<slug>/index.md` and files beside it. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A page's front matter and body; `fields` are written in the order given, as YAML lines. */
export function pageSource(
  fields: Record<string, string> = {},
  body = "A paragraph about the newsroom.",
): string {
  const merged = { title: "About us", ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

/** The folder of a fixture's page, made when missing. */
export function pageFolder(root: string, slug: string): string {
  const folder = path.join(root, "content/pages", slug);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Writes `content/pages/<slug>/index.md`; returns the page's folder. */
export function writePage(root: string, slug: string, source: string | Uint8Array): string {
  const folder = pageFolder(root, slug);
  writeFileSync(path.join(folder, "index.md"), source);
  return folder;
}

/** Writes a file beside a page's index.md (a photo); returns its path. */
export function writePageFile(
  root: string,
  slug: string,
  name: string,
  bytes: string | Uint8Array,
): string {
  const file = path.join(pageFolder(root, slug), name);
  writeFileSync(file, bytes);
  return file;
}
