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

/** `23 Jun, 11:05 am`: short enough for a row, in the site's zone. */
function rowTime(card: FrontCard, site: Site): string {
  return card.date.setZone(site.timeZone).setLocale(site.language).toFormat("d MMM, h:mm a");
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
