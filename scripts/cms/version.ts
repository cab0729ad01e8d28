/**
 * What the editors' web UI is made from, without loading the bundler: the build checks these on
 * every run to know whether /admin/ must be made again.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The browser entry point: registers the preview style and starts the CMS. */
export const ENTRY = fileURLToPath(new URL("../../assets/admin/cms.js", import.meta.url));

/** The installed package's folder. */
export const PACKAGE_DIR = path.dirname(
  path.dirname(fileURLToPath(import.meta.resolve("@sveltia/cms"))),
);

/** The installed package's version: part of what the bundle depends on. */
export const CMS_VERSION = (
  JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string }
).version;
