/**
 * Synthetic stories for tests of the page plan: story `n` is published `n` hours before
 * {@link NOW}, so the higher the number, the older the story.
 */
import { DateTime } from "luxon";
import type { Article, Site } from "../../scripts/content/model.ts";

export const SITE: Site = {
  name: "The Test Gazette",
  origin: "https://example.org",
  pathPrefix: "/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [
    { slug: "asia", name: "Asia" },
    { slug: "world", name: "World" },
    { slug: "sport", name: "Sport" },
  ],
  brightcove: { accountId: "1", playerId: "default" },
  logo: { src: "logo.svg", alt: "The Test Gazette" },
  promotion: { text: "Subscribe." },
};

export const NOW = DateTime.fromISO("2026-01-01T00:00:00+08:00", { setZone: true });

/** Story `n`, published `n` hours before NOW: the higher the number, the older the story. */
export function story(n: number, overrides: Partial<Article> = {}): Article {
  const section = overrides.section ?? { slug: "asia", name: "Asia" };
  return {
    slug: `story-${n}`,
    sourcePath: `content/articles/story-${n}/index.md`,
    url: `/${section.slug}/story-${n}/`,
    title: `Story ${n}`,
    description: `Standfirst ${n}.`,
    date: NOW.minus({ hours: n }),
    section,
    tags: [],
    sources: [],
    authors: [],
    credit: { kind: "staff" },
    kind: "news",
    corrections: [],
    draft: false,
    bodyLinks: [],
    body: [{ kind: "html", html: `<p>Body ${n}.</p>\n` }],
    bodyText: `Body ${n}.`,
    ...overrides,
  };
}

/** Stories 1..count, one an hour back from NOW. */
export function stories(count: number, overrides: (n: number) => Partial<Article> = () => ({})) {
  return Array.from({ length: count }, (_, index) => story(index + 1, overrides(index + 1)));
}
