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

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `ms`, in milliseconds (to the second: old zones' offsets had seconds). */
function offsetAt(ms: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    offsetFormatters.set(timeZone, format);
  }
  const field: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) field[part.type] = Number(part.value);
  const local = Date.UTC(
    field.year ?? 0,
    (field.month ?? 1) - 1,
    field.day ?? 1,
    field.hour ?? 0,
    field.minute ?? 0,
    field.second ?? 0,
  );
  return local - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * {@link dayKey} for many instants at once: the zone's offset is looked up once per UTC day (a
 * zone changes its offset at most once a day), and the day read from the shifted instant; a UTC
 * day whose offset changes within it falls back to {@link dayKey}. The search index files every
 * story by its day, so a build of 100,000 stories needs this to stay cheap (about 8 µs a call
 * through Intl, a few hundred nanoseconds here).
 */
export function dayKeys(timeZone: string): (ms: number) => string {
  const offsets = new Map<number, number | undefined>();
  const names = new Map<number, string>();
  return (ms) => {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDay);
    if (!offsets.has(utcDay)) {
      const start = offsetAt(utcDay * DAY_MS, timeZone);
      const end = offsetAt((utcDay + 1) * DAY_MS - 1, timeZone);
      offset = start === end ? start : undefined;
      offsets.set(utcDay, offset);
    }
    if (offset === undefined) return dayKey(ms, timeZone);
    const localDay = Math.floor((ms + offset) / DAY_MS);
    let key = names.get(localDay);
    if (key === undefined) {
      key = new Date(localDay * DAY_MS).toISOString().slice(0, 10);
      names.set(localDay, key);
    }
    return key;
  };
}
