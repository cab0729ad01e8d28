/**
 * `lead`: one story large, with its photo, standfirst and date, and the others as headlines
 * with their standfirsts beside it on wide screens (below it on phones, headlines only).
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

/** The lead photo's slot, for `sizes`: must match fronts.css. */
export const LEAD_SIZES =
  "(min-width: 1132px) 712px, (min-width: 960px) calc((100vw - 64px) * 2 / 3), (min-width: 640px) calc(100vw - 32px), 100vw";

interface LayoutProps {
  readonly cards: readonly FrontCard[];
  readonly site: Site;
  readonly level: HeadingLevel;
  /** The page's first container: its lead photo is fetched first. */
  readonly first: boolean;
}

export function FrontLead({ cards, site, level, first }: LayoutProps) {
  const [lead, ...rest] = cards;
  if (!lead) return null;
  return (
    <div
      class={`front-lead-body${lead.image ? "" : " front-lead-no-photo"}${rest.length > 0 ? "" : " front-lead-alone"}`}
    >
      <article class={storyClass(lead, "lead")}>
        {lead.image ? (
          <Picture
            image={lead.image}
            alt={lead.view.alt ?? ""}
            sizes={LEAD_SIZES}
            loading={first ? "priority" : "lazy"}
            site={site}
          />
        ) : null}
        <div class="front-story-text">
          <Kicker card={lead} />
          <Headline
            card={lead}
            site={site}
            level={level}
            class="front-headline front-headline-lead"
          />
          <Standfirst card={lead} />
          <StoryDate card={lead} site={site} />
        </div>
      </article>
      {rest.length > 0 ? (
        <ul class="front-lead-rest">
          {rest.map((card) => (
            <li>
              <article class={storyClass(card, "secondary")}>
                <Kicker card={card} />
                <Headline card={card} site={site} level={level} class="front-headline" />
                <Standfirst card={card} />
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
