import type { DateTime } from "luxon";
import type { Site } from "../../scripts/content/model.ts";
import { displayTime } from "../../scripts/site/dates.ts";

interface TimestampProps {
  readonly moment: DateTime;
  readonly site: Site;
  /**
   * The date only (older stories' cards), the day and time without the year (recent stories'
   * cards), or date, time and zone (articles).
   */
  readonly precision?: "date" | "day-time" | "time";
}

/** A `<time>` with the offset for machines and the site zone's wording for people. */
export function Timestamp({ moment, site, precision = "time" }: TimestampProps) {
  const shown = displayTime(moment, site);
  const text =
    precision === "date" ? shown.date : precision === "day-time" ? shown.dayAndTime : shown.text;
  return <time datetime={shown.iso}>{text}</time>;
}
