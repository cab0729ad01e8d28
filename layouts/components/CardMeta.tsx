import type { DateTime } from "luxon";
import type { Site } from "../../scripts/content/model.ts";
import type { CardView } from "../../scripts/site/card-view.ts";
import { curl } from "../../scripts/site/typography.ts";
import { Timestamp } from "./Timestamp.tsx";

/**
 * A card's last line: who wrote a signed piece (opinion, analysis, a review), and when it was
 * published: the day and time for a story of today or yesterday, the date for an older one.
 */
export function CardMeta({
  view,
  date,
  site,
  class: className,
}: {
  readonly view: CardView;
  readonly date: DateTime;
  readonly site: Site;
  readonly class: string;
}) {
  return (
    <p class={className}>
      {view.byline ? <span class="card-byline">By {curl(view.byline)}</span> : null}
      <Timestamp moment={date} site={site} precision={view.recent ? "day-time" : "date"} />
    </p>
  );
}
