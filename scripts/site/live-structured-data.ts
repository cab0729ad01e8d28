/**
 * A live blog's JSON-LD: the article's graph (structured-data.ts) with its node a
 * `LiveBlogPosting`, as Google's live blog markup and the BBC's Simorgh have it: when coverage
 * started and, once over, ended, and the updates the first page shows as `liveBlogUpdate`
 * BlogPostings, newest first, each identified by its permanent link. Typed by schema-dts.
 */

import { DateTime } from "luxon";
import type { BlogPosting, Graph, LiveBlogPosting, Person } from "schema-dts";
import { excerpt } from "../content/markdown.ts";
import type { Article, Site } from "../content/model.ts";
import type { BylineSpec } from "./bylines.ts";
import { isoWithOffset } from "./dates.ts";
import { feedImageFile } from "./feeds/channels.ts";
import { imageUrl } from "./image-urls.ts";
import type { LiveUpdateSpec } from "./live-specs.ts";
import { type ArticleMedia, articleGraph } from "./structured-data.ts";
import { absoluteUrl } from "./urls.ts";

/**
 * At most this many updates are described, newest first: Google reads the latest, and a page
 * of a long blog must not carry its whole history twice.
 *
 * @default 50
 */
export const STRUCTURED_UPDATES = 50;

/**
 * Headlines Google shows in full.
 *
 * @default 110
 */
const HEADLINE_LENGTH = 110;

function inZone(iso: string, site: Site): string {
  return isoWithOffset(DateTime.fromISO(iso, { setZone: true }).setZone(site.timeZone));
}

/** One update as a BlogPosting; `fallback` is the blog's own author when it names none. */
function blogPosting(
  update: LiveUpdateSpec,
  site: Site,
  fallback: LiveBlogPosting["author"],
): BlogPosting {
  const url = absoluteUrl(site, update.permalink);
  const photo = update.images[0];
  const authors =
    update.byline?.map(
      (author): Person => ({
        "@type": "Person",
        name: author.name,
        url: author.path ? absoluteUrl(site, author.path) : undefined,
      }),
    ) ?? [];
  return {
    "@type": "BlogPosting",
    "@id": url,
    url,
    headline: update.card.title ?? excerpt(update.bodyText, HEADLINE_LENGTH),
    articleBody: update.bodyText,
    datePublished: inZone(update.card.time, site),
    author: authors.length > 0 ? authors : fallback,
    image: photo ? imageUrl(site, feedImageFile(photo)) : undefined,
  };
}

/**
 * The first page's graph. `updates` are the updates it shows, newest first; `ended` the end of
 * coverage (ISO 8601 as written) once it has come.
 */
export function liveBlogGraph(
  article: Article,
  site: Site,
  media: ArticleMedia,
  logoPath: string,
  byline: readonly BylineSpec[] | undefined,
  updates: readonly LiveUpdateSpec[],
  ended: string | undefined,
): Graph {
  const graph = articleGraph(article, site, media, logoPath, byline);
  const id = `${absoluteUrl(site, article.url)}#article`;
  const nodes = graph["@graph"].map((node) => {
    if (typeof node !== "object" || node === null || !("@id" in node) || node["@id"] !== id) {
      return node;
    }
    const blog = node as LiveBlogPosting & { "@type": "LiveBlogPosting" };
    const live: LiveBlogPosting = {
      ...blog,
      coverageStartTime: isoWithOffset(article.date.setZone(site.timeZone)),
      coverageEndTime: ended === undefined ? undefined : inZone(ended, site),
      liveBlogUpdate: updates
        .slice(0, STRUCTURED_UPDATES)
        .map((update) => blogPosting(update, site, blog.author)),
    };
    return live;
  });
  return { ...graph, "@graph": nodes };
}
