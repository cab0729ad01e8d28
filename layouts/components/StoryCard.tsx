import type { Article, Site } from "../../scripts/content/model.ts";
import type { ArticleMedia } from "../../scripts/site/prepare.ts";
import { href } from "../../scripts/site/urls.ts";
import { type Loading, Picture } from "./Picture.tsx";
import { Timestamp } from "./Timestamp.tsx";

interface StoryCardProps {
  readonly article: Article;
  readonly media: ArticleMedia | undefined;
  readonly site: Site;
  /** The lead story is larger and its image is the page's LCP candidate. */
  readonly variant: "lead" | "standard";
  readonly loading: Loading;
  /** Heading level that fits the page's outline. */
  readonly level?: 2 | 3;
}

/** The card slots, for `sizes`: they must match the listing grid in the stylesheet. */
const CARD_SIZES = {
  lead: "(min-width: 1040px) 1000px, 100vw",
  standard: "(min-width: 1040px) 320px, (min-width: 640px) 45vw, 100vw",
} as const;

/** A story in a listing: image, section, headline, standfirst and date, linking to the article. */
export function StoryCard({ article, media, site, variant, loading, level = 2 }: StoryCardProps) {
  const image = media?.image ?? media?.thumbnail;
  const alt = media?.image ? (article.image?.alt ?? "") : "";
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class={`story-card story-card-${variant}`}>
      {image ? (
        <Picture
          image={image}
          alt={alt}
          sizes={CARD_SIZES[variant]}
          loading={loading}
          site={site}
        />
      ) : null}
      <div class="story-card-text">
        <p class="kicker">{article.section.name}</p>
        <Heading class="story-card-title">
          <a href={href(site, article.url)}>{article.title}</a>
        </Heading>
        <p class="story-card-standfirst">{article.description}</p>
        <p class="story-card-meta">
          <Timestamp moment={article.date} site={site} precision="date" />
        </p>
      </div>
    </article>
  );
}
