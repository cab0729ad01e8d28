/**
 * The JSON a live blog's open pages poll (`<blog>/live.json`): the newest updates, each with its
 * id, time, title, key-event mark and its HTML rendered by the same component as the page's
 * (layouts/components/LiveUpdate.tsx), so an update that arrives by script looks exactly as after
 * a reload; how many updates there are; and whether the coverage has ended, so pages stop asking.
 * A few kilobytes however long the blog: it holds the newest updates only.
 */
import { DateTime } from "luxon";
import type { Site } from "../content/model.ts";
import { isoWithOffset } from "./dates.ts";
import type { LiveJsonSpec, LiveUpdateSpec } from "./live-specs.ts";
import { href } from "./urls.ts";

/** One update in the JSON. */
export interface LiveJsonUpdate {
  /** The update's permanent id (its file name); its anchor is `update-<id>`. */
  readonly id: string;
  /** ISO 8601 with the site zone's offset, and epoch milliseconds for ordering. */
  readonly time: string;
  readonly timeMs: number;
  readonly title?: string;
  readonly key?: true;
  /** The update as the page shows it. */
  readonly html: string;
}

/** The whole file. */
export interface LiveJson {
  /** Bump when the shape changes: a page built for another shape reloads instead. */
  readonly version: 1;
  /** The blog's first page, under the site's path prefix. */
  readonly url: string;
  readonly ended: boolean;
  /** When it ended, ISO 8601 with the site zone's offset. */
  readonly endedAt?: string;
  /** Published updates in all. */
  readonly count: number;
  /** The newest updates, newest first. */
  readonly updates: readonly LiveJsonUpdate[];
}

function inZone(iso: string, site: Site): string {
  return isoWithOffset(DateTime.fromISO(iso, { setZone: true }).setZone(site.timeZone));
}

/** The JSON text, each update's HTML made by `render`. */
export function liveJson(
  spec: LiveJsonSpec,
  site: Site,
  render: (update: LiveUpdateSpec) => string,
): string {
  const value: LiveJson = {
    version: 1,
    url: href(site, spec.blogUrl),
    ended: spec.ended !== undefined,
    ...(spec.ended === undefined ? {} : { endedAt: inZone(spec.ended, site) }),
    count: spec.count,
    updates: spec.updates.map((update) => ({
      id: update.card.name,
      time: inZone(update.card.time, site),
      timeMs: update.card.timeMs,
      ...(update.card.title ? { title: update.card.title } : {}),
      ...(update.card.key ? { key: true } : {}),
      html: render(update),
    })),
  };
  return `${JSON.stringify(value)}\n`;
}
