/**
 * Articles as plain data. The build keeps every article between builds and hands pages to render
 * workers, so an article must survive JSON: dates become ISO strings (offset as written) with
 * their epoch milliseconds beside them for sorting, durations ISO strings, and media files their
 * names (the absolute path is found again from the project root). `revive*` turns them back into
 * the luxon-typed {@link ArticleSummary} and {@link Article} the layouts take, exactly as loaded.
 */
import path from "node:path";
import { DateTime, Duration } from "luxon";
import type { BodyBlock, BodyMedia } from "./body/blocks.ts";
import type { BylineEntry } from "./byline-entry.ts";
import { creditOf } from "./credit.ts";
import type { ArticleKind, CorrectionType } from "./kinds.ts";

export { creditOf } from "./credit.ts";

import type {
  Article,
  ArticleSummary,
  BodyLink,
  BrightcoveVideo,
  Correction,
  LeadImage,
  Section,
} from "./model.ts";

/** Where a field naming a file was written in index.md, for messages about the file. */
interface Position {
  readonly line?: number;
  readonly column?: number;
}

/** The lead photo as plain data. */
export interface ImageCard extends Position {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly focus: readonly [number, number];
}

/** The video as plain data. */
export interface VideoCard {
  readonly provider: "brightcove";
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly thumbnail: { readonly src: string } & Position;
  /** ISO 8601 duration, e.g. `PT1M12S`. */
  readonly duration?: string;
}

/** A correction as plain data. */
export interface CorrectionCard {
  /** ISO 8601 with the offset the editor wrote. */
  readonly date: string;
  readonly dateMs: number;
  readonly text: string;
  readonly type: CorrectionType;
}

/**
 * An article without its body, as plain JSON-able data: what the build keeps for every article
 * between builds, and what listings, archives, related stories and sitemaps are planned from.
 */
export interface ArticleCard {
  readonly slug: string;
  readonly sourcePath: string;
  readonly url: string;
  readonly title: string;
  readonly description: string;
  readonly standfirst?: string;
  /** ISO 8601 with the offset the editor wrote. */
  readonly date: string;
  /** The same instant, for sorting and windows without parsing. */
  readonly dateMs: number;
  readonly updated?: string;
  readonly updatedMs?: number;
  readonly section: Section;
  readonly tags: readonly string[];
  readonly dateline?: string;
  readonly sources: readonly string[];
  readonly authors: readonly BylineEntry[];
  /** Absent for news, the default, so the cards of news stories stay as they were. */
  readonly kind?: Exclude<ArticleKind, "news">;
  /** Oldest first; absent when there are none. Listings and sitemaps date an article by them. */
  readonly corrections?: readonly CorrectionCard[];
  readonly image?: ImageCard;
  readonly video?: VideoCard;
  readonly draft: boolean;
  /** A live blog's end of coverage, as written, and its epoch milliseconds. */
  readonly ended?: string;
  readonly endedMs?: number;
  readonly bodyLinks: readonly BodyLink[];
  /** The body's photos and embed providers: what the media stage and the page plan need of it. */
  readonly bodyMedia?: BodyMedia;
  /** Hand-picked related stories' slugs, in order; absent when none are picked. */
  readonly related?: readonly string[];
}

/** A whole article as plain data: its card and its body. What the parse cache stores. */
export interface ArticleRecord {
  readonly card: ArticleCard;
  readonly body: readonly BodyBlock[];
  readonly bodyText: string;
}

/** ISO 8601 to the millisecond, keeping the zone the date was written in. */
function isoOf(moment: DateTime): string {
  const iso = moment.toISO({ includeOffset: true });
  if (!iso) throw new Error(`an invalid date reached the card: ${moment.invalidExplanation}`);
  return iso;
}

function position(file: { readonly line?: number; readonly column?: number }): Position {
  return {
    ...(file.line === undefined ? {} : { line: file.line }),
    ...(file.column === undefined ? {} : { column: file.column }),
  };
}

function durationIso(duration: Duration): string {
  const iso = duration.toISO();
  if (!iso) throw new Error(`an invalid duration reached the card: ${duration.invalidExplanation}`);
  return iso;
}

/** The card of a loaded article (its body left out). */
export function cardOf(article: ArticleSummary): ArticleCard {
  const { image, video } = article;
  return {
    slug: article.slug,
    sourcePath: article.sourcePath,
    url: article.url,
    title: article.title,
    description: article.description,
    ...(article.standfirst === undefined ? {} : { standfirst: article.standfirst }),
    date: isoOf(article.date),
    dateMs: article.date.toMillis(),
    ...(article.updated
      ? { updated: isoOf(article.updated), updatedMs: article.updated.toMillis() }
      : {}),
    section: { slug: article.section.slug, name: article.section.name },
    tags: [...article.tags],
    ...(article.dateline === undefined ? {} : { dateline: article.dateline }),
    sources: [...article.sources],
    authors: [...article.authors],
    ...(article.kind === "news" ? {} : { kind: article.kind }),
    ...(article.corrections.length > 0
      ? {
          corrections: article.corrections.map((correction) => ({
            date: isoOf(correction.date),
            dateMs: correction.date.toMillis(),
            text: correction.text,
            type: correction.type,
          })),
        }
      : {}),
    ...(image
      ? {
          image: {
            src: image.src,
            ...position(image),
            alt: image.alt,
            ...(image.caption === undefined ? {} : { caption: image.caption }),
            ...(image.credit === undefined ? {} : { credit: image.credit }),
            focus: [image.focus[0], image.focus[1]],
          },
        }
      : {}),
    ...(video
      ? {
          video: {
            provider: video.provider,
            id: video.id,
            ...(video.title === undefined ? {} : { title: video.title }),
            ...(video.description === undefined ? {} : { description: video.description }),
            thumbnail: { src: video.thumbnail.src, ...position(video.thumbnail) },
            ...(video.duration ? { duration: durationIso(video.duration) } : {}),
          },
        }
      : {}),
    draft: article.draft,
    ...(article.ended ? { ended: isoOf(article.ended), endedMs: article.ended.toMillis() } : {}),
    bodyLinks: article.bodyLinks.map((link) => ({ url: link.url, line: link.line })),
    ...(article.bodyMedia ? { bodyMedia: article.bodyMedia } : {}),
    ...(article.related ? { related: [...article.related] } : {}),
  };
}

/** The record of a loaded article: its card and its body. */
export function recordOf(article: Article): ArticleRecord {
  return { card: cardOf(article), body: article.body, bodyText: article.bodyText };
}

function date(iso: string): DateTime {
  const moment = DateTime.fromISO(iso, { setZone: true });
  if (!moment.isValid) throw new Error(`a stored article date does not parse: ${iso}`);
  return moment;
}

/** The article's folder on disk, from the project root and its source path. */
function folderOf(root: string, card: Pick<ArticleCard, "sourcePath">): string {
  return path.join(root, path.dirname(card.sourcePath));
}

function reviveImage(card: ImageCard, folder: string): LeadImage {
  return {
    src: card.src,
    path: path.join(folder, card.src),
    ...position(card),
    alt: card.alt,
    ...(card.caption === undefined ? {} : { caption: card.caption }),
    ...(card.credit === undefined ? {} : { credit: card.credit }),
    focus: [card.focus[0], card.focus[1]],
  };
}

function reviveVideo(card: VideoCard, folder: string): BrightcoveVideo {
  return {
    provider: card.provider,
    id: card.id,
    ...(card.title === undefined ? {} : { title: card.title }),
    ...(card.description === undefined ? {} : { description: card.description }),
    thumbnail: {
      src: card.thumbnail.src,
      path: path.join(folder, card.thumbnail.src),
      ...position(card.thumbnail),
    },
    ...(card.duration ? { duration: Duration.fromISO(card.duration) } : {}),
  };
}

/** A card back as the summary the layouts take. `root` is the project root. */
export function reviveSummary(card: ArticleCard, root: string): ArticleSummary {
  const folder = folderOf(root, card);
  return {
    slug: card.slug,
    sourcePath: card.sourcePath,
    url: card.url,
    title: card.title,
    description: card.description,
    ...(card.standfirst === undefined ? {} : { standfirst: card.standfirst }),
    date: date(card.date),
    ...(card.updated === undefined ? {} : { updated: date(card.updated) }),
    section: card.section,
    tags: card.tags,
    ...(card.dateline === undefined ? {} : { dateline: card.dateline }),
    sources: card.sources,
    authors: card.authors,
    credit: creditOf(card.authors, card.sources),
    kind: card.kind ?? "news",
    corrections: (card.corrections ?? []).map(
      (correction): Correction => ({
        date: date(correction.date),
        text: correction.text,
        type: correction.type,
      }),
    ),
    ...(card.image ? { image: reviveImage(card.image, folder) } : {}),
    ...(card.video ? { video: reviveVideo(card.video, folder) } : {}),
    draft: card.draft,
    ...(card.ended === undefined ? {} : { ended: date(card.ended) }),
    bodyLinks: card.bodyLinks,
    ...(card.bodyMedia ? { bodyMedia: card.bodyMedia } : {}),
    ...(card.related ? { related: card.related } : {}),
  };
}

/** A record back as the whole article. */
export function reviveArticle(record: ArticleRecord, root: string): Article {
  return {
    ...reviveSummary(record.card, root),
    body: record.body,
    bodyText: record.bodyText,
  };
}
