import type { Article, Site } from "../../scripts/content/model.ts";
import type { ArticleMedia } from "../../scripts/site/prepare.ts";
import { StoryCard } from "./StoryCard.tsx";

interface RelatedStoriesProps {
  readonly articles: readonly Article[];
  readonly media: ReadonlyMap<string, ArticleMedia>;
  readonly site: Site;
}

/** "Related stories" at the foot of an article: shared topics first, then the same section. */
export function RelatedStories({ articles, media, site }: RelatedStoriesProps) {
  if (articles.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related stories</h2>
      <div class="story-grid story-grid-compact">
        {articles.map((article) => (
          <StoryCard
            article={article}
            media={media.get(article.url)}
            site={site}
            variant="standard"
            loading="lazy"
            level={3}
          />
        ))}
      </div>
    </section>
  );
}
