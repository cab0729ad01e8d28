/**
 * The audit's static server: serves a built site the way a real static host does, so Lighthouse
 * measures what readers get. Text is compressed (Brotli, else gzip, as the browser accepts),
 * and the headers the build writes to `_headers` (Netlify and Cloudflare Pages) are sent: the
 * Content-Security-Policy, the security headers and the cache policy. Missing pages get
 * 404.html with status 404.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Content types by extension, for every kind of file a build writes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".avif": "image/avif",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Worth compressing: text. Images and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".wasm"]);

/** One `_headers` rule: a path pattern (`*` matches anything) and its headers. */
interface HeaderRule {
  readonly pattern: RegExp;
  readonly headers: readonly (readonly [string, string])[];
}

/**
 * Reads `_headers`. `upgrade-insecure-requests` is taken out of the CSP and
 * `Strict-Transport-Security` left out: this server speaks plain HTTP on 127.0.0.1.
 */
export function readHeaderRules(file: string): HeaderRule[] {
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!match?.[1] || match[2] === undefined || !rule) continue;
    const name = match[1];
    let value = match[2];
    if (name.toLowerCase() === "strict-transport-security") continue;
    if (name.toLowerCase() === "content-security-policy") {
      value = value
        .split(";")
        .map((directive) => directive.trim())
        .filter((directive) => directive !== "" && directive !== "upgrade-insecure-requests")
        .join("; ");
    }
    rule.headers.push([name, value]);
  }
  return rules;
}

export interface AuditServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `dir` at `http://127.0.0.1:<port>/`. */
export async function serveSite(dir: string): Promise<AuditServer> {
  const root = path.resolve(dir);
  const rules = readHeaderRules(path.join(root, "_headers"));
  const compressed = new Map<string, Buffer>();

  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file: string | undefined = path.join(root, pathname);
    if (!file.startsWith(root)) file = undefined;
    if (file && existsSync(file) && statSync(file).isDirectory())
      file = path.join(file, "index.html");
    let status = 200;
    if (!file || !existsSync(file)) {
      status = 404;
      file = path.join(root, "404.html");
    }
    const extension = path.extname(file);
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[extension] ?? "application/octet-stream",
      vary: "Accept-Encoding",
    };
    for (const rule of rules) {
      if (!rule.pattern.test(pathname)) continue;
      for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    }
    let body: Buffer = readFileSync(file);
    const accepted = String(request.headers["accept-encoding"] ?? "");
    const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : "";
    if (encoding && COMPRESSIBLE.has(extension)) {
      const key = `${encoding} ${file}`;
      let packed = compressed.get(key);
      if (!packed) {
        packed =
          encoding === "br"
            ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
            : gzipSync(body, { level: 9 });
        compressed.set(key, packed);
      }
      body = packed;
      headers["content-encoding"] = encoding;
    }
    headers["content-length"] = String(body.byteLength);
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
