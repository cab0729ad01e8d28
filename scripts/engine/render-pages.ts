/**
 * Rendering specs into pages, in one process: the specs of a batch go to a fresh Eleventy run,
 * each result is stored by its hash and checked (one `<h1>`, title, lang, the CSP, every internal
 * link). Used directly for small renders and by each render worker for large ones, so a page's
 * bytes never depend on which process made it.
 */
import path from "node:path";
import { configure, PAGES_DIR, type TemplateModule } from "../../.eleventy.ts";
import type { ArticleRecord } from "../content/card.ts";
import type { ContentIssue } from "../content/issues.ts";
import { pageIssues } from "../site/check-output.ts";
import { pagePolicy } from "../site/embed-headers.ts";
import type { PageContext } from "../site/page-context.ts";
import {
  outputFile,
  PAGE_TEMPLATES,
  type PageKind,
  type PageSpec,
  pageEmbeds,
} from "../site/page-specs.ts";
import { emptySpecs, type RenderBatch, recordsNeeded } from "../site/render-batch.ts";
import { writeStoreFile } from "./checked-file.ts";
import { type PackRef, PackStore, refKey } from "./pack-store.ts";
import { RecordStore } from "./record-store.ts";

/** Everything a renderer needs besides the specs: plain data, sent once to each worker. */
export interface RenderSetup {
  readonly root: string;
  readonly context: PageContext;
  readonly recordsDir: string;
  readonly pagesDir: string;
  /** Where Eleventy is pointed (it writes nothing there: results are taken in memory). */
  readonly scratchDir: string;
  /** The staging folder: each rendered page is also written there, ready to publish. */
  readonly stagingDir: string;
  /** Every file the finished site will hold, for checking links. */
  readonly files: readonly string[];
}

/** A rendered page: its output file, where its bytes are kept, and what is wrong with it. */
export interface RenderedPage {
  readonly file: string;
  readonly ref: PackRef;
  readonly issues: readonly ContentIssue[];
}

/**
 * Eleventy, loaded on the first render: a build where no page changed never needs it. The dev
 * server loads it while it waits, so the first edit does not.
 */
export async function preloadRenderer() {
  // Eleventy registers a module resolver at import to re-import config and templates edited
  // while its own watcher runs. Broadsheet hands it template modules it imported itself and
  // runs each batch in a fresh Eleventy, so the resolver has nothing to do; on Node 20 it puts
  // a loader thread in front of every later import (about 0.1 s of each build that renders).
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "true";
  return (await import("@11ty/eleventy")).default;
}

/**
 * The page templates of `kinds`, by file name. Each is imported when a batch first has its kind
 * (a kind with no pages renders nothing, so its template is not needed). The specifier is a
 * template string: esbuild bundles every file of layouts/pages/ as a chunk of its own when
 * compiling (scripts/launch/compile.mjs), tsx compiles the one asked for, and the code-version
 * scanner does not count every template as code of every page kind (each kind's key names its
 * own template: build-code-keys.ts).
 */
async function loadTemplates(kinds: readonly PageKind[]): Promise<Map<string, TemplateModule>> {
  const templates = new Map<string, TemplateModule>();
  for (const kind of kinds) {
    const file = PAGE_TEMPLATES[kind];
    templates.set(file, (await import(`../../layouts/pages/${file}`)) as TemplateModule);
  }
  return templates;
}

/** Renders specs in this process. */
export class PageRenderer {
  readonly #setup: RenderSetup;
  readonly #records: RecordStore;
  readonly #pages: PackStore;
  readonly #files: ReadonlySet<string>;

  constructor(setup: RenderSetup) {
    this.#setup = setup;
    this.#records = new RecordStore(setup.recordsDir);
    this.#pages = new PackStore(setup.pagesDir);
    this.#files = new Set(setup.files);
  }

  /** Renders one batch. */
  async render(specs: readonly PageSpec[]): Promise<RenderedPage[]> {
    const { root, context, scratchDir } = this.#setup;
    const records = new Map<string, ArticleRecord>();
    const pages = emptySpecs();
    const byUrl = new Map<string, PageSpec>();
    for (const spec of specs) {
      for (const { ref, sourcePath } of recordsNeeded(spec)) {
        const key = refKey(ref);
        if (records.has(key)) continue;
        records.set(key, this.#records.load(ref, root, context.site, sourcePath));
      }
      (pages[spec.kind] as PageSpec[]).push(spec);
      byUrl.set(spec.path, spec);
    }
    const batch: RenderBatch = { context, root, pages, records };
    const kinds = (Object.keys(pages) as PageKind[]).filter((kind) => pages[kind].length > 0);
    const templates = await loadTemplates(kinds);
    const Eleventy = await preloadRenderer();
    const eleventy = new Eleventy(path.relative(process.cwd(), PAGES_DIR) || ".", scratchDir, {
      quietMode: true,
      config: (config: Parameters<typeof configure>[0]) => configure(config, batch, templates),
    });
    // Eleventy's JSDoc types toJSON() loosely; it resolves to one entry per page rendered.
    const results = (await eleventy.toJSON()) as unknown as {
      url: string;
      outputPath: string | false;
      content: string;
    }[];
    const inside = `${path.resolve(scratchDir)}${path.sep}`;
    const rendered: RenderedPage[] = [];
    for (const result of results) {
      const spec = byUrl.get(result.url);
      if (!spec || typeof result.outputPath !== "string") {
        throw new Error(`render: Eleventy made ${result.url}, which no spec asked for`);
      }
      if (!path.resolve(result.outputPath).startsWith(inside)) {
        throw new Error(`render: ${result.url} would be written outside the output folder`);
      }
      const file = outputFile(spec.path);
      const bytes = Buffer.from(result.content);
      const ref = this.#pages.append(bytes);
      writeStoreFile(path.join(this.#setup.stagingDir, file), bytes);
      const issues = file.endsWith(".html")
        ? pageIssues(
            file,
            result.content,
            this.#files,
            context.site.pathPrefix,
            context.site.imageCdn,
            pagePolicy(pageEmbeds(spec), context.site),
            // A problem on an article's page is reported at the article it shows.
            spec.kind === "article" || spec.kind === "live" ? spec.card : undefined,
          )
        : [];
      rendered.push({ file, ref, issues });
      byUrl.delete(result.url);
    }
    if (byUrl.size > 0) {
      throw new Error(
        `render: Eleventy did not render ${[...byUrl.keys()].slice(0, 5).join(", ")}`,
      );
    }
    return rendered;
  }
}
