/**
 * The version of Broadsheet's own code that makes a kind of output, as Astro keys a page on its
 * module graph: a hash of every source file the entry module reaches through its imports, the
 * installed version of every package those files import, and the runtime (Node, and its ICU and
 * time-zone data, which decide how dates are written). Editing a component re-renders exactly
 * the kinds of pages whose templates import it; upgrading Broadsheet or a dependency re-renders
 * what they make.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { keyOf, sha256 } from "./hashing.ts";

/**
 * `import x from "y"`, `export { x } from "y"`, `import "y"`, `import("y")`. Type-only imports
 * (`import type`, `export type`) are matched too but skipped: they vanish when the code runs.
 */
const SPECIFIER =
  /(?:^|[;\s])((?:import|export)\s[^'"`;]*?)from\s*["']([^"']+)["']|(?:^|[;\s])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

/** What the runtime contributes: its version and the data that decides how dates read. */
export const RUNTIME_VERSION = [
  `node ${process.version}`,
  `icu ${process.versions.icu ?? "-"}`,
  `tz ${process.versions.tz ?? "-"}`,
  `unicode ${process.versions.unicode ?? "-"}`,
].join(", ");

/** The specifiers a module imports. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    if (match[1] && /^(?:import|export)\s+type\s/.test(match[1])) continue;
    const specifier = match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** Computes module-graph versions for one project, remembering what it has read. */
export class CodeVersions {
  readonly #repoRoot: string;
  readonly #files = new Map<string, { hash: string; imports: string[] }>();
  readonly #packages = new Map<string, string>();
  readonly #versions = new Map<string, string>();

  /** `repoRoot` is Broadsheet's own folder (its `node_modules` holds the packages). */
  constructor(repoRoot: string) {
    this.#repoRoot = repoRoot;
  }

  /** The version of everything `entry` (a path under the repository) reaches. */
  of(entry: string): string {
    const absolute = path.resolve(this.#repoRoot, entry);
    const known = this.#versions.get(absolute);
    if (known) return known;
    const files = new Set<string>();
    const packages = new Set<string>();
    const pending = [absolute];
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (files.has(file)) continue;
      files.add(file);
      for (const specifier of this.#file(file).imports) {
        if (specifier.startsWith("node:")) continue;
        if (specifier.startsWith(".")) pending.push(path.resolve(path.dirname(file), specifier));
        else packages.add(packageName(specifier));
      }
    }
    const parts = [
      RUNTIME_VERSION,
      ...[...files].sort().map((file) => {
        return `${path.relative(this.#repoRoot, file)} ${this.#file(file).hash}`;
      }),
      ...[...packages].sort().map((name) => `${name}@${this.#package(name)}`),
    ];
    const version = keyOf(...parts);
    this.#versions.set(absolute, version);
    return version;
  }

  /** The versions of several entries together. */
  ofAll(entries: readonly string[]): string {
    return keyOf(...entries.map((entry) => this.of(entry)));
  }

  #file(file: string): { hash: string; imports: string[] } {
    const known = this.#files.get(file);
    if (known) return known;
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      throw new Error(
        `code-version: ${path.relative(this.#repoRoot, file)} is imported but missing`,
      );
    }
    const entry = {
      hash: sha256(source),
      imports: /\.(m?[jt]sx?)$/.test(file) ? importsOf(source) : [],
    };
    this.#files.set(file, entry);
    return entry;
  }

  #package(name: string): string {
    const known = this.#packages.get(name);
    if (known) return known;
    let version = "missing";
    try {
      const manifest = JSON.parse(
        readFileSync(path.join(this.#repoRoot, "node_modules", name, "package.json"), "utf8"),
      ) as { version?: string };
      version = manifest.version ?? "unknown";
    } catch {
      // A package Node resolves from elsewhere: its name alone stands for it.
    }
    this.#packages.set(name, version);
    return version;
  }
}
