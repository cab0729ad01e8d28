/**
 * Finding every author profile and reading only those that changed, with the articles' discipline:
 * a profile whose file and photo have the fingerprints they had at the last build keeps its entry
 * unread; a touched file is read and hashed, and parsed only when its bytes (or the parser)
 * changed. The photo's fingerprint is part of the profile's (taken without following links), so
 * a photo removed or swapped for a link is checked again like an edited profile.
 */
import { lstatSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import {
  AUTHORS_PATH,
  loadProfile,
  type ProfileCard,
  profileFiles,
} from "../content/load-author.ts";
import { fingerprintOf, UNTRUSTED } from "./fingerprint.ts";
import { keyOf, sha256 } from "./hashing.ts";

/** A valid profile as the last build saw it. */
export interface AuthorEntry {
  /** The profile file's fingerprint with the parser's version; {@link UNTRUSTED} never matches. */
  readonly file: string;
  /** Its photo's fingerprint (`none` without one); {@link UNTRUSTED} never matches. */
  readonly photo: string;
  /** The key of everything parsing read: the parser, the slug, the file's bytes. */
  readonly recordKey: string;
  readonly profile: ProfileCard;
}

export interface AuthorScan {
  /** By slug. */
  readonly entries: ReadonlyMap<string, AuthorEntry>;
  readonly issues: readonly ContentIssue[];
  /** Slugs whose profile file is there but not valid: its own issues say why. */
  readonly invalid: ReadonlySet<string>;
  /** How many profiles were parsed (not kept). */
  readonly parsed: number;
}

/** A photo's fingerprint without following a link, or `missing`. */
function photoPrint(root: string, photo: ProfileCard["photo"], seenAt: number): string {
  if (!photo) return "none";
  try {
    return fingerprintOf(lstatSync(path.join(root, AUTHORS_PATH, photo.src)), seenAt);
  } catch {
    return "missing";
  }
}

const trusted = (print: string) => print !== UNTRUSTED;

/** Every profile, by slug; unchanged ones keep their last entry. `parseKey` is the parser's version. */
export function scanAuthors(
  root: string,
  previous: Readonly<Record<string, AuthorEntry>>,
  parseKey: string,
): AuthorScan {
  const { files, issues } = profileFiles(root);
  const entries = new Map<string, AuthorEntry>();
  const invalid = new Set<string>();
  let parsed = 0;
  for (const { name, slug } of files) {
    const absolute = path.join(root, AUTHORS_PATH, name);
    const seenAt = Date.now();
    const before = previous[slug];
    let print: string;
    try {
      print = fingerprintOf(statSync(absolute), seenAt);
    } catch {
      continue; // Removed since the folder was listed: as if it had not been there.
    }
    const file = trusted(print) ? keyOf(parseKey, print) : UNTRUSTED;
    const photo = photoPrint(root, before?.profile.photo, seenAt);
    const photoKept = before !== undefined && trusted(photo) && before.photo === photo;
    if (before && photoKept && trusted(file) && before.file === file) {
      entries.set(slug, before);
      continue;
    }
    const bytes = readFileSync(absolute);
    const recordKey = keyOf(parseKey, slug, sha256(bytes));
    if (before && photoKept && before.recordKey === recordKey) {
      // Touched, not changed: the same bytes and photo as when it was last checked.
      entries.set(slug, { ...before, file });
      continue;
    }
    const loaded = loadProfile(root, slug, bytes);
    parsed++;
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      invalid.add(slug);
      continue;
    }
    const profile = loaded.value;
    entries.set(slug, { file, photo: photoPrint(root, profile.photo, seenAt), recordKey, profile });
  }
  return { entries, issues, invalid, parsed };
}
