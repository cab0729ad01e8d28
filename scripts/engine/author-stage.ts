/**
 * The authors' part of a build: profiles scanned (author-scan.ts), their photos made or reused
 * (author-media.ts), every article's `authors` checked against them, and the profiles as the page
 * plan takes them. Every problem is collected with the rest of the run's.
 */

import {
  type AuthoredArticle,
  profileIndex,
  repeatedNameIssues,
  unknownAuthorIssues,
} from "../content/author-entries.ts";
import type { ContentIssue } from "../content/issues.ts";
import type { MediaOptions, MediaProgress } from "../media/types.ts";
import type { PlannedProfile } from "../site/bylines.ts";
import { previousProfileImages, runProfileMedia } from "./author-media.ts";
import { type AuthorEntry, scanAuthors } from "./author-scan.ts";
import { jsonKey } from "./hashing.ts";
import type { ImageEntry } from "./state.ts";

export interface AuthorStageInput {
  readonly root: string;
  /** The last state's profiles and images. */
  readonly previous: Readonly<Record<string, AuthorEntry>>;
  readonly previousImages: Readonly<Record<string, ImageEntry>>;
  /** The profile parser's code version. */
  readonly parseKey: string;
  /**
   * Every valid article (drafts and embargoed ones too: their bylines are checked as well), and
   * every live update, which names its authors the same way.
   */
  readonly articles: Iterable<AuthoredArticle>;
  readonly media: Partial<MediaOptions>;
  readonly onMediaProgress?: (progress: MediaProgress) => void;
}

export interface AuthorStage {
  /** The next state's profiles, by slug. */
  readonly entries: Record<string, AuthorEntry>;
  /** The profiles as the plan takes them, by slug. */
  readonly profiles: readonly PlannedProfile[];
  /** The author photos in use, by identity. */
  readonly images: Record<string, ImageEntry>;
  readonly issues: readonly ContentIssue[];
  readonly parsed: number;
  readonly stats: { readonly total: number; readonly encoded: number; readonly reused: number };
}

export async function runAuthorStage(input: AuthorStageInput): Promise<AuthorStage> {
  const scan = scanAuthors(input.root, input.previous, input.parseKey);
  const cards = [...scan.entries.values()].map((entry) => entry.profile);
  const index = profileIndex(cards);
  const media = await runProfileMedia(
    input.root,
    cards,
    previousProfileImages(input.previousImages),
    input.media,
    input.onMediaProgress,
  );
  const profiles = [...index.bySlug.values()].map((profile): PlannedProfile => {
    const photo = media.bySlug.get(profile.slug);
    // What pages show of it: not where its fields were written (positions are for messages).
    const shown = {
      slug: profile.slug,
      name: profile.name,
      role: profile.role,
      bio: profile.bio,
      links: profile.links,
    };
    return { profile, ...(photo ? { photo } : {}), key: jsonKey([shown, photo?.key ?? null]) };
  });
  return {
    entries: Object.fromEntries(scan.entries),
    profiles,
    images: media.images,
    issues: [
      ...scan.issues,
      ...repeatedNameIssues(cards, input.root),
      ...unknownAuthorIssues(
        [...input.articles].map((card) => ({ sourcePath: card.sourcePath, authors: card.authors })),
        index,
        input.root,
        scan.invalid,
      ),
      ...media.issues,
    ],
    parsed: scan.parsed,
    stats: media.stats,
  };
}
