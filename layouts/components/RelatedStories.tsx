import type { Site } from "../../scripts/content/model.ts";
import type { CardModel } from "../../scripts/site/page-context.ts";
import { StoryCard } from "./StoryCard.tsx";

/** "Related stories" at the foot of an article: earlier stories sharing its topics or section. */
export function RelatedStories({
  cards,
  site,
}: {
  readonly cards: readonly CardModel[];
  readonly site: Site;
}) {
  if (cards.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related stories</h2>
      <div class="story-grid story-grid-compact">
        {cards.map((card) => (
          <StoryCard card={card} site={site} variant="standard" loading="lazy" level={3} />
        ))}
      </div>
    </section>
  );
}
