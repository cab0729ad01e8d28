import type { DateTime } from "luxon";
import type { Site } from "../content/model.ts";

/** A moment in the site's zone, for `<time>`: machine-readable with offset, and for people. */
export interface DisplayTime {
  /** ISO 8601 with the site zone's offset, e.g. `2019-06-23T11:05:00+08:00`. */
  readonly iso: string;
  /** e.g. `23 June 2019, 11:05 am SGT`. */
  readonly text: string;
  /** e.g. `23 June 2019`. */
  readonly date: string;
}

/** Shows a moment in the site's time zone and language, whatever offset the editor wrote. */
export function displayTime(
  moment: DateTime,
  site: Pick<Site, "timeZone" | "language">,
): DisplayTime {
  const local = moment.setZone(site.timeZone).setLocale(site.language);
  return {
    iso: isoWithOffset(local),
    text: local.toFormat("d MMMM yyyy, h:mm a ZZZZ"),
    date: local.toFormat("d MMMM yyyy"),
  };
}

/** ISO 8601 to the second with a numeric offset (never `Z`), as feeds and Google expect. */
export function isoWithOffset(moment: DateTime): string {
  return moment.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}
