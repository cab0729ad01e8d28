/**
 * Searches a built site as its search page does, without a browser: the parts the page lists
 * (its `data-parts`, newest first), Pagefind's own script from the newest part, the others merged
 * with `mergeIndex`, every file fetched over HTTP from the built `_site/`. Each search loads the
 * script afresh (a new module URL), so results never come from an earlier build's index.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serveStatic } from "./static-server.ts";

/** A result as the search page reads it: the page's URL and its meta. */
export interface Found {
  readonly url: string;
  readonly meta: Record<string, string>;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<Found> }[] }>;
  destroy?(): Promise<void>;
}

let loads = 0;

/** The parts the built search page lists, newest first. */
export function listedParts(siteDir: string): string[] {
  const html = readFileSync(path.join(siteDir, "search/index.html"), "utf8");
  const parts = /data-parts="([^"]*)"/.exec(html)?.[1] ?? "";
  return parts.split(" ").filter(Boolean);
}

/** Every result for each query, in the order the search page shows them. */
export async function searchSite(
  siteDir: string,
  queries: readonly string[],
): Promise<Map<string, Found[]>> {
  const [first, ...others] = listedParts(siteDir);
  if (!first) throw new Error("the search page lists no parts");
  const server = await serveStatic(siteDir);
  try {
    const script = pathToFileURL(path.join(siteDir, "pagefind", first, "pagefind.js"));
    script.searchParams.set("load", String(++loads));
    const pagefind = (await import(script.href)) as PagefindModule;
    await pagefind.options({ basePath: `${server.origin}/pagefind/${first}/`, baseUrl: "/" });
    await Promise.all(
      others.map((part) =>
        pagefind.mergeIndex(`${server.origin}/pagefind/${part}/`, { baseUrl: "/" }),
      ),
    );
    const found = new Map<string, Found[]>();
    for (const query of queries) {
      const search = await pagefind.search(query);
      found.set(query, await Promise.all(search.results.map((result) => result.data())));
    }
    await pagefind.destroy?.();
    return found;
  } finally {
    await server.close();
  }
}
