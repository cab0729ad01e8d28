/**
 * The synthetic newsroom: a deterministic list of articles, and their Markdown in the two
 * shapes the benchmark builds (Broadsheet's contract, and a plain Eleventy page). Pure: no
 * disk, no clock. The same seed always gives the same articles, byte for byte.
 *
 * Every article has its own generator, seeded from the run's seed and its index, so a 100-article
 * site is exactly the first 100 articles of the 1,000-article one and figures across sizes
 * compare like with like.
 */
import { seededRandom } from "../media/synthetic.ts";
import {
  articleBody,
  between,
  headline,
  personName,
  pick,
  pickDistinct,
  sentence,
} from "./prose.ts";
import { AGENCIES, DATELINES, TAGS } from "./vocabulary.ts";

/** The fixed "now" of every benchmark build (BROADSHEET_NOW): dates are spread over the two years before it. */
export const BENCH_NOW = "2026-01-01T00:00:00+08:00";

/** Credits and focal points of the source photos, by photo index: one image identity per photo. */
export const PHOTO_CREDITS: readonly string[] = ["AFP", "Reuters", "Bloomberg", "EPA", "AP"];
const PHOTO_FOCUS: readonly (readonly [number, number])[] = [
  [0.5, 0.4],
  [0.35, 0.5],
  [0.6, 0.35],
  [0.5, 0.5],
  [0.45, 0.6],
];

/** One in `PHOTO_EVERY` articles has a lead photo. */
export const PHOTO_EVERY = 10;
/** One in `VIDEO_EVERY` articles has a video. */
export const VIDEO_EVERY = 50;

/** The lead photo of a generated article: which source photo, and its front-matter fields. */
export interface BenchPhoto {
  /** Index into the run's source photos. */
  readonly photo: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly focus: readonly [number, number];
}

/** The video of a generated article; its thumbnail is one of the source photos. */
export interface BenchVideo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Index into the run's source photos. */
  readonly thumbnail: number;
  readonly duration: string;
}

/** One generated article, before it is written as Markdown. */
export interface BenchArticle {
  readonly slug: string;
  readonly title: string;
  readonly description?: string;
  /** ISO 8601 with a +08:00 offset. */
  readonly date: string;
  readonly section: string;
  readonly tags: readonly string[];
  readonly dateline?: string;
  readonly sources?: readonly string[];
  readonly authors?: readonly string[];
  readonly image?: BenchPhoto;
  readonly video?: BenchVideo;
  readonly body: string;
}

/** What the generator needs to know about the site and the photos it may use. */
export interface GenerateOptions {
  readonly seed: number;
  /** Section slugs from the site configuration. */
  readonly sections: readonly string[];
  /** How many distinct source photos articles choose from. */
  readonly photoCount: number;
}

/** Mixes the run's seed and an article's index into that article's seed (a murmur3 finaliser). */
export function articleSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ index;
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
  return (h ^ (h >>> 16)) >>> 0;
}

function two(value: number): string {
  return String(value).padStart(2, "0");
}

/** `minutesBack` minutes before {@link BENCH_NOW}, written at +08:00 as the articles' dates are. */
export function minutesBeforeNow(minutesBack: number): string {
  // Shift by the offset and read the UTC fields: the wall-clock time in UTC+8.
  const local = new Date(Date.parse(BENCH_NOW) - minutesBack * 60_000 + 8 * 3_600_000);
  return (
    `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:00+08:00`
  );
}

/** A publication time up to two years before {@link BENCH_NOW}, to the minute. */
function pastDate(random: () => number): string {
  return minutesBeforeNow(1 + Math.floor(random() * 2 * 365 * 24 * 60));
}

/** A slug from the headline's first words and the index, which keeps it unique. */
function slugFor(title: string, index: number): string {
  const stem = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== "")
    .slice(0, 6)
    .join("-");
  return `${stem}-${index + 1}`;
}

/**
 * Article number `index` of the run: always the same for the same seed and index.
 *
 * Who gets media is decided by the index, not by chance, so every size has exactly one in ten
 * with a photo and one in fifty with a video.
 */
export function generateArticle(index: number, options: GenerateOptions): BenchArticle {
  const random = seededRandom(articleSeed(options.seed, index));
  const title = headline(random);
  const hasDescription = random() < 0.6;
  const description = hasDescription ? sentence(random, between(random, 14, 24)) : undefined;
  const date = pastDate(random);
  const section = pick(random, options.sections);
  const tags = pickDistinct(random, TAGS, between(random, 1, 4));
  // Wire stories carry a dateline and agencies; staff stories a byline.
  const wire = random() < 0.5;
  const dateline = wire ? pick(random, DATELINES) : undefined;
  const sources = wire ? pickDistinct(random, AGENCIES, between(random, 1, 3)) : undefined;
  const authors =
    !wire && random() < 0.7
      ? Array.from({ length: between(random, 1, 2) }, () => personName(random))
      : undefined;
  const photoIndex = Math.floor(random() * options.photoCount);
  const image: BenchPhoto | undefined =
    index % PHOTO_EVERY === 0
      ? {
          photo: photoIndex,
          alt: sentence(random, between(random, 8, 14)).slice(0, -1),
          caption: sentence(random, between(random, 10, 20)),
          credit: PHOTO_CREDITS[photoIndex % PHOTO_CREDITS.length] ?? "AFP",
          focus: PHOTO_FOCUS[photoIndex % PHOTO_FOCUS.length] ?? [0.5, 0.5],
        }
      : undefined;
  const video: BenchVideo | undefined =
    index % VIDEO_EVERY === 5
      ? {
          id: String(1_000_000_000_000 + Math.floor(random() * 8_999_999_999_999)),
          title: headline(random),
          description: sentence(random, between(random, 15, 30)),
          thumbnail: Math.floor(random() * options.photoCount),
          duration: `PT${between(random, 0, 4)}M${between(random, 10, 59)}S`,
        }
      : undefined;
  return {
    slug: slugFor(title, index),
    title,
    ...(description !== undefined ? { description } : {}),
    date,
    section,
    tags,
    ...(dateline !== undefined ? { dateline } : {}),
    ...(sources !== undefined ? { sources } : {}),
    ...(authors !== undefined ? { authors } : {}),
    ...(image ? { image } : {}),
    ...(video ? { video } : {}),
    body: articleBody(random, 600),
  };
}

/** The first `count` articles of the run. */
export function generateArticles(count: number, options: GenerateOptions): BenchArticle[] {
  return Array.from({ length: count }, (_, index) => generateArticle(index, options));
}

/**
 * An article published by the "one added" build: number `index` (past the end of the archive,
 * so new to it) dated `minutesBack` minutes before {@link BENCH_NOW} (0: now, the newest on the
 * site), with two tags, as a typical story is filed. Plain text: no photo or video.
 */
export function publishedArticle(
  index: number,
  options: GenerateOptions,
  minutesBack = 0,
): BenchArticle {
  const { image: _image, video: _video, ...article } = generateArticle(index, options);
  const tags = [...article.tags, ...TAGS.filter((tag) => !article.tags.includes(tag))].slice(0, 2);
  return { ...article, date: minutesBeforeNow(minutesBack), tags };
}

/** The file name of an article's lead photo, beside its index.md. */
export const PHOTO_FILE = "photo.jpg";
/** The file name of an article's video thumbnail, beside its index.md. */
export const THUMBNAIL_FILE = "video-thumbnail.jpg";

/** A YAML scalar: a JSON string is a valid double-quoted YAML string. */
function q(text: string): string {
  return JSON.stringify(text);
}

function flowList(items: readonly string[]): string {
  return `[${items.map(q).join(", ")}]`;
}

/**
 * The article as Broadsheet's contract writes it (`content/articles/<slug>/index.md`).
 * With `media: false` the image and video are left out: the no-image variant of the same site.
 */
export function broadsheetMarkdown(article: BenchArticle, media = true): string {
  const lines = [
    "---",
    `title: ${q(article.title)}`,
    ...(article.description !== undefined ? [`description: ${q(article.description)}`] : []),
    `date: ${article.date}`,
    `section: ${article.section}`,
    `tags: ${flowList(article.tags)}`,
    ...(article.dateline !== undefined ? [`dateline: ${article.dateline}`] : []),
    ...(article.sources !== undefined ? [`sources: ${flowList(article.sources)}`] : []),
    ...(article.authors !== undefined ? [`authors: ${flowList(article.authors)}`] : []),
  ];
  if (media && article.image) {
    const { alt, caption, credit, focus } = article.image;
    lines.push(
      "image:",
      `  src: ${PHOTO_FILE}`,
      `  alt: ${q(alt)}`,
      `  caption: ${q(caption)}`,
      `  credit: ${q(credit)}`,
      `  focus: [${focus[0]}, ${focus[1]}]`,
    );
  }
  if (media && article.video) {
    const { id, title, description, duration } = article.video;
    lines.push(
      "video:",
      "  provider: brightcove",
      `  id: "${id}"`,
      `  title: ${q(title)}`,
      `  description: ${q(description)}`,
      `  thumbnail: ${THUMBNAIL_FILE}`,
      `  duration: ${duration}`,
    );
  }
  lines.push("---", "", article.body);
  return lines.join("\n");
}

/** The layout name plain Eleventy pages use (`_includes/<name>`). */
export const PLAIN_LAYOUT = "article.njk";

/** The same article for the plain Eleventy baseline: front matter reduced to title, date and layout. */
export function plainMarkdown(article: BenchArticle): string {
  return [
    "---",
    `title: ${q(article.title)}`,
    `date: ${article.date}`,
    `layout: ${PLAIN_LAYOUT}`,
    "---",
    "",
    article.body,
  ].join("\n");
}
