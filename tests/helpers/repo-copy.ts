/**
 * A copy of Broadsheet's own code (scripts, layouts, configuration; node_modules linked), for
 * tests that change a layout or upgrade the code and check what the next build does, without
 * touching the repository other tests are running from.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./fixture-site.ts";

export interface RepoCopy {
  /** The copy's root: its commands start through its own launcher (`commandArgs(..., root)`). */
  readonly root: string;
  remove(): void;
}

const COPIED = ["scripts", "layouts", ".eleventy.ts", "package.json", "tsconfig.json", "assets"];

export function copyRepo(): RepoCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-code-"));
  for (const entry of COPIED) {
    cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return {
    root,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
