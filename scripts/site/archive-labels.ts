/**
 * The words of archive pages, in the site's language and time zone: month names, day headings
 * and times. Pure functions of their inputs, so pages render the same on every machine with
 * the same Node and ICU (the page keys include both).
 */
import { DateTime } from "luxon";
import type { Site } from "../content/model.ts";
import type { StreamRef } from "./streams.ts";

/** `November 2026` for `2026-11`. */
export function monthLabel(key: string, site: Pick<Site, "language">): string {
  const [year, month] = key.split("-").map(Number);
  return DateTime.fromObject({ year, month, day: 1 }, { locale: site.language }).toFormat(
    "LLLL yyyy",
  );
}

/** One luxon format per site zone and language, applied to many rows: cached, as luxon's own
 * zone conversion costs more than the rest of an archive page. */
const formatted = new Map<string, string>();

function formatIn(
  moment: DateTime,
  site: Pick<Site, "language" | "timeZone">,
  format: string,
): string {
  const key = `${moment.toMillis()}|${site.timeZone}|${site.language}|${format}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 200_000) formatted.clear();
    text = moment.setZone(site.timeZone).setLocale(site.language).toFormat(format);
    formatted.set(key, text);
  }
  return text;
}

/** The day heading an archive row falls under: `Monday 3 November`. */
export function dayLabel(moment: DateTime, site: Pick<Site, "language" | "timeZone">): string {
  return formatIn(moment, site, "cccc d LLLL");
}

/** `11:05 am`: a row's time of day. */
export function timeLabel(moment: DateTime, site: Pick<Site, "language" | "timeZone">): string {
  return formatIn(moment, site, "h:mm a");
}

/** `Archive`, `Asia: archive`, `North Korea: archive`. */
export function archiveTitle(stream: StreamRef): string {
  return stream.kind === "home" ? "Archive" : `${stream.name}: archive`;
}
