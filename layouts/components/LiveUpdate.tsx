import type { Site } from "../../scripts/content/model.ts";
import { updateAnchor } from "../../scripts/site/live-paging.ts";
import type { LiveUpdateSpec } from "../../scripts/site/live-specs.ts";
import { updateTime } from "../../scripts/site/live-view.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";
import { StoryBody } from "./StoryBody.tsx";

interface LiveUpdateProps {
  readonly update: LiveUpdateSpec;
  readonly site: Site;
  /**
   * Carry the update's anchor, `update-<name>`: every page showing it in the stream does; the
   * pinned copy above the stream does not (an id is one element's).
   */
  readonly anchor?: boolean;
}

/**
 * One live update, the same on the first page, on its block's page and in the JSON open pages
 * poll (so an update that arrives by script looks exactly as after a reload): its time in the
 * site's zone, linking to its permanent address, a key event's mark, its title, its body (with
 * the body's photos, galleries, pull quotes and embeds) and who wrote it.
 */
export function LiveUpdate({ update, site, anchor = true }: LiveUpdateProps) {
  const { card } = update;
  const time = updateTime(card.time, site);
  const byline = update.byline ?? [];
  return (
    <article
      class={card.key ? "live-update live-update-key" : "live-update"}
      {...(anchor ? { id: updateAnchor(card.name) } : {})}
      data-update={card.name}
      data-time={String(card.timeMs)}
    >
      <header class="live-update-header">
        <p class="live-update-meta">
          <a class="live-update-time" href={href(site, update.permalink)}>
            <span class="visually-hidden">Permanent link to this update, </span>
            <time datetime={time.iso}>{time.clock}</time>{" "}
            <span class="live-update-day">{time.day}</span>
          </a>
          {card.key ? <span class="live-update-badge">Key event</span> : null}
        </p>
        {card.title ? <h3 class="live-update-title">{curl(card.title)}</h3> : null}
      </header>
      <StoryBody blocks={update.body} images={update.images} site={site} />
      {byline.length > 0 ? (
        <p class="live-update-byline">
          By{" "}
          {byline.map((author, index) => (
            <>
              {index === 0 ? "" : index === byline.length - 1 ? " and " : ", "}
              {author.path ? (
                <a href={href(site, author.path)} rel="author">
                  {author.name}
                </a>
              ) : (
                author.name
              )}
            </>
          ))}
        </p>
      ) : null}
    </article>
  );
}
