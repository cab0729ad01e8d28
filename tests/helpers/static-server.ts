/** A minimal static file server for browser tests: serves a built site under its path prefix. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { CONTENT_TYPES, readHeaderRules } from "../../scripts/cli/audit/server.ts";

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Send the headers `_headers` sets for each path, as Netlify and Cloudflare Pages do (each
   * page's own Content-Security-Policy included; `upgrade-insecure-requests` and HSTS left out
   * on plain HTTP). Off by default: some tests check pages with no policy at all.
   */
  readonly headers?: boolean;
}

/** Serves `dir` at `http://127.0.0.1:<port><prefix>`, with 404.html for missing pages. */
export async function serveStatic(
  dir: string,
  prefix = "/",
  options: ServeOptions = {},
): Promise<StaticServer> {
  const rules = options.headers ? readHeaderRules(path.join(dir, "_headers")) : [];
  const headersFor = (pathname: string): Record<string, string> => {
    const headers: Record<string, string> = {};
    for (const rule of rules) {
      if (!rule.pattern.test(pathname)) continue;
      // The last matching rule's value wins, as on Netlify (Cloudflare detaches with `!`).
      for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    }
    return headers;
  };
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    sendFile(dir, prefix, pathname, response, headersFor(pathname));
  });
  return listenLocally(server);
}

/**
 * Answers `pathname` with the file it names under `prefix` in `dir` (a folder's `index.html`),
 * with `headers`; a path outside `dir` or missing gets the site's 404.html.
 */
export function sendFile(
  dir: string,
  prefix: string,
  pathname: string,
  response: ServerResponse,
  headers: Record<string, string> = {},
): void {
  const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
  let file = inside === undefined ? undefined : path.join(dir, inside);
  if (file && !file.startsWith(dir)) file = undefined;
  if (file && existsSync(file) && statSync(file).isDirectory())
    file = path.join(file, "index.html");
  if (!file || !existsSync(file)) {
    response.writeHead(404, { "content-type": CONTENT_TYPES[".html"] });
    createReadStream(path.join(dir, "404.html")).pipe(response);
    return;
  }
  response.writeHead(200, {
    ...headers,
    "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
  });
  createReadStream(file).pipe(response);
}

/** Starts `server` on a free port of 127.0.0.1. */
export async function listenLocally(server: Server): Promise<StaticServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
