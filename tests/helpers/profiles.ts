/** Author profiles in fixture projects: `content/authors/<slug>.yaml` and files beside it. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The folder of a fixture's profiles, made when missing. */
export function authorsFolder(root: string): string {
  const folder = path.join(root, "content/authors");
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Writes `content/authors/<slug>.yaml`; returns its path. */
export function writeProfile(root: string, slug: string, yaml: string): string {
  const file = path.join(authorsFolder(root), `${slug}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

/** Writes a file beside the profiles (a photo); returns its path. */
export function writeAuthorFile(root: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(authorsFolder(root), name);
  writeFileSync(file, bytes);
  return file;
}
