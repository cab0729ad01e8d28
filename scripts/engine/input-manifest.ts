/**
 * The quick answer to "did anything change?". A build's output is a function of its inputs (the
 * content, the site settings, the assets, Broadsheet's code and packages, the build's options)
 * and of its "now" (embargoes, the News sitemap's window, live updates' times, blogs' and
 * banners' ends, the day cards and the search index are reckoned by). After each successful
 * publish, `inputs.json` records a digest of every input's fingerprint (input-digest.ts), the
 * span of "now" in which nothing it makes would differ, and the summary the build printed. The
 * next build stats the same files (it needs the article folders' fingerprints anyway) and, when
 * all of it matches, is done: it loads no state, plans no page and touches nothing, because a
 * build of the same inputs at such a "now" publishes exactly what `_site/` holds.
 *
 * It is a hint like every cache: any doubt (a fingerprint too recent to trust, a manifest
 * damaged or written by another version, a state recorded since, a publish journal, no output
 * folder) means a full build, which is the reference.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FrontFile } from "../content/front-model.ts";
import type { BuildCodeKeys } from "./build-code-keys.ts";
import type { BuildOptions, BuildSummary } from "./build-types.ts";
import { readCheckedJson, writeCheckedJson } from "./checked-file.ts";
import type { FolderScan } from "./folder-scan.ts";
import { jsonKey, sha256 } from "./hashing.ts";
import {
  articleLines,
  currentFileLines,
  inputDigest,
  type Lines,
  recordedFiles,
  treeLines,
  validUntil,
} from "./input-digest.ts";
import type { ArticleEntry } from "./state.ts";
import { type BuildTarget, journalPath, statePath } from "./target.ts";

const KIND = "build-inputs";
/** Bump when the digest's recipe changes: an older manifest then never matches. */
const VERSION = 1;

/** What a build that changed nothing says: the last summary, with nothing done this time. */
export type StoredSummary = Omit<BuildSummary, "commit" | "reasons" | "changed">;

interface InputManifest {
  /** The SHA-256 of the `state.json` it was written beside: a state recorded since voids it. */
  readonly state: string;
  /** The digest of every input's fingerprint. */
  readonly inputs: string;
  /** Files outside the walked trees whose fingerprints are in the digest (photos, live/ files). */
  readonly files: readonly string[];
  /** From the build's now until just before `validUntil` (epoch ms), "now" changes nothing. */
  readonly validFrom: number;
  readonly validUntil: number;
  readonly summary: StoredSummary;
}

/** What a full build hands back for the next build to compare with. */
export interface BuildInputs {
  readonly articles: ReadonlyMap<string, ArticleEntry>;
  readonly images: Readonly<Record<string, { readonly fingerprint: string }>>;
  readonly fronts: readonly FrontFile[];
  readonly nextDayMs: number;
  readonly summary: StoredSummary;
}

export interface InputCheck {
  /** The last build's summary when nothing changed; absent when the build must run. */
  readonly unchanged?: StoredSummary;
  /** Records this build's inputs once its publish and state are saved (never throws). */
  record(inputs: BuildInputs): void;
}

function manifestPath(target: BuildTarget): string {
  return path.join(target.cacheDir, "inputs.json");
}

/** The SHA-256 of `state.json` as it is now, or undefined when there is none. */
function stateHash(target: BuildTarget): string | undefined {
  try {
    return sha256(readFileSync(statePath(target)));
  } catch {
    return undefined;
  }
}

function readManifest(target: BuildTarget): InputManifest | undefined {
  const read = readCheckedJson<InputManifest>(manifestPath(target), KIND, VERSION);
  if (!read.ok) return undefined;
  const value = read.value;
  // A manifest of the right kind and version but not of this shape is not trusted either.
  const sound =
    typeof value === "object" &&
    value !== null &&
    typeof value.state === "string" &&
    typeof value.inputs === "string" &&
    Array.isArray(value.files) &&
    value.files.every((file) => typeof file === "string") &&
    Number.isFinite(value.validFrom) &&
    Number.isFinite(value.validUntil) &&
    typeof value.summary === "object" &&
    value.summary !== null;
  return sound ? value : undefined;
}

/** Whether the last manifest still describes `_site/` and a build at `nowMs`. */
function stillHolds(target: BuildTarget, manifest: InputManifest, nowMs: number): boolean {
  if (nowMs < manifest.validFrom || nowMs >= manifest.validUntil) return false;
  // An interrupted publish to finish, a state recorded since, or no output folder: a full build.
  if (existsSync(journalPath(target))) return false;
  if (stateHash(target) !== manifest.state) return false;
  try {
    return statSync(target.outputDir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Compares this build's inputs with the last publish's. `scan` is the article folders' scan the
 * build goes on to use; the trees are walked now, before anything is read.
 */
export function checkInputs(input: {
  readonly options: BuildOptions;
  readonly keys: BuildCodeKeys;
  readonly codeRoot: string;
  readonly site: unknown;
  readonly scan: FolderScan;
}): InputCheck {
  const { options, keys, scan } = input;
  const { content, target } = options;
  const nowMs = content.now.toMillis();
  const fixed = [
    `build-inputs ${VERSION}`,
    jsonKey([
      target.name,
      content.includeDrafts,
      content.includeFuture,
      content.siteUrl ?? null,
      content.pathPrefix ?? null,
      content.imageCdn ?? null,
      options.skipSearch === true,
      // The image settings a caller may give (the cache's folder changes no output).
      Object.entries(options.media).filter(([name]) => name !== "cacheDir"),
    ]),
    jsonKey([keys.pages, keys.parse, keys.search, keys.profiles, keys.media]),
    keys.code.of("scripts/engine/build-site.ts"),
    jsonKey(input.site),
  ];
  const trees = treeLines(content.root, input.codeRoot);
  const folders = articleLines(scan);
  const manifest = readManifest(target);
  const unchanged =
    trees && folders && manifest && stillHolds(target, manifest, nowMs)
      ? digestMatches(manifest, fixed, [folders, trees], content.root)
      : undefined;
  return {
    ...(unchanged ? { unchanged } : {}),
    record(after) {
      const recorded = recordedFiles(after.articles, after.images);
      const state = stateHash(target);
      if (!trees || !folders || !recorded || state === undefined) return;
      const written: InputManifest = {
        state,
        inputs: inputDigest(fixed, folders, trees, recorded.lines),
        files: recorded.files,
        validFrom: nowMs,
        validUntil: validUntil({
          nowMs,
          nextDayMs: after.nextDayMs,
          published: after.summary.articles,
          articles: after.articles.values(),
          fronts: after.fronts,
        }),
        summary: after.summary,
      };
      try {
        writeCheckedJson(manifestPath(target), KIND, VERSION, written, {
          atomic: true,
          root: target.cacheDir,
        });
      } catch {
        // A hint not saved: the next build runs in full. The last one no longer matches the
        // state, so it cannot be taken for this build's.
      }
    },
  };
}

function digestMatches(
  manifest: InputManifest,
  fixed: readonly string[],
  parts: readonly Lines[],
  root: string,
): StoredSummary | undefined {
  const files = currentFileLines(root, manifest.files);
  return inputDigest(fixed, ...parts, files) === manifest.inputs ? manifest.summary : undefined;
}

/** What a build that found nothing changed reports: the last build's site, nothing done. */
export function nothingDone(summary: StoredSummary): BuildSummary {
  return {
    ...summary,
    parsed: 0,
    live: { updates: summary.live.updates, parsed: 0 },
    pages: { total: summary.pages.total, rendered: 0 },
    images: { total: summary.images.total, encoded: 0, reused: summary.images.total },
    search: { parts: summary.search.parts, indexed: 0 },
    commit: { mode: "unchanged", written: 0, removed: 0, warnings: [] },
    reasons: [],
    changed: [],
  };
}
