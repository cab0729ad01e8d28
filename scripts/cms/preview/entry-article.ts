/**
 * The web editor's entry as the site's article model, for the preview: what the form holds now
 * (saved or not), read leniently, because the preview follows every keystroke and half a form is
 * normal while writing. What the build would refuse is said in `problems`, in the build's words
 * where it can be, and the page is drawn with what there is. No Node APIs: this runs in the
 * editor's browser, bundled with the CMS (assets/admin/cms.js).
 */
import { type DateTime, Duration } from "luxon";
import { dateOrderIssues } from "../../content/article-schema.ts";
import type { BodyPhoto } from "../../content/body/blocks.ts";
import { bodyMediaOf, bodyPhotos } from "../../content/body/blocks.ts";
import type { BylineEntry } from "../../content/byline-entry.ts";
import { creditOf } from "../../content/credit.ts";
import { datelineLead } from "../../content/dateline.ts";
import { parseOffsetDate } from "../../content/dates.ts";
import { markSponsoredLinks } from "../../content/editorial-rules.ts";
import { ARTICLE_KINDS, type ArticleKind, CORRECTION_TYPES } from "../../content/kinds.ts";
import { excerpt, renderBody } from "../../content/markdown.ts";
import type { Article, Correction, Section, Site } from "../../content/model.ts";
import type { BylineSpec } from "../../site/bylines.ts";
import { authorPath } from "../../site/urls.ts";

/** An author profile as the preview shows it in a byline. */
export interface PreviewProfile {
  readonly slug: string;
  readonly name: string;
  readonly role?: string;
}

/** The entry as an article, the byline resolved, its photos, and what the build would refuse. */
export interface EntryArticle {
  readonly article: Article;
  readonly byline?: readonly BylineSpec[];
  readonly photos: readonly BodyPhoto[];
  readonly problems: readonly string[];
}

type Data = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => text(item) ?? []) : [];
}

function group(value: unknown): Data | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Data)
    : undefined;
}

function moment(value: unknown, label: string, problems: string[]): DateTime | undefined {
  const written = typeof value === "string" ? value : undefined;
  if (!written) return undefined;
  const parsed = parseOffsetDate(written);
  if (parsed.ok) return parsed.value;
  problems.push(`${label}: ${parsed.message}`);
  return undefined;
}

/** `authors` entries: text, or `{name: ...}` (shown as written). */
function bylineEntries(value: unknown): BylineEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): BylineEntry[] => {
    if (typeof item === "string") return item.trim() ? [item.trim()] : [];
    const name = text(group(item)?.name);
    return name ? [{ name }] : [];
  });
}

/** Each entry as the byline shows it: a profile's name, role and page, or the name as written. */
function resolve(
  entries: readonly BylineEntry[],
  profiles: readonly PreviewProfile[],
): BylineSpec[] {
  return entries.map((entry): BylineSpec => {
    if (typeof entry !== "string") return { name: entry.name };
    const profile = profiles.find(
      (candidate) => candidate.slug === entry || candidate.name === entry,
    );
    if (!profile) return { name: entry };
    return {
      name: profile.name,
      path: authorPath(profile.slug),
      ...(profile.role ? { role: profile.role } : {}),
    };
  });
}

function isKind(value: unknown): value is ArticleKind {
  return (ARTICLE_KINDS as readonly unknown[]).includes(value);
}

/**
 * The entry's fields as an article. `now` stands in for a date not given yet, so the page still
 * draws; the problem says so.
 */
export function entryArticle(
  data: Data,
  site: Site,
  profiles: readonly PreviewProfile[],
  now: DateTime,
): EntryArticle {
  const problems: string[] = [];
  const title = text(data.title);
  if (!title) problems.push("Headline: write the headline; every article needs one.");
  const date = moment(data.date, "Published", problems);
  if (!data.date) problems.push("Published: give the date and time of first publication.");
  const updated = moment(data.updated, "Updated", problems);
  const sectionSlug = text(data.section);
  const section: Section | undefined = site.sections.find(
    (candidate) => candidate.slug === sectionSlug,
  );
  if (!section) problems.push("Section: choose the section the article belongs to.");
  const shownSection = section ?? site.sections[0] ?? { slug: "section", name: "Section" };
  const kind = isKind(data.kind) ? data.kind : "news";
  const sources = texts(data.sources);
  const entries = bylineEntries(data.authors);
  const dateline = text(data.dateline);
  const markdown = typeof data.body === "string" ? data.body : "";
  if (markdown.trim() === "") problems.push("Story: write the article's text.");
  const body = renderBody(markdown, datelineLead(dateline, sources), 1);
  for (const issue of body.issues) problems.push(`Story, ${issue.message} ${issue.fix}`);
  const corrections = (Array.isArray(data.corrections) ? data.corrections : []).flatMap(
    (item, index): Correction[] => {
      const correction = group(item);
      const when = moment(correction?.date, `Correction ${index + 1}`, problems);
      const what = text(correction?.text);
      if (!when || !what) return [];
      const type = CORRECTION_TYPES.find((candidate) => candidate === correction?.type);
      return [{ date: when, text: what, type: type ?? "correction" }];
    },
  );
  // The rules between fields the build keeps (article-schema.ts, editorial-rules.ts), said as the
  // form names the fields: the editor learns before saving, not when the deploy fails.
  // A field the form left empty is absent, as in the file the CMS saves.
  const given = Object.fromEntries(
    Object.entries(data).filter(
      ([, value]) => value !== "" && value !== null && value !== undefined,
    ),
  );
  for (const issue of dateOrderIssues(given)) {
    const [field, index] = issue.path;
    const name =
      field === "corrections"
        ? `Correction ${Number(index) + 1}, date`
        : field === "ended"
          ? "Coverage ended"
          : "Updated";
    problems.push(`${name}: ${issue.message}.`);
  }
  if (kind === "opinion" && entries.length === 0) {
    problems.push("Authors: an opinion piece names at least one author; choose its author.");
  }
  const image = group(data.image);
  const imageSrc = text(image?.src);
  const video = group(data.video);
  const thumbnail = text(video?.thumbnail);
  const videoId = text(video?.id);
  const duration = text(video?.duration);
  const focus = Array.isArray(image?.focus) ? image.focus.map(Number) : [];
  const article: Article = {
    slug: "preview",
    sourcePath: "",
    url: `/${shownSection.slug}/preview/`,
    title: title ?? "Headline",
    description: text(data.description) ?? excerpt(body.firstParagraph ?? title ?? ""),
    ...(text(data.description) ? { standfirst: text(data.description) as string } : {}),
    date: date ?? now,
    ...(updated ? { updated } : {}),
    section: shownSection,
    tags: texts(data.tags),
    ...(dateline ? { dateline } : {}),
    sources,
    authors: entries,
    credit: creditOf(entries, sources),
    kind,
    corrections,
    ...(imageSrc
      ? {
          image: {
            src: imageSrc,
            path: imageSrc,
            alt: text(image?.alt) ?? "",
            ...(text(image?.caption) ? { caption: text(image?.caption) as string } : {}),
            ...(text(image?.credit) ? { credit: text(image?.credit) as string } : {}),
            focus: [focus[0] ?? 0.5, focus[1] ?? 0.5],
          },
        }
      : {}),
    ...(thumbnail && videoId
      ? {
          video: {
            provider: "brightcove",
            id: videoId,
            ...(text(video?.title) ? { title: text(video?.title) as string } : {}),
            ...(text(video?.description)
              ? { description: text(video?.description) as string }
              : {}),
            thumbnail: { src: thumbnail, path: thumbnail },
            ...(duration && Duration.fromISO(duration).isValid
              ? { duration: Duration.fromISO(duration) }
              : {}),
          },
        }
      : {}),
    draft: data.draft === true,
    bodyLinks: [],
    ...(bodyMediaOf(body.blocks) ? { bodyMedia: bodyMediaOf(body.blocks) } : {}),
    body: markSponsoredLinks(body.blocks, kind),
    bodyText: body.text,
  };
  return {
    article,
    ...(entries.length > 0 ? { byline: resolve(entries, profiles) } : {}),
    photos: bodyPhotos(body.blocks),
    problems,
  };
}
