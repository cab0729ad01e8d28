/**
 * Step 3 of a build (build-site.ts): the images of the published articles and live updates, the
 * author profiles with their photos, and the standing pages with theirs, each stage reusing the
 * last build's images whose sources did not change. Images whose cached encodings were found
 * damaged are left out of the last build's, so they are made again.
 */
import path from "node:path";
import { type AuthoredArticle, authorsOfUnloaded } from "../content/author-entries.ts";
import type { ContentIssue } from "../content/issues.ts";
import type { Site } from "../content/model.ts";
import { imageFiles } from "../media/files.ts";
import { type AuthorStage, runAuthorStage } from "./author-stage.ts";
import type { BuildCodeKeys } from "./build-code-keys.ts";
import type { BuildOptions } from "./build-types.ts";
import { liveAuthored, updateMediaOwners } from "./live-stage.ts";
import { type MediaOwner, type MediaStageResult, runMediaStage } from "./media-stage.ts";
import { type PageStage, runPageStage } from "./page-stage.ts";
import type { Published } from "./published.ts";
import type { ArticleEntry, BuildState, ImageEntry } from "./state.ts";

/** Runs `run` as a named step of the build (timed and reported). */
export type Step = <T>(name: string, run: () => T | Promise<T>) => Promise<T>;

export interface ImageStagesInput {
  readonly options: BuildOptions;
  readonly site: Site;
  readonly keys: BuildCodeKeys;
  readonly state: BuildState | undefined;
  /** Base names of cached image files found damaged: their images are made again. */
  readonly damaged: ReadonlySet<string>;
  readonly entries: ReadonlyMap<string, ArticleEntry>;
  readonly published: Published;
  /** The published live updates by blog folder (live-stage.ts). */
  readonly updates: Parameters<typeof updateMediaOwners>[0];
  /**
   * Article and live-update files with problems: those that did not load have their `authors`
   * checked too, so every problem is reported in one run.
   */
  readonly unloaded?: readonly string[];
  readonly step: Step;
}

export interface ImageStages {
  readonly media: MediaStageResult;
  readonly authors: AuthorStage;
  readonly standing: PageStage;
  /** Every image in use, by identity: the next state's images. */
  readonly images: Record<string, ImageEntry>;
  readonly issues: readonly ContentIssue[];
  /** Images of the three stages together, for the summary. */
  readonly stats: { readonly total: number; readonly encoded: number; readonly reused: number };
}

export async function runImageStages(input: ImageStagesInput): Promise<ImageStages> {
  const { options, site, keys, state, entries, step } = input;
  const root = options.content.root;
  const previousImages = Object.fromEntries(
    Object.entries(state?.images ?? {}).filter(
      ([, entry]) =>
        !imageFiles(entry.image).some((file) => input.damaged.has(path.basename(file))),
    ),
  );
  // The site's image CDN decides what the media module makes: every size, or masters; the
  // pipeline's code version is part of every image's key.
  const mediaOptions = { ...options.media, cdn: site.imageCdn, codeVersion: keys.media };
  const progress = options.onMediaProgress ? { onMediaProgress: options.onMediaProgress } : {};
  const media = await step("making images", () =>
    runMediaStage(
      root,
      // Live updates' photos are asked for beside the articles' (live-stage.ts).
      new Map<string, MediaOwner>([
        ...input.published.entries,
        ...updateMediaOwners(input.updates),
      ]),
      previousImages,
      mediaOptions,
      options.onMediaProgress,
    ),
  );
  // Author profiles, their photos, and every article's authors checked against them.
  const authors = await step("reading author profiles", () =>
    runAuthorStage({
      root,
      previous: state?.authors ?? {},
      previousImages,
      parseKey: keys.profiles,
      articles: withUnloaded(
        root,
        [...[...entries.values()].map((entry) => entry.card), ...liveAuthored(entries)],
        input.unloaded ?? [],
      ),
      media: mediaOptions,
      ...progress,
    }),
  );
  // Standing pages (content/pages/), their body photos, and their addresses against the site's.
  const standing = await step("reading standing pages", () =>
    runPageStage({
      root,
      site,
      previous: state?.standing ?? {},
      previousImages,
      parseKey: keys.code.of("scripts/content/load-page.ts"),
      articles: [...entries.values()].map((entry) => entry.card),
      media: mediaOptions,
      ...progress,
    }),
  );
  return {
    media,
    authors,
    standing,
    images: { ...media.images, ...authors.images, ...standing.images },
    issues: [...media.issues, ...authors.issues, ...standing.issues],
    stats: {
      total: media.stats.total + authors.stats.total + standing.stats.total,
      encoded: media.stats.encoded + authors.stats.encoded + standing.stats.encoded,
      reused: media.stats.reused + authors.stats.reused + standing.stats.reused,
    },
  };
}

/** The loaded files' bylines, and those of the files with problems that did not load. */
function withUnloaded(
  root: string,
  loaded: readonly AuthoredArticle[],
  problems: readonly string[],
): AuthoredArticle[] {
  const seen = new Set(loaded.map((article) => article.sourcePath));
  return [
    ...loaded,
    ...authorsOfUnloaded(
      root,
      problems.filter((file) => !seen.has(file)),
    ),
  ];
}
