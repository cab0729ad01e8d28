/**
 * Calendar keys in the site's time zone (`2026-11`, `2026-11-30`) straight from epoch
 * milliseconds, with one Intl formatter per zone: the archive, the sitemaps and the search index
 * group a whole archive by month, and luxon's per-date zone conversion costs ten times more.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** `2026-11-30`: the calendar day of an instant in `timeZone`. */
export function dayKey(ms: number, timeZone: string): string {
  let year = "";
  let month = "";
  let day = "";
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type === "year") year = part.value.padStart(4, "0");
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** `2026-11`: the calendar month of an instant in `timeZone`. */
export function monthKey(ms: number, timeZone: string): string {
  return dayKey(ms, timeZone).slice(0, 7);
}
