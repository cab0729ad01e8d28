/**
 * The structured data of editorial standards, typed by schema-dts like the rest: the article's
 * type by its kind, its authors as people with their profile pages, its corrections, and the
 * `ProfilePage` of an author. Agencies stay organisations (structured-data.ts): only bylines
 * become people.
 */
import type {
  CorrectionComment,
  IdReference,
  ImageObject,
  Organization,
  Person,
  ProfilePage,
} from "schema-dts";
import type { ArticleKind } from "../content/kinds.ts";
import type { ArticleSummary, Site } from "../content/model.ts";
import type { BylineSpec } from "./bylines.ts";
import { isoWithOffset } from "./dates.ts";
import type { ProfileView } from "./editorial-specs.ts";
import { imageUrl } from "./image-urls.ts";
import { absoluteUrl } from "./urls.ts";

/**
 * schema.org's type for each kind: the NewsArticle subtypes for analysis, opinion, reviews and
 * explainers (background), NewsArticle itself for news and obituaries, and
 * AdvertiserContentArticle for sponsored pieces, which are not journalism, and LiveBlogPosting
 * for live coverage (its updates are added by scripts/site/live-structured-data.ts).
 */
export const ARTICLE_TYPES = {
  news: "NewsArticle",
  analysis: "AnalysisNewsArticle",
  opinion: "OpinionNewsArticle",
  review: "ReviewNewsArticle",
  explainer: "BackgroundNewsArticle",
  obituary: "NewsArticle",
  sponsored: "AdvertiserContentArticle",
  live: "LiveBlogPosting",
} as const satisfies { readonly [kind in ArticleKind]: string };

/** A profile's Person node id, on its page: articles name the same person. */
export function personId(site: Site, path: string): string {
  return `${absoluteUrl(site, path)}#person`;
}

/** One byline name as a Person: with a profile, its page as `url` and its links as `sameAs`. */
function person(site: Site, author: BylineSpec): Person {
  return {
    "@type": "Person",
    "@id": author.path ? personId(site, author.path) : undefined,
    name: author.name,
    url: author.path ? absoluteUrl(site, author.path) : undefined,
    jobTitle: author.role,
    sameAs: author.links && author.links.length > 0 ? [...author.links] : undefined,
  };
}

/**
 * The article's `author`: its byline as people (resolved against profiles when `byline` is
 * given, else the names as written), else the agencies as organisations, else the publisher.
 */
export function authorNodes(
  article: Pick<ArticleSummary, "credit">,
  site: Site,
  publisher: IdReference,
  byline?: readonly BylineSpec[],
): Person[] | Organization[] | IdReference {
  switch (article.credit.kind) {
    case "authors":
      return (byline ?? article.credit.names.map((name) => ({ name }))).map((author) =>
        person(site, author),
      );
    case "agencies":
      return article.credit.names.map((name): Organization => ({ "@type": "Organization", name }));
    case "staff":
      return publisher;
  }
}

/** The article's corrections, oldest first, as schema.org asks: CorrectionComments, dated in the site's zone as the page shows them. */
export function correctionNodes(
  article: Pick<ArticleSummary, "corrections">,
  site: Pick<Site, "timeZone">,
): CorrectionComment[] | undefined {
  if (article.corrections.length === 0) return undefined;
  return article.corrections.map(
    (correction): CorrectionComment => ({
      "@type": "CorrectionComment",
      text: correction.text,
      datePublished: isoWithOffset(correction.date.setZone(site.timeZone)),
    }),
  );
}

/**
 * A profile page's graph: the `ProfilePage` whose `mainEntity` is the author as a `Person`
 * (Google's profile page markup), with the photo's square crop as the person's image.
 */
export function profileGraph(
  profile: ProfileView,
  site: Site,
  path: string,
): { "@context": "https://schema.org"; "@graph": [ProfilePage] } {
  const url = absoluteUrl(site, path);
  const image: ImageObject | undefined = profile.photo && {
    "@type": "ImageObject",
    url: imageUrl(site, profile.photo.crops["1x1"]),
    width: { "@type": "QuantitativeValue", value: profile.photo.crops["1x1"].width },
    height: { "@type": "QuantitativeValue", value: profile.photo.crops["1x1"].height },
  };
  const page: ProfilePage = {
    "@type": "ProfilePage",
    "@id": url,
    url,
    name: `${profile.name} | ${site.name}`,
    inLanguage: site.language,
    mainEntity: {
      "@type": "Person",
      "@id": personId(site, path),
      name: profile.name,
      url,
      jobTitle: profile.role,
      description: profile.bio,
      image,
      sameAs: profile.links.length > 0 ? [...profile.links] : undefined,
    },
  };
  return { "@context": "https://schema.org", "@graph": [page] };
}
