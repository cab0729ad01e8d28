/**
 * A derived asset kept between builds in Broadsheet's own cache (`.cache/<folder>/`): the site's
 * minified stylesheets and scripts (minify.ts), the fonts cut to the site's weights
 * (font-instance.ts). Each is a checked file holding the key it was made from (its source's
 * bytes, its options and the maker's version) and the text made; a damaged, stale or missing
 * entry is made again, and a cache that cannot be written is skipped (a read-only checkout makes
 * it on every build). What is made is a function of the key alone, so a kept copy and a fresh
 * one are the same bytes.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCheckedJson, writeCheckedJson } from "../engine/checked-file.ts";
import { sha256 } from "../engine/hashing.ts";

const require = createRequire(import.meta.url);

/** The installed version of a package, read without loading it. */
export function installedVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

interface Entry {
  readonly key: string;
  readonly text: string;
}

const CHECKED_KIND = "kept";
const FORMAT = 1;

/** One kind of kept derivation: its folder under `.cache/`, one file per source name. */
export class KeptDerivations {
  private readonly dir: string;

  constructor(folder: string) {
    this.dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.cache", folder);
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${sha256(name).slice(0, 32)}.json`);
  }

  /** What was made for `name` from `key`, if it is kept and sound. */
  read(name: string, key: string): string | undefined {
    const kept = readCheckedJson<Entry>(this.fileOf(name), CHECKED_KIND, FORMAT);
    return kept.ok && kept.value.key === key && typeof kept.value.text === "string"
      ? kept.value.text
      : undefined;
  }

  /** Keeps `text`, made for `name` from `key`; a cache that cannot be written is skipped. */
  keep(name: string, key: string, text: string): void {
    try {
      writeCheckedJson(this.fileOf(name), CHECKED_KIND, FORMAT, { key, text } satisfies Entry, {
        atomic: true,
        root: this.dir,
      });
    } catch {
      // A read-only checkout makes it again on every build.
    }
  }
}
