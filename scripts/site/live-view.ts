/**
 * How a live update's time reads: the clock time in the site's zone, large, with its zone and
 * the day beside it (a blog may run over several days, and readers are in other zones).
 */
import { DateTime } from "luxon";
import type { Site } from "../content/model.ts";
import { displayTime } from "./dates.ts";

/** An update's time for people and machines. */
export interface UpdateTime {
  /** ISO 8601 with the site zone's offset, for `datetime`. */
  readonly iso: string;
  /** e.g. `10:32 am SGT`. */
  readonly clock: string;
  /** e.g. `7 December 2026`. */
  readonly day: string;
}

/** An update's time (ISO 8601 as written) in the site's zone and language. */
export function updateTime(time: string, site: Pick<Site, "timeZone" | "language">): UpdateTime {
  const shown = displayTime(DateTime.fromISO(time, { setZone: true }), site);
  // displayTime's text is "<day>, <clock> <zone>": the day is shown apart, below the clock.
  const clock = shown.text.slice(shown.text.indexOf(", ") + 2);
  return { iso: shown.iso, clock, day: shown.date };
}
