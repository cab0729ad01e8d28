/**
 * Comparing built sites: every file with the hash of its bytes (and its modification time), so
 * an incremental build can be checked against a cold build of the same content, file by file.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/site/check-output.ts";

export interface SiteFile {
  readonly hash: string;
  readonly mtimeMs: number;
}

/** Every file of `<root>/_site` by path. */
export function snapshot(root: string, folder = "_site"): Map<string, SiteFile> {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return new Map();
  return new Map(
    listFiles(dir)
      .sort()
      .map((file) => {
        const full = path.join(dir, file);
        const hash = createHash("sha256").update(readFileSync(full)).digest("hex");
        return [file, { hash, mtimeMs: statSync(full).mtimeMs }];
      }),
  );
}

/** What differs between two snapshots' bytes: files only in one, and files with other bytes. */
export function differences(
  actual: ReadonlyMap<string, SiteFile>,
  expected: ReadonlyMap<string, SiteFile>,
): string[] {
  const problems: string[] = [];
  for (const [file, { hash }] of expected) {
    const found = actual.get(file);
    if (!found) problems.push(`missing: ${file}`);
    else if (found.hash !== hash) problems.push(`different: ${file}`);
  }
  for (const file of actual.keys()) if (!expected.has(file)) problems.push(`extra: ${file}`);
  return problems;
}

/** Copies a project's content and assets (nothing it built or cached) into `to`, fresh. */
export function copyProject(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const folder of ["content", "assets"]) {
    cpSync(path.join(from, folder), path.join(to, folder), { recursive: true });
  }
}
