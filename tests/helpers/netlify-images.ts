/**
 * A local stand-in for Netlify: the built site as static files, and `/.netlify/images` answered
 * by a real transform server, `ipx` (the engine of Netlify's own local image CDN). The query is
 * translated to ipx's modifiers as Netlify's local development does it (`@netlify/images`, whose
 * `ImageHandler` needs Node 22: w and h → resize, w → width, h → height, q → quality,
 * fm → format, fit contain → inside, position), and sources are read from the site folder, as
 * Netlify reads them from the deploy.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createIPX, createIPXNodeServer, ipxFSStorage } from "ipx";
import { listenLocally, type StaticServer, sendFile } from "./static-server.ts";

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
    sendFile(dir, prefix, decodeURIComponent(url.pathname), response);
  });
  return listenLocally(server);
}
