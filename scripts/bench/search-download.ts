/**
 * What the search page downloads before its first result, on a slow phone, for a given way of
 * cutting the index into parts (`node --import tsx scripts/bench/search-download.ts`).
 *
 * A reader's cost of a part does not depend on which stories it holds but on how many: for every
 * part the page fetches its `pagefind-entry.json` and its `pf_meta` (about 7 bytes a story), and
 * for every word searched the part's index chunk holding that word (about 25 to 36 KB, whatever
 * the part's size). So each layout is measured as `parts` folders cut from three distinct
 * Pagefind indexes of `size` generated stories, served with Pagefind's own files, and the
 * search page's own script (assets/js/search.js) run in Chromium, every file (Pagefind's worker's
 * too) served over one simulated slow 4G link (150 ms, 1.6 Mbit/s, as Lighthouse's mobile run)
 * and counted by the server up to the moment the first result is on the page.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as pagefind from "pagefind";
import { browserPath, launchBrowser } from "../cli/browser.ts";
import { generateArticle } from "./generate.ts";

/** One way of cutting an archive: `parts` parts of `size` stories. */
export interface Layout {
  readonly name: string;
  readonly parts: number;
  readonly size: number;
}

/** What the page fetched before the first result appeared. */
export interface Download {
  readonly layout: string;
  readonly query: string;
  readonly ms: number;
  /** Requests and bytes on the wire by kind: entry, meta, index, fragment, library. */
  readonly byKind: Record<string, { requests: number; bytes: number }>;
}

const GENERATE = { seed: 7, sections: ["world", "business", "sport", "opinion"], photoCount: 5 };
const DISTINCT = 3;

async function indexOf(size: number, variant: number, out: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error("Pagefind could not start");
  await Promise.all(
    Array.from({ length: size }, (_, n) => {
      const article = generateArticle(variant * 1_000_000 + n, GENERATE);
      const content = [article.body, article.description ?? "", article.title].join("\n\n");
      return index.addCustomRecord({
        url: `/${article.slug}/`,
        content,
        language: "en",
        meta: { title: article.title, section: article.section, date: article.date },
      });
    }),
  );
  await index.writeFiles({ outputPath: out });
  await index.deleteIndex();
}

function kindOf(url: string): string {
  if (url.endsWith("pagefind-entry.json") || url.includes("pagefind-entry.json?")) return "entry";
  if (url.endsWith(".pf_meta")) return "meta";
  if (url.endsWith(".pf_index")) return "index";
  if (url.endsWith(".pf_fragment")) return "fragment";
  if (url.includes("/pagefind/")) return "library";
  return "page";
}

function searchPage(name: string, parts: number): string {
  const ids = Array.from({ length: parts }, (_, n) => `p${String(n).padStart(4, "0")}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>
<script src="../search.js" defer></script></head><body>
<form data-pagefind="/${name}/pagefind/" data-parts="${ids.join(" ")}" data-base-url="/"><input name="q"></form>
<p id="search-status"></p><ol id="search-results"></ol></body></html>`;
}

/** Writes every layout's site under `root`, indexing each distinct part size once. */
export async function prepare(root: string, layouts: readonly Layout[]): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  for (const size of new Set(layouts.map((layout) => layout.size))) {
    for (let variant = 0; variant < DISTINCT; variant += 1) {
      await indexOf(size, variant, path.join(root, "indexes", `${size}-${variant}`));
    }
  }
  await pagefind.close();
  cpSync(path.resolve("assets/js/search.js"), path.join(root, "search.js"));
  for (const layout of layouts) {
    const folder = path.join(root, layout.name);
    mkdirSync(path.join(folder, "pagefind"), { recursive: true });
    writeFileSync(path.join(folder, "index.html"), searchPage(layout.name, layout.parts));
    for (let n = 0; n < layout.parts; n += 1) {
      const source = path.join(root, "indexes", `${layout.size}-${n % DISTINCT}`);
      symlinkSync(source, path.join(folder, "pagefind", `p${String(n).padStart(4, "0")}`));
    }
  }
}

/** The slow link: Lighthouse's mobile throttling (150 ms round trip, 1.6 Mbit/s down), shared by every request. */
const LINK = { latencyMs: 150, bytesPerMs: (1638.4 * 1024) / 8 / 1000 };

/** Serves `root` through the slow link and measures each layout and query in a fresh browser context. */
export async function measure(
  root: string,
  layouts: readonly Layout[],
  queries: readonly string[],
): Promise<Download[]> {
  let linkFree = 0;
  let served: Download["byKind"] = {};
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  const server = createServer(async (request, response) => {
    const url = (request.url ?? "/").split("?")[0] ?? "/";
    const file = path.join(root, decodeURIComponent(url));
    let body: Buffer;
    try {
      body = readFileSync(url.endsWith("/") ? path.join(file, "index.html") : file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    // A request waits a round trip, then its bytes queue on the one link.
    await wait(LINK.latencyMs);
    linkFree = Math.max(Date.now(), linkFree) + body.length / LINK.bytesPerMs;
    await wait(linkFree - Date.now());
    const kind = kindOf(request.url ?? "");
    const entry = served[kind] ?? { requests: 0, bytes: 0 };
    entry.requests += 1;
    entry.bytes += body.length;
    served[kind] = entry;
    const type = url.endsWith(".js") ? "text/javascript" : url.endsWith("/") ? "text/html" : "";
    response.writeHead(200, type ? { "content-type": type } : {});
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executable = browserPath();
  if (!executable) throw new Error("no Chromium found (set CHROME_PATH)");
  const browser = await launchBrowser(executable);
  const results: Download[] = [];
  try {
    for (const layout of layouts) {
      for (const query of queries) {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.on("console", (message) => {
          if (message.type() === "error") console.error(`${layout.name}: ${message.text()}`);
        });
        served = {};
        linkFree = 0;
        const start = Date.now();
        await page.goto(`${origin}/${layout.name}/?q=${encodeURIComponent(query)}`);
        await page.waitForSelector("#search-results li", { timeout: 300_000 });
        const ms = Date.now() - start;
        results.push({ layout: layout.name, query, ms, byKind: structuredClone(served) });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

/** A layout's figures as a table row: time, then requests and KB of metadata and index. */
export function row(result: Download): string {
  const get = (kind: string) => result.byKind[kind] ?? { requests: 0, bytes: 0 };
  const kb = (bytes: number) => (bytes / 1024).toFixed(0);
  const meta = { requests: get("entry").requests + get("meta").requests };
  const metaBytes = get("entry").bytes + get("meta").bytes;
  return `| ${result.layout} | ${result.query} | ${(result.ms / 1000).toFixed(1)} s | ${meta.requests} / ${kb(metaBytes)} KB | ${get("index").requests} / ${kb(get("index").bytes)} KB | ${get("fragment").requests} / ${kb(get("fragment").bytes)} KB | ${get("library").requests} / ${kb(get("library").bytes)} KB |`;
}

function parseLayout(text: string): Layout {
  const match = /^([\w.-]+)=(\d+)x(\d+)$/.exec(text);
  if (!match) throw new Error(`a layout is name=PARTSxSIZE, not "${text}"`);
  return { name: match[1] as string, parts: Number(match[2]), size: Number(match[3]) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const layouts = args.filter((arg) => arg.includes("=")).map(parseLayout);
  const queries = args.filter((arg) => !arg.includes("=") && !arg.startsWith("--"));
  const root = path.resolve(".cache/search-download");
  await prepare(root, layouts);
  const results = await measure(root, layouts, queries.length > 0 ? queries : ["minister"]);
  console.log(
    "| layout | query | first result | entry + meta | index chunks | fragments | library |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const result of results) console.log(row(result));
}
