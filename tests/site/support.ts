/** Helpers for the feed, sitemap and header tests: strict XML parsing and small readers. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type CheerioAPI, load } from "cheerio";
import { SaxesParser } from "saxes";

/**
 * Parses XML strictly (well-formedness, characters, namespace prefixes: saxes, the parser
 * jsdom uses) and, when that passes, loads it for querying. Fails the test with the first error.
 */
export function parseXml(xml: string, name = "the document"): CheerioAPI {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  parser.on("error", (error) => errors.push(error.message));
  parser.write(xml).close();
  assert.deepEqual(errors, [], `${name} is not well-formed XML`);
  return load(xml, { xml: true });
}

/** Reads a file of a built site. */
export function readOutput(root: string, file: string): string {
  return readFileSync(path.join(root, "_site", file), "utf8");
}

/** RFC 3339 to the second with a numeric offset, as every feed and sitemap time must be. */
export const RFC3339_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

/** RFC 822 as RSS 2.0 uses it, four-digit year and numeric offset. */
export const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/;

/** Escapes a namespaced tag name for a CSS selector: `news:news` becomes `news\:news`. */
export function tag(name: string): string {
  return name.replace(":", "\\:");
}

/** A JSON Feed item as the tests read it. */
export interface JsonFeedItemShape {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string; url?: string }[];
  tags?: string[];
}

export interface JsonFeedShape {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language?: string;
  authors?: { name: string; url?: string }[];
  items: JsonFeedItemShape[];
}

/**
 * Checks a JSON Feed against the structure of version 1.1: the version URL, the required
 * top-level `title` and `items`, and for each item an `id`, `url`, `title`, `content_html`,
 * an RFC 3339 `date_published` and 1.1's `authors` array (never 1.0's `author`).
 */
export function assertJsonFeed11(text: string, name: string): JsonFeedShape {
  const feed = JSON.parse(text) as Record<string, unknown>;
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1", `${name}: version`);
  assert.equal(typeof feed.title, "string", `${name}: title`);
  assert.ok(!("author" in feed), `${name}: 1.0's "author" is replaced by "authors" in 1.1`);
  for (const key of ["home_page_url", "feed_url"]) {
    assert.match(String(feed[key]), /^https?:\/\//, `${name}: ${key}`);
  }
  assert.ok(Array.isArray(feed.items), `${name}: items`);
  for (const item of feed.items as Record<string, unknown>[]) {
    const label = `${name}: item ${String(item.id)}`;
    for (const key of ["id", "url", "title", "content_html", "date_published"]) {
      assert.equal(typeof item[key], "string", `${label}: ${key}`);
      assert.notEqual(item[key], "", `${label}: ${key}`);
    }
    assert.match(String(item.url), /^https?:\/\//, `${label}: url`);
    assert.match(String(item.date_published), RFC3339_WITH_OFFSET, `${label}: date_published`);
    if (item.date_modified !== undefined) {
      assert.match(String(item.date_modified), RFC3339_WITH_OFFSET, `${label}: date_modified`);
    }
    assert.ok(!("author" in item), `${label}: 1.0's "author"`);
    assert.ok(Array.isArray(item.authors) && item.authors.length > 0, `${label}: authors`);
    for (const author of item.authors as Record<string, unknown>[]) {
      assert.equal(typeof author.name, "string", `${label}: author name`);
    }
  }
  return feed as unknown as JsonFeedShape;
}

/** The `_headers` file as blocks: a path and its headers, in file order. */
export interface HeadersBlock {
  readonly path: string;
  readonly headers: ReadonlyMap<string, string>;
  /**
   * Headers of broader blocks this block detaches (`! Name` lines, Cloudflare Pages' syntax:
   * Cloudflare otherwise sends every matching block's value; Netlify ignores these lines).
   */
  readonly detached: ReadonlySet<string>;
}

/**
 * Parses `_headers` as Netlify and Cloudflare do: a path line, then indented `Name: value` lines
 * and Cloudflare's `! Name` detach lines.
 */
export function parseHeadersFile(text: string): HeadersBlock[] {
  const blocks: { path: string; headers: Map<string, string>; detached: Set<string> }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (/^\s/.test(line)) {
      const current = blocks.at(-1);
      assert.ok(current, `a header line before any path: ${line}`);
      const detach = /^\s+! ([A-Za-z0-9-]+)$/.exec(line);
      if (detach) {
        const [, name = ""] = detach;
        assert.ok(!current.detached.has(name), `! ${name} twice for ${current.path}`);
        current.detached.add(name);
        continue;
      }
      const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      assert.ok(match, `not a "Name: value" line: ${line}`);
      const [, name = "", value = ""] = match;
      assert.ok(!current.headers.has(name), `${name} twice for ${current.path}`);
      current.headers.set(name, value);
    } else {
      blocks.push({ path: line.trim(), headers: new Map(), detached: new Set() });
    }
  }
  return blocks;
}

/** Whether a `_headers` path pattern matches a request path: `*` matches anything, even nothing. */
export function patternMatches(pattern: string, requestPath: string): boolean {
  const expression = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${expression}$`).test(requestPath);
}
