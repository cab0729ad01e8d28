/**
 * The editor for `npm run cms`: /admin/ served from memory on this machine only (127.0.0.1),
 * under the same Content-Security-Policy as the published /admin/. Sveltia CMS's local mode
 * then reads and writes the working copy itself, through the browser's File System Access API
 * (Chromium-based browsers, on localhost): this server never touches content and takes no
 * writes, so it needs no authentication.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Site } from "../content/model.ts";
import { adminContentSecurityPolicy, adminHeaders, serializePolicy } from "./headers.ts";
import { liveBlogsOnDisk } from "./live-blogs.ts";
import { ADMIN_FOLDER, editorFiles } from "./outputs.ts";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".png": "image/png",
  // The site's logo, copied for the sign-in screen and the preview's masthead.
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain; charset=utf-8",
};

export interface EditorServer {
  /** `http://localhost:<port>/admin/`: local mode is offered on localhost only. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the editor for `site` (read from `root`) on 127.0.0.1; `port` 0 picks a free one. */
export async function serveEditor(site: Site, root: string, port = 0): Promise<EditorServer> {
  // Served from the root of this server, whatever folder the live site uses.
  const local: Site = { ...site, pathPrefix: "/" };
  const files = new Map(
    (await editorFiles(local, root, liveBlogsOnDisk(root))).map((file) => [file.path, file.bytes]),
  );
  const policy = adminContentSecurityPolicy(site.cms);
  // upgrade-insecure-requests would send this http:// server's own requests to https://.
  const { "upgrade-insecure-requests": _upgrade, ...localPolicy } = policy;
  const headers = {
    ...adminHeaders(site.cms),
    "Content-Security-Policy": serializePolicy(localPolicy),
  };
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/" || pathname === "/admin") {
      response.writeHead(302, { location: ADMIN_FOLDER }).end();
      return;
    }
    const bytes = files.get(pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!bytes || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const type = CONTENT_TYPES[path.extname(pathname) || ".html"] ?? "application/octet-stream";
    response.writeHead(200, { ...headers, "content-type": type, "content-length": bytes.length });
    response.end(request.method === "HEAD" ? undefined : bytes);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actual}${ADMIN_FOLDER}`,
    port: actual,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
