import type { DateTime } from "luxon";
import type { Site } from "../../scripts/content/model.ts";
import { displayTime } from "../../scripts/site/dates.ts";

interface TimestampProps {
  readonly moment: DateTime;
  readonly site: Site;
  /** Show the date only (listings) or date and time (articles). */
  readonly precision?: "date" | "time";
}

/** A `<time>` with the offset for machines and the site zone's wording for people. */
export function Timestamp({ moment, site, precision = "time" }: TimestampProps) {
  const shown = displayTime(moment, site);
  return <time datetime={shown.iso}>{precision === "date" ? shown.date : shown.text}</time>;
}
