/**
 * `grid`: cards with photos, three across on wide screens, two on tablets. On phones the first
 * card keeps its photo large and the others become rows, headline beside a small photo, so the
 * page is not a column of identical cards.
 */
import type { Site } from "../../scripts/content/model.ts";
import {
  type FrontCard,
  type HeadingLevel,
  Headline,
  Kicker,
  Standfirst,
  StoryDate,
  storyClass,
} from "./FrontStory.tsx";
import { Picture } from "./Picture.tsx";

/** The card slots, for `sizes`: must match fronts.css. */
const WIDE =
  "(min-width: 1132px) 351px, (min-width: 1040px) calc((100vw - 80px) / 3), (min-width: 640px) calc((100vw - 56px) / 2)";
export const GRID_SIZES = {
  first: `${WIDE}, calc(100vw - 32px)`,
  /** On phones, the row's small photo. */
  other: `${WIDE}, 104px`,
} as const;

interface LayoutProps {
  readonly cards: readonly FrontCard[];
  readonly site: Site;
  readonly level: HeadingLevel;
  readonly first: boolean;
}

export function FrontGrid({ cards, site, level, first }: LayoutProps) {
  return (
    <ul class="front-grid-cards">
      {cards.map((card, index) => (
        <li class={index === 0 ? "front-grid-first" : "front-grid-row"}>
          <article
            class={`${storyClass(card, "card")} ${card.image ? "front-story-photo" : "front-story-text-only"}`}
          >
            {card.image ? (
              <Picture
                image={card.image}
                alt={card.view.alt ?? ""}
                sizes={index === 0 ? GRID_SIZES.first : GRID_SIZES.other}
                loading={first && index === 0 ? "priority" : "lazy"}
                site={site}
              />
            ) : null}
            <div class="front-story-text">
              <Kicker card={card} />
              <Headline card={card} site={site} level={level} class="front-headline" />
              <Standfirst card={card} />
              <StoryDate card={card} site={site} />
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
