/**
 * `list`: headlines with their times, compact; two columns on wide screens. The kind's label and
 * the section stand beside a headline only where they add something.
 */
import type { Site } from "../../scripts/content/model.ts";
import { displayTime } from "../../scripts/site/dates.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";
import type { FrontCard, HeadingLevel } from "./FrontStory.tsx";
import { KindLabel } from "./KindLabel.tsx";

interface LayoutProps {
  readonly cards: readonly FrontCard[];
  readonly site: Site;
  readonly level: HeadingLevel;
  readonly first: boolean;
}

/**
 * Short enough for a row, in the site's zone: `7 Dec, 10:30 am` for a story of today or
 * yesterday (the card's `recent`, in its key), `23 Jun 2019` for an older one, whose time of day
 * no longer helps and whose year must not be left for the reader to guess.
 */
function rowTime(card: FrontCard, site: Site): string {
  const local = card.date.setZone(site.timeZone).setLocale(site.language);
  return local.toFormat(card.view.recent ? "d MMM, h:mm a" : "d MMM yyyy");
}

export function FrontList({ cards, site }: LayoutProps) {
  return (
    <ul class="front-list-rows">
      {cards.map((card) => {
        const kind = card.showKind && card.view.kind ? card.view.kind : undefined;
        return (
          <li class={card.view.kind === "sponsored" ? "front-list-sponsored" : undefined}>
            <time datetime={displayTime(card.date, site).iso}>{rowTime(card, site)}</time>
            <span class="front-list-text">
              {kind ? (
                <>
                  <KindLabel kind={kind} />{" "}
                </>
              ) : null}
              <a href={href(site, card.view.url)}>{curl(card.view.title)}</a>
              {card.showSection ? (
                <span class="front-list-section"> {card.view.section}</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
