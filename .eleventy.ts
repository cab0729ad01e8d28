/**
 * Broadsheet's Eleventy configuration: a table of contents. Content is loaded and validated by
 * scripts/content, images are made by scripts/media, pages are TSX components in layouts/;
 * this file only wires them together.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError } from "./scripts/content/issues.ts";
import { contentOptionsFromEnv } from "./scripts/content/options.ts";
import { formatIssues } from "./scripts/content/report.ts";
import { publishImages } from "./scripts/media/index.ts";
import { writeAssets } from "./scripts/site/assets.ts";
import { prepareSite, type SiteData } from "./scripts/site/prepare.ts";
import { renderPage } from "./scripts/site/render.ts";

/** The page templates: one `.11ty.tsx` file per kind of page. */
export const PAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "layouts/pages");

/**
 * Registers Broadsheet on an Eleventy configuration; `load` supplies the validated site and
 * `root` is the folder holding `content/` and `assets/`.
 */
export function configure(
  config: UserConfig,
  load: () => Promise<SiteData>,
  root = process.cwd(),
): void {
  // Eleventy only sees the page templates. Articles are read by scripts/content, never by
  // Eleventy: its front-matter parser would run `---js`, roll impossible dates over, and send
  // Markdown through Liquid.
  config.setInputDirectory(path.relative(process.cwd(), PAGES_DIR) || ".");
  config.setTemplateFormats(["11ty.tsx"]);
  config.addExtension(["11ty.tsx"], { key: "11ty.js", compile: () => renderPage });
  // Relative to the working folder: Eleventy 3.1 re-bases absolute watch targets onto it when
  // the templates live outside it, and would then watch a folder that does not exist.
  config.addWatchTarget(`${path.relative(process.cwd(), path.join(root, "content")) || "."}/`);
  config.addWatchTarget(`${path.relative(process.cwd(), path.join(root, "assets")) || "."}/`);
  config.setDataDeepMerge(false);

  let latest: SiteData | undefined;
  config.addGlobalData("broadsheet", async () => {
    latest = await load();
    return latest;
  });
  // Images and hashed assets are written after the pages, straight into the output folder.
  config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!latest) return;
    await publishImages(latest.mediaResult, directories.output, latest.mediaOptions);
    writeAssets(latest.assets, directories.output);
  });
}

/** `npm start`: the dev server. A bad article is reported in full, and the last good page stays up. */
export default function (config: UserConfig): void {
  config.setQuietMode(true);
  configure(config, async () => {
    try {
      return await prepareSite(contentOptionsFromEnv());
    } catch (error) {
      if (error instanceof ContentError)
        console.error(`\n${formatIssues(error.issues, process.stderr.isTTY === true)}\n`);
      throw error;
    }
  });
}
