/**
 * Broadsheet's Eleventy configuration: a table of contents. Content is loaded and validated by
 * scripts/content, images are made by scripts/media, the page plan and its keys live in
 * scripts/engine; Eleventy renders the pages of one batch (those whose inputs changed) from the
 * templates in layouts/pages/, one per kind of page, each a thin wrapper round a TSX layout.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { renderPage } from "./scripts/site/render.ts";
import type { RenderBatch } from "./scripts/site/render-batch.ts";

/** The page templates: one `.11ty.tsx` file per kind of page. */
export const PAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "layouts/pages");

/**
 * The format Eleventy is given the templates in: a name no file has, so Eleventy finds no file
 * to import itself (see {@link configure}).
 */
const LOADED_TEMPLATE = "11ty.loaded";

/** A page template's module: Eleventy's `data` and `render` exports. */
export type TemplateModule = Readonly<Record<string, unknown>>;

/**
 * Registers Broadsheet's templates on an Eleventy configuration, to render `batch`.
 * `templates` are the modules of the batch's page templates by file name, already loaded
 * (scripts/engine/render-pages.ts): Eleventy takes them as virtual templates instead of
 * importing the `.tsx` files, so the same configuration runs compiled code (scripts/run.mjs)
 * or the sources through tsx.
 */
export function configure(
  config: UserConfig,
  batch: RenderBatch,
  templates: ReadonlyMap<string, TemplateModule>,
): void {
  // Eleventy only sees the page templates. Articles are read by scripts/content, never by
  // Eleventy: its front-matter parser would run `---js`, roll impossible dates over, and send
  // Markdown through Liquid.
  config.setInputDirectory(path.relative(process.cwd(), PAGES_DIR) || ".");
  config.setTemplateFormats([LOADED_TEMPLATE]);
  config.addExtension([LOADED_TEMPLATE], { key: "11ty.js", compile: () => renderPage });
  for (const [file, module] of templates) {
    // A fresh object per run: Eleventy adds `page` and `eleventy` to a template's instance.
    config.addTemplate(file.replace(/\.tsx$/, `.${LOADED_TEMPLATE}`), { ...module });
  }
  config.setDataDeepMerge(false);
  config.addGlobalData("broadsheet", batch);
}

/**
 * Eleventy's own command line has nothing to render here: pages come in batches from the build,
 * which knows which pages changed. Use `npm run build` or `npm start`.
 */
export default function (): void {
  throw new Error(
    "Broadsheet renders through its build: run `npm run build`, or `npm start` for the dev server.",
  );
}
