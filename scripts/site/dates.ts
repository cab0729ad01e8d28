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
  /** e.g. `23 June, 11:05 am`: a recent story's card (the year goes without saying). */
  readonly dayAndTime: string;
}

// A story's time is shown on its page, in every listing and in related cards: each is formatted
// once (formatting took longer than rendering the pages).
const shown = new Map<string, DisplayTime>();

/** Shows a moment in the site's time zone and language, whatever offset the editor wrote. */
export function displayTime(
  moment: DateTime,
  site: Pick<Site, "timeZone" | "language">,
): DisplayTime {
  const key = `${moment.toMillis()}|${site.timeZone}|${site.language}`;
  const known = shown.get(key);
  if (known) return known;
  const local = moment.setZone(site.timeZone).setLocale(site.language);
  const value = {
    iso: isoWithOffset(local),
    text: `${local.toFormat("d MMMM yyyy, h:mm a")} ${zoneName(local, site)}`,
    date: local.toFormat("d MMMM yyyy"),
    dayAndTime: local.toFormat("d MMMM, h:mm a"),
  };
  shown.set(key, value);
  return value;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's short name at that moment (`SGT`, `BST`, `GMT+8`), as luxon's `ZZZZ` gives it, from
 * one cached Intl formatter per zone: luxon builds a new one for every call.
 */
function zoneName(moment: DateTime, site: Pick<Site, "timeZone" | "language">): string {
  const key = `${site.timeZone}|${site.language}`;
  const format =
    zoneFormats.get(key) ??
    new Intl.DateTimeFormat(site.language, { timeZone: site.timeZone, timeZoneName: "short" });
  zoneFormats.set(key, format);
  return (
    format.formatToParts(moment.toJSDate()).find((part) => part.type === "timeZoneName")?.value ??
    moment.toFormat("ZZ")
  );
}

/** ISO 8601 to the second with a numeric offset (never `Z`), as feeds and Google expect. */
export function isoWithOffset(moment: DateTime): string {
  return moment.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}
