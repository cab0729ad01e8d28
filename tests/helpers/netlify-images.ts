/**
 * A local stand-in for Netlify: the built site as static files, and `/.netlify/images` answered
 * by a real transform server, `ipx` (the engine of Netlify's own local image CDN). The query is
 * translated to ipx's modifiers as Netlify's local development does it (`@netlify/images`, whose
 * `ImageHandler` needs Node 22: w and h → resize, w → width, h → height, q → quality,
 * fm → format, fit contain → inside, position), and sources are read from the site folder, as
 * Netlify reads them from the deploy.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createIPX, createIPXNodeServer, ipxFSStorage } from "ipx";
import { CONTENT_TYPES } from "../../scripts/cli/audit/server.ts";
import type { StaticServer } from "./static-server.ts";

/** ipx's modifiers for a Netlify Image CDN query, or undefined when `url` is missing. */
export function ipxPath(query: URLSearchParams, pathPrefix: string): string | undefined {
  const source = query.get("url");
  if (!source?.startsWith(pathPrefix)) return undefined;
  const modifiers: string[] = [];
  const width = query.get("w") ?? query.get("width");
  const height = query.get("h") ?? query.get("height");
  if (width && height) modifiers.push(`resize_${width}x${height}`);
  else if (width) modifiers.push(`width_${width}`);
  else if (height) modifiers.push(`height_${height}`);
  const quality = query.get("q") ?? query.get("quality");
  if (quality) modifiers.push(`quality_${quality}`);
  const format = query.get("fm");
  if (format) modifiers.push(`format_${format}`);
  const fit = query.get("fit");
  if (fit) modifiers.push(`fit_${fit === "contain" ? "inside" : fit}`);
  const position = query.get("position");
  if (position) modifiers.push(`position_${position}`);
  return `/${modifiers.join(",") || "_"}/${source.slice(pathPrefix.length)}`;
}

/** Serves `dir` under `prefix`, and Netlify's image endpoint at the origin's root. */
export async function serveWithNetlifyImages(dir: string, prefix = "/"): Promise<StaticServer> {
  const ipx = createIPXNodeServer(createIPX({ storage: ipxFSStorage({ dir }) }));
  const serveFile = (pathname: string, response: ServerResponse) => {
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
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    createReadStream(file).pipe(response);
  };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/.netlify/images" || url.pathname === "/.netlify/images/") {
      const target = ipxPath(url.searchParams, prefix);
      if (!target) {
        response.writeHead(400).end('Bad Request: missing or foreign "url"');
        return;
      }
      request.url = target;
      void ipx(request, response);
      return;
    }
    serveFile(decodeURIComponent(url.pathname), response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
