/**
 * Bylines resolved against the author profiles: what each page shows of an article's authors,
 * and the key that says when that changes. An entry that is a profile's slug or name is shown
 * with the profile's name, linked to its page; any other entry is shown as written. Agencies
 * (`sources`) never appear here: they are credited as organisations.
 */
import { type ProfileIndex, profileFor, profileIndex } from "../content/author-entries.ts";
import { type BylineEntry, entryName, isWrittenAsIs } from "../content/byline-entry.ts";
import type { ProfileCard } from "../content/load-author.ts";
import type { ProcessedImage } from "../media/index.ts";
import type { MediaRef } from "./planned-article.ts";
import { authorPath } from "./urls.ts";

/** A profile as the page plan takes it: its data, its photo, and the key of both. */
export interface PlannedProfile {
  readonly profile: ProfileCard;
  readonly photo?: MediaRef;
  /** Changes whenever anything a page shows of the profile or its photo changes. */
  readonly key: string;
}

/** One author of an article: the name to print and the profile (slug) it links to, if any. */
export interface BylineName {
  readonly name: string;
  readonly profile?: string;
}

/**
 * An article's `authors` resolved; a profile named twice is shown once; `{name: ...}` is shown as
 * written, never linked.
 */
export function resolveByline(entries: readonly BylineEntry[], index: ProfileIndex): BylineName[] {
  const seen = new Set<string>();
  const names: BylineName[] = [];
  for (const entry of entries) {
    if (isWrittenAsIs(entry)) {
      names.push({ name: entry.name });
      continue;
    }
    const profile = profileFor(entry, index);
    if (profile && seen.has(profile.slug)) continue;
    if (profile) seen.add(profile.slug);
    names.push(profile ? { name: profile.name, profile: profile.slug } : { name: entry });
  }
  return names;
}

/** The index of planned profiles, for resolving bylines. */
export function plannedIndex(profiles: readonly PlannedProfile[]): ProfileIndex {
  return profileIndex(profiles.map((planned) => planned.profile));
}

/** What an article page shows of one author: the byline and the structured data. */
export interface BylineSpec {
  readonly name: string;
  /** The profile page, site-relative. */
  readonly path?: string;
  readonly role?: string;
  /** The author's pages elsewhere (structured data's `sameAs`). */
  readonly links?: readonly string[];
  /** Shown only when the article has a single author. */
  readonly photo?: ProcessedImage;
}

/**
 * The byline an article page shows, and its key: the profile fields it shows and, for a single
 * author, the photo's key (a photo is not shown beside several names, so it is not in their key).
 */
export function articleByline(
  names: readonly BylineName[],
  profiles: ReadonlyMap<string, PlannedProfile>,
): { specs: BylineSpec[]; key: string } {
  const single = names.length === 1;
  const keyParts: unknown[] = [];
  const specs = names.map((author): BylineSpec => {
    const planned = author.profile ? profiles.get(author.profile) : undefined;
    if (!planned) {
      keyParts.push(author.name);
      return { name: author.name };
    }
    const { profile } = planned;
    const photo = single ? planned.photo : undefined;
    const spec: BylineSpec = {
      name: profile.name,
      path: authorPath(profile.slug),
      ...(profile.role ? { role: profile.role } : {}),
      ...(profile.links.length > 0 ? { links: profile.links } : {}),
    };
    keyParts.push([spec, photo?.key ?? null]);
    return photo ? { ...spec, photo: photo.image } : spec;
  });
  return { specs, key: JSON.stringify(keyParts) };
}

/** What a feed shows of one author: the name, and the profile page when there is one. */
export interface FeedAuthorSpec {
  readonly name: string;
  readonly path?: string;
}

export function feedAuthors(names: readonly BylineName[]): FeedAuthorSpec[] {
  return names.map((author) =>
    author.profile
      ? { name: author.name, path: authorPath(author.profile) }
      : { name: author.name },
  );
}

/** An article's byline names: resolved when the plan had the profiles, else as written. */
export function bylineOf(article: {
  readonly card: { readonly authors: readonly BylineEntry[] };
  readonly byline?: readonly BylineName[];
}): readonly BylineName[] {
  return article.byline ?? article.card.authors.map((entry) => ({ name: entryName(entry) }));
}
