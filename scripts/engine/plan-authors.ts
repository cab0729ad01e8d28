/**
 * The authors' pages: each profile is a stream like a section, with a page at `/authors/<slug>/`
 * (the profile, then the author's latest stories), a date archive under
 * `/archive/authors/<slug>/` and feeds (planned with the others in page-plan.ts); `/authors/`
 * lists every profile. A profile no article names still has its page.
 */
import { archiveMonths } from "../site/archives.ts";
import type { PlannedProfile } from "../site/bylines.ts";
import type { AuthorListing, ProfileView } from "../site/editorial-specs.ts";
import type { PlannedEntry } from "../site/sitemaps/parts.ts";
import { authorStreams, LATEST_COUNT, type Stream, streamRef } from "../site/streams.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import type { PlanInput } from "./page-plan.ts";
import { type Add, card, planArchive } from "./plan-listings.ts";

/** The index of every profile. */
export const AUTHORS_INDEX_PATH = "/authors/";

/** What a profile page shows of its profile. */
function profileView(planned: PlannedProfile): ProfileView {
  const { profile, photo } = planned;
  return {
    slug: profile.slug,
    name: profile.name,
    ...(profile.role ? { role: profile.role } : {}),
    ...(profile.bio ? { bio: profile.bio } : {}),
    links: profile.links,
    ...(photo ? { photo: photo.image } : {}),
  };
}

/**
 * Plans every author page, archive and the index; returns the authors' streams (for their feeds
 * and the sitemap) and the other pages the sitemap lists.
 */
export function planAuthorPages(
  add: Add,
  html: string,
  input: PlanInput,
): { streams: Stream[]; pages: PlannedEntry[] } {
  const profiles = input.profiles ?? [];
  const streams = authorStreams(
    profiles.map((planned) => planned.profile),
    input.articles,
  );
  streams.forEach((stream, index) => {
    const planned = profiles[index] as PlannedProfile;
    const ref = streamRef(stream);
    const shown = stream.articles.slice(0, LATEST_COUNT).map(card);
    const hasOlder = stream.articles.length > LATEST_COUNT;
    add(
      "author",
      ref.path,
      keyOf(html, jsonKey(ref), planned.key, String(hasOlder), ...shown.map((c) => c.key)),
      () => ({
        kind: "author",
        path: ref.path,
        stream: ref,
        profile: profileView(planned),
        cards: shown.map((c) => c.spec),
        hasOlder,
      }),
    );
    planArchive(add, html, stream, archiveMonths(stream));
  });
  if (profiles.length === 0) return { streams, pages: [] };

  const collator = new Intl.Collator(input.site.language);
  const listed = [...profiles].sort(
    (a, b) =>
      collator.compare(a.profile.name, b.profile.name) ||
      (a.profile.slug < b.profile.slug ? -1 : 1),
  );
  const listing = (planned: PlannedProfile): AuthorListing => ({
    slug: planned.profile.slug,
    name: planned.profile.name,
    ...(planned.profile.role ? { role: planned.profile.role } : {}),
    ...(planned.photo ? { photo: planned.photo.image } : {}),
  });
  add(
    "authors",
    AUTHORS_INDEX_PATH,
    keyOf(
      html,
      ...listed.map((planned) =>
        jsonKey([{ ...listing(planned), photo: undefined }, planned.photo?.key ?? null]),
      ),
    ),
    () => ({ kind: "authors", path: AUTHORS_INDEX_PATH, profiles: listed.map(listing) }),
  );
  return { streams, pages: [{ path: AUTHORS_INDEX_PATH }] };
}
