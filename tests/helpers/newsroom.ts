/**
 * A newsroom's worth of stories for tests and screenshots of fronts: `count` articles written by
 * the benchmark's generator (headlines, standfirsts, tags, datelines), published one every
 * 37 minutes back from the tests' now, spread over every section, with analysis, opinion,
 * explainer and one sponsored piece among them, and a photo on every third (the seed's two
 * stand-in photos, with one focal point each, so the media cache makes each once).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  broadsheetMarkdown,
  generateArticle,
  minutesBeforeNow,
} from "../../scripts/bench/generate.ts";
import { siteSections } from "../../scripts/bench/site.ts";
import type { FixtureSite } from "./fixture-site.ts";
import { REPO_ROOT, SEED_SLUG } from "./fixture-site.ts";

/** What each story of the newsroom is, so tests can pick by kind, section or topic. */
export interface NewsroomStory {
  readonly slug: string;
  readonly title: string;
  readonly section: string;
  readonly kind: string;
  readonly tags: readonly string[];
  readonly photo: boolean;
  /** Minutes before the tests' now (2026-01-01T00:00:00+08:00). */
  readonly minutesBack: number;
}

const SEED_FOLDER = path.join(REPO_ROOT, "content/articles", SEED_SLUG);

/** Every n-th story is of a kind other than news. */
function kindOf(index: number): string {
  if (index === 9) return "sponsored";
  if (index % 7 === 3) return "analysis";
  if (index % 11 === 5) return "opinion";
  if (index % 13 === 8) return "explainer";
  return "news";
}

/** Writes `count` stories into the fixture; returns them newest first. */
export function writeNewsroom(site: FixtureSite, count: number): NewsroomStory[] {
  const sections = siteSections(REPO_ROOT);
  const photos = [
    readFileSync(path.join(SEED_FOLDER, "photo.jpg")),
    readFileSync(path.join(SEED_FOLDER, "video-thumbnail.jpg")),
  ];
  const stories: NewsroomStory[] = [];
  for (let index = 0; index < count; index++) {
    // No videos: their thumbnails would be more images to make, and fronts show photos.
    const {
      video: _video,
      image: _image,
      ...generated
    } = generateArticle(index, {
      seed: 21,
      sections,
      photoCount: 1,
    });
    const minutesBack = 30 + index * 37;
    const kind = kindOf(index);
    const tags = index % 4 === 0 ? ["North Korea", ...generated.tags] : [...generated.tags];
    const photo = index % 3 === 0;
    const which = index % 2;
    const markdown = broadsheetMarkdown(
      {
        ...generated,
        date: minutesBeforeNow(minutesBack),
        tags,
        // An opinion piece names its author.
        ...(kind === "opinion" ? { authors: ["Tan Hui Yee"] } : {}),
        ...(photo
          ? {
              image: {
                photo: 0,
                alt:
                  which === 0
                    ? "A desk by a window, a letter in the lamplight."
                    : "An empty briefing podium before a blue curtain.",
                caption: "A stand-in photograph.",
                credit: "AFP",
                focus: [0.5, 0.5] as const,
              },
            }
          : {}),
      },
      true,
    ).replace("\n---\n", `\n${kind === "news" ? "" : `kind: ${kind}\n`}---\n`);
    const slug = generated.slug;
    site.article(slug, markdown);
    if (photo) site.file(slug, "photo.jpg", photos[which] as Buffer);
    stories.push({
      slug,
      title: generated.title,
      section: generated.section,
      kind,
      tags,
      photo,
      minutesBack,
    });
  }
  return stories;
}
