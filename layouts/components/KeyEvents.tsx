import type { Site } from "../../scripts/content/model.ts";
import type { KeyEventSpec } from "../../scripts/site/live-specs.ts";
import { updateTime } from "../../scripts/site/live-view.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";

/**
 * Key events listed before the rest fold away: a reader arriving late sees the story's turns at
 * a glance; a long blog's list does not push its latest updates off the screen.
 */
const SHOWN = 10;

function KeyEvent({
  event,
  site,
  withDay,
}: {
  readonly event: KeyEventSpec;
  readonly site: Site;
  /** The events fall on more than one day: each says its day, or 9 am could be either. */
  readonly withDay: boolean;
}) {
  const time = updateTime(event.time, site);
  return (
    <li>
      <a href={event.href.startsWith("#") ? event.href : href(site, event.href)}>
        <time datetime={time.iso}>{withDay ? `${time.clock}, ${time.day}` : time.clock}</time>{" "}
        <span class="live-key-text">{curl(event.text)}</span>
      </a>
    </li>
  );
}

/** The key events, newest first, each a link to its update wherever it is. */
export function KeyEvents({
  events,
  site,
}: {
  readonly events: readonly KeyEventSpec[];
  readonly site: Site;
}) {
  if (events.length === 0) return null;
  const withDay = new Set(events.map((event) => updateTime(event.time, site).day)).size > 1;
  const first = events.slice(0, SHOWN);
  const rest = events.slice(SHOWN);
  return (
    <nav class="live-key-events" aria-labelledby="live-key-events-heading">
      <h2 id="live-key-events-heading">Key events</h2>
      <ol>
        {first.map((event) => (
          <KeyEvent event={event} site={site} withDay={withDay} />
        ))}
      </ol>
      {rest.length > 0 ? (
        <details class="live-key-more">
          <summary>
            Show {rest.length} earlier key {rest.length === 1 ? "event" : "events"}
          </summary>
          <ol>
            {rest.map((event) => (
              <KeyEvent event={event} site={site} withDay={withDay} />
            ))}
          </ol>
        </details>
      ) : null}
    </nav>
  );
}
