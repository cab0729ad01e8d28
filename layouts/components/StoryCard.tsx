import { kindLabel } from "../../scripts/content/kinds.ts";
import type { Site } from "../../scripts/content/model.ts";
import type { CardModel } from "../../scripts/site/page-context.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";
import { CardMeta } from "./CardMeta.tsx";
import { KindLabel } from "./KindLabel.tsx";
import { type Loading, Picture } from "./Picture.tsx";

interface StoryCardProps {
  readonly card: CardModel;
  readonly site: Site;
  /** The lead story is larger and its image is the page's LCP candidate. */
  readonly variant: "lead" | "standard";
  readonly loading: Loading;
  /** Heading level that fits the page's outline. */
  readonly level?: 2 | 3;
  /** Name the story's section: not on that section's own page, where it would say nothing. */
  readonly showSection?: boolean;
}

/** The card slots, for `sizes`: they must match the listing grid in the stylesheet. */
const CARD_SIZES = {
  lead: "(min-width: 1040px) 1000px, 100vw",
  standard: "(min-width: 1040px) 320px, (min-width: 640px) 45vw, 100vw",
} as const;

/**
 * A story in a listing: image, kind label (a piece that is not news) and section, headline,
 * standfirst, the byline of a signed piece and the date (with the time for a recent story),
 * linking to the article. A sponsored story's card is set apart.
 */
export function StoryCard({
  card,
  site,
  variant,
  loading,
  level = 2,
  showSection = true,
}: StoryCardProps) {
  const { view, image } = card;
  const Heading = level === 2 ? "h2" : "h3";
  // An opinion piece in a section called Opinion is labelled once, not "OPINION OPINION".
  const sectionShown =
    showSection && kindLabel(view.kind, view.ended)?.toLowerCase() !== view.section.toLowerCase();
  const kicker = view.kind || sectionShown;
  return (
    <article
      class={`story-card story-card-${variant}${view.kind === "sponsored" ? " story-card-sponsored" : ""}${image ? "" : " story-card-text-only"}`}
    >
      {image ? (
        <Picture
          image={image}
          alt={view.alt ?? ""}
          sizes={CARD_SIZES[variant]}
          loading={loading}
          site={site}
        />
      ) : null}
      <div class="story-card-text">
        {kicker ? (
          <p class="kicker">
            {view.kind ? <KindLabel kind={view.kind} ended={view.ended} /> : null}
            {view.kind && sectionShown ? " " : null}
            {sectionShown ? view.section : null}
          </p>
        ) : null}
        <Heading class="story-card-title">
          <a href={href(site, view.url)}>{curl(view.title)}</a>
        </Heading>
        <p class="story-card-standfirst">{curl(view.description)}</p>
        <CardMeta view={view} date={card.date} site={site} class="story-card-meta" />
      </div>
    </article>
  );
}
