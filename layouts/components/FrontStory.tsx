/**
 * The parts every story on a front shares, whatever its container's layout: the kicker (its
 * kind's label and its section, each only where it adds something), the headline linking to the
 * story, the standfirst, and the byline of a signed piece with the date (and time, when recent).
 */
import type { DateTime } from "luxon";
import type { Site } from "../../scripts/content/model.ts";
import type { FrontCardSpec, FrontContainerSpec } from "../../scripts/site/front-specs.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";
import { CardMeta } from "./CardMeta.tsx";
import { KindLabel } from "./KindLabel.tsx";

export type HeadingLevel = 2 | 3;

/** A story on a front as components take it: its spec, and its date as a moment. */
export interface FrontCard extends FrontCardSpec {
  readonly date: DateTime;
}

/** A container as components take it. */
export interface FrontContainerModel extends Omit<FrontContainerSpec, "cards"> {
  readonly cards: readonly FrontCard[];
}

/** The kind's label and the section's name, where they add something; nothing otherwise. */
export function Kicker({ card }: { readonly card: FrontCard }) {
  const kind = card.showKind && card.view.kind ? card.view.kind : undefined;
  if (!kind && !card.showSection) return null;
  return (
    <p class="kicker">
      {kind ? <KindLabel kind={kind} /> : null}
      {kind && card.showSection ? " " : null}
      {card.showSection ? card.view.section : null}
    </p>
  );
}

export function Headline({
  card,
  site,
  level,
  class: className,
}: {
  readonly card: FrontCard;
  readonly site: Site;
  readonly level: HeadingLevel;
  readonly class: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Heading class={className}>
      <a href={href(site, card.view.url)}>{curl(card.view.title)}</a>
    </Heading>
  );
}

export function Standfirst({ card }: { readonly card: FrontCard }) {
  return <p class="front-standfirst">{curl(card.view.description)}</p>;
}

export function StoryDate({ card, site }: { readonly card: FrontCard; readonly site: Site }) {
  return <CardMeta view={card.view} date={card.date} site={site} class="front-meta" />;
}

/** The class of a story on a front: a sponsored piece is set apart in its own colours. */
export function storyClass(card: FrontCard, variant: string): string {
  return `front-story front-story-${variant}${card.view.kind === "sponsored" ? " front-story-sponsored" : ""}`;
}
